package dev.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyClientMessageRoundTrips() throws Exception {
        List<ClientMessage> messages = List.of(
                new ClientMessage.Create("Ada", "s3cret", 3),
                new ClientMessage.Create("Ada", null, null),
                new ClientMessage.Join("7mq2k-xd41r", "Grace Hopper", null),
                new ClientMessage.Offer("abc123", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"),
                new ClientMessage.Answer("abc123", "v=0\r\n"),
                new ClientMessage.Candidate("abc123", new IceCandidateInit("candidate:1 1 udp 1 1.2.3.4 5 typ host", "0", 0)),
                new ClientMessage.Candidate("abc123", null),
                new ClientMessage.Leave(),
                new ClientMessage.Ping(7),
                new ClientMessage.Ping("k-1"),
                new ClientMessage.Ping(null),
                new ClientMessage.State("abc123", true, false));
        for (ClientMessage m : messages) {
            String text = codec.encode(m);
            assertThat(json.readTree(text).get("type").asText()).isEqualTo(m.type());
            assertThat(text).startsWith("{\"type\":\"" + m.type() + "\"");
            assertThat(codec.decodeClient(text)).isEqualTo(m);
        }
    }

    @Test
    void everyServerMessageRoundTrips() throws Exception {
        List<ServerMessage> messages = List.of(
                new ServerMessage.Created("7mq2k-xd41r"),
                new ServerMessage.Joined("7mq2k-xd41r", "p1", List.of(new PeerInfo("p2", "Bob")),
                        List.of(new IceServer(List.of("turn:turn.example:3478"), "u", "c"))),
                new ServerMessage.Joined("7mq2k-xd41r", "p1", List.of(), null),
                new ServerMessage.PeerJoined(new PeerInfo("p3", "Eve")),
                new ServerMessage.PeerLeft("p3"),
                new ServerMessage.Offer("p2", "v=0\r\n"),
                new ServerMessage.Answer("p2", "v=0\r\n"),
                new ServerMessage.Candidate("p2", new IceCandidateInit("candidate:x", null, 1)),
                new ServerMessage.Candidate("p2", null),
                new ServerMessage.Pong(7),
                new ServerMessage.State("p2", false, true),
                new ServerMessage.Error(ErrorCode.ROOM_FULL, "This room is full.", "join"));
        for (ServerMessage m : messages) {
            String text = codec.encode(m);
            assertThat(json.readTree(text).get("type").asText()).isEqualTo(m.type());
            assertThat(codec.decodeServer(text)).isEqualTo(m);
        }
    }

    @Test
    void endOfCandidatesIsAnExplicitNull() throws Exception {
        String text = codec.encode(new ClientMessage.Candidate("p", null));
        JsonNode tree = json.readTree(text);
        assertThat(tree.has("candidate")).isTrue();
        assertThat(tree.get("candidate").isNull()).isTrue();
        assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"candidate\",\"to\":\"p\"}"))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.BAD_MESSAGE));
    }

    @Test
    void theStateExtensionNeedsBothFlagsAsBooleans() throws Exception {
        assertThat(codec.decodeClient("{\"type\":\"state\",\"to\":\"p\",\"muted\":true,\"cameraOff\":false}"))
                .isEqualTo(new ClientMessage.State("p", true, false));
        for (String bad : List.of("{\"type\":\"state\",\"to\":\"p\",\"muted\":true}",
                "{\"type\":\"state\",\"to\":\"p\",\"muted\":\"yes\",\"cameraOff\":false}",
                "{\"type\":\"state\",\"muted\":true,\"cameraOff\":false}")) {
            assertThatThrownBy(() -> codec.decodeClient(bad)).as(bad).isInstanceOf(ProtocolException.class)
                    .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.BAD_MESSAGE));
        }
    }

    @Test
    void browserShapedMessagesWithExtraFieldsAreAccepted() throws Exception {
        ClientMessage m = codec.decodeClient("{\"type\":\"candidate\",\"to\":\"p9\",\"future\":[1,2],"
                + "\"candidate\":{\"candidate\":\"candidate:1 1 udp 2 10.0.0.1 9 typ host\",\"sdpMid\":\"0\","
                + "\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}}");
        assertThat(m).isEqualTo(new ClientMessage.Candidate("p9",
                new IceCandidateInit("candidate:1 1 udp 2 10.0.0.1 9 typ host", "0", 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "", "   ", "[]", "42", "\"create\"", "null", "{", "{\"type\":\"ping\"", "{}",
        "{\"type\":5}", "{\"type\":null}", "{\"type\":[\"join\"]}",
        "{\"type\":\"join\",\"name\":\"a\"}",
        "{\"type\":\"join\",\"room\":123,\"name\":\"a\"}",
        "{\"type\":\"join\",\"room\":\"abc\",\"name\":{}}",
        "{\"type\":\"join\",\"room\":\"abc\",\"name\":\"\"}",
        "{\"type\":\"join\",\"room\":\"abc\",\"name\":\"   \"}",
        "{\"type\":\"create\",\"name\":\"a\",\"capacity\":\"4\"}",
        "{\"type\":\"create\",\"name\":\"a\",\"capacity\":4.5}",
        "{\"type\":\"create\",\"name\":\"a\",\"capacity\":1}",
        "{\"type\":\"create\",\"name\":\"a\",\"capacity\":9}",
        "{\"type\":\"create\",\"name\":\"a\",\"capacity\":99999999999999999999999}",
        "{\"type\":\"create\",\"name\":true}",
        "{\"type\":\"offer\",\"to\":\"p\"}",
        "{\"type\":\"offer\",\"sdp\":\"v=0\"}",
        "{\"type\":\"offer\",\"to\":\"\",\"sdp\":\"v=0\"}",
        "{\"type\":\"answer\",\"to\":\"p\",\"sdp\":[\"v=0\"]}",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":\"candidate:1\"}",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":{\"sdpMid\":\"0\"}}",
        "{\"type\":\"candidate\",\"to\":\"p\",\"candidate\":{\"candidate\":\"c\",\"sdpMLineIndex\":-1}}",
        "{\"type\":\"ping\",\"id\":{\"a\":1}}",
        "{\"type\":\"ping\",\"id\":[1]}",
        "{\"type\":\"join\",\"room\":\"abc\",\"name\":\"a\\u0000b\"}",
        "{\"type\":\"join\",\"room\":\"abc\",\"name\":\"a\\ud800b\"}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":\"v=0\\udc00\"}",
        "{\"type\":\"offer\",\"to\":\"p\",\"sdp\":NaN}",
    })
    void hostileClientFramesAreBadMessages(String frame) {
        assertThatThrownBy(() -> codec.decodeClient(frame))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> {
                    ProtocolException pe = (ProtocolException) e;
                    assertThat(pe.code()).isEqualTo(ErrorCode.BAD_MESSAGE);
                    assertThat(pe.getMessage()).isNotBlank().endsWith(".");
                });
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutBlowingTheStack() {
        String deep = "{\"type\":\"ping\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> codec.decodeClient(deep)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void unknownTypeIsNamedInTheError() {
        assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"subscribe\"}"))
                .isInstanceOf(ProtocolException.class)
                .satisfies(e -> {
                    ProtocolException pe = (ProtocolException) e;
                    assertThat(pe.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(pe.ref()).isEqualTo("subscribe");
                });
        // A server-only type sent by a client is unknown to the server.
        assertThatThrownBy(() -> codec.decodeClient("{\"type\":\"joined\"}"))
                .satisfies(e -> assertThat(((ProtocolException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TYPE));
    }

    @Test
    void unicodeNamesAreKeptExactly() throws Exception {
        for (String name : List.of("Zoë", "李小龍", "😀 party", "مرحبا", "a\u200Db", "Ünïcödé ✓", "\uD83D\uDC69\u200D\uD83D\uDCBB")) {
            ClientMessage m = codec.decodeClient(codec.encode(new ClientMessage.Join("abc", name, null)));
            assertThat(((ClientMessage.Join) m).name()).isEqualTo(name);
        }
        ClientMessage.Join padded = (ClientMessage.Join) codec.decodeClient(
                "{\"type\":\"join\",\"room\":\"r\",\"name\":\"  Ada  \"}");
        assertThat(padded.name()).isEqualTo("Ada");
        assertThatThrownBy(() -> codec.decodeClient(codec.encode(new ClientMessage.Join("r", "x".repeat(64), null))
                .replace("x".repeat(64), "x".repeat(65))))
                .isInstanceOf(ProtocolException.class);
    }
}
