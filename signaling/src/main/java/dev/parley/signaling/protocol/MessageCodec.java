package dev.parley.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Map;

/**
 * JSON text frames to typed messages and back. Decoding is strict about types (no number-as-string
 * coercion) and lenient about unknown fields (forward compatible), and it never throws anything but
 * {@link ProtocolException}.
 */
public final class MessageCodec {

    private static final Map<String, Class<? extends ClientMessage>> CLIENT_TYPES = Map.of(
            "create", ClientMessage.Create.class,
            "join", ClientMessage.Join.class,
            "offer", ClientMessage.Offer.class,
            "answer", ClientMessage.Answer.class,
            "candidate", ClientMessage.Candidate.class,
            "leave", ClientMessage.Leave.class,
            "ping", ClientMessage.Ping.class,
            "state", ClientMessage.State.class);

    private static final Map<String, Class<? extends ServerMessage>> SERVER_TYPES = Map.of(
            "created", ServerMessage.Created.class,
            "joined", ServerMessage.Joined.class,
            "peer-joined", ServerMessage.PeerJoined.class,
            "peer-left", ServerMessage.PeerLeft.class,
            "offer", ServerMessage.Offer.class,
            "answer", ServerMessage.Answer.class,
            "candidate", ServerMessage.Candidate.class,
            "pong", ServerMessage.Pong.class,
            "error", ServerMessage.Error.class,
            "state", ServerMessage.State.class);

    private static final MessageCodec SHARED = new MessageCodec();

    private final ObjectMapper mapper;

    /** One codec for a whole process: it is thread-safe, and a mapper costs ~50 KiB and a millisecond to warm. */
    public static MessageCodec shared() {
        return SHARED;
    }

    public MessageCodec() {
        JsonMapper.Builder builder = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        ObjectMapper built = builder.build();
        // A number or boolean where text belongs is a client bug worth telling about, not something to guess.
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            built.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        built.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxNumberLength(32).maxStringLength(1 << 20).build());
        this.mapper = built;
    }

    /** Reads one client frame (the server's side). */
    public ClientMessage decodeClient(String text) throws ProtocolException {
        return decode(text, CLIENT_TYPES);
    }

    /** Reads one server frame (the client's side). */
    public ServerMessage decodeServer(String text) throws ProtocolException {
        return decode(text, SERVER_TYPES);
    }

    /** Writes a message as one JSON object with its {@code type} first. */
    public String encode(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            // Only our own validated records reach here: failing to write one is a programming error.
            throw new IllegalStateException("Cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    private <T> T decode(String text, Map<String, Class<? extends T>> types) throws ProtocolException {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "The message is not valid JSON.", null);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "A message must be one JSON object.", null);
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "The message has no string field 'type'.", null);
        }
        String type = typeNode.textValue();
        Class<? extends T> target = types.get(type);
        if (target == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "The message type '" + printable(type) + "' is not part of this protocol.", printable(type));
        }
        if (type.equals("candidate") && !tree.has("candidate")) {
            // Present-but-null is end of candidates; absent is a mistake.
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "The message is missing the field 'candidate'.", type);
        }
        try {
            return mapper.treeToValue(tree, target);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            String sentence = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "The message has a field with a wrong value.";
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, sentence, type);
        } catch (MismatchedInputException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, describeMismatch(e), type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ProtocolException(ErrorCode.BAD_MESSAGE, "The message has a field with a wrong type.", type);
        }
    }

    private static String describeMismatch(MismatchedInputException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .reduce((a, b) -> a + "." + b).orElse(null);
        if (path == null) {
            return "The message has a field with a wrong type.";
        }
        if (e instanceof InvalidFormatException) {
            return "The field '" + path + "' has a value this server does not understand.";
        }
        return "The field '" + path + "' has the wrong type.";
    }

    // Echoes of attacker-chosen text stay short and printable.
    private static String printable(String text) {
        String cut = text.length() > 32 ? text.substring(0, 32) + "…" : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> out.appendCodePoint(
                Character.isISOControl(cp) || Character.isSurrogate((char) cp) && cp < 0x10000 ? '?' : cp));
        return out.toString();
    }
}
