package dev.parley.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Messages a client sends to the server (signaling-v1, "Client -> server"). */
@JsonPropertyOrder({"type"})
public sealed interface ClientMessage {

    /** The wire {@code type} of this message. */
    @JsonProperty("type")
    String type();

    /** Make a room; answered by {@code created} then {@code joined}. */
    record Create(String name, String password, Integer capacity) implements ClientMessage {
        public static final int MIN_CAPACITY = 2;
        public static final int MAX_CAPACITY = 8;
        public static final int DEFAULT_CAPACITY = 4;

        public Create {
            name = Fields.name(name);
            password = Fields.password(password);
            if (capacity != null && (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY)) {
                throw new IllegalArgumentException("A room holds " + MIN_CAPACITY + " to " + MAX_CAPACITY + " people.");
            }
        }

        public int capacityOrDefault() {
            return capacity == null ? DEFAULT_CAPACITY : capacity;
        }

        @Override
        public String type() {
            return "create";
        }
    }

    /** Enter a room; answered by {@code joined} or {@code error}. */
    record Join(String room, String name, String password) implements ClientMessage {
        public Join {
            Fields.required(room, "room");
            name = Fields.name(name);
            password = Fields.password(password);
        }

        @Override
        public String type() {
            return "join";
        }
    }

    /** Relay an SDP offer to one peer. */
    record Offer(String to, String sdp) implements ClientMessage {
        public Offer {
            Fields.boundedId(to, "to");
            Fields.required(sdp, "sdp");
        }

        @Override
        public String type() {
            return "offer";
        }
    }

    /**
     * Tell one peer whether this side's microphone is muted and its camera off (a Parley extension to protocol v1:
     * relayed like an offer; peers that do not know it ignore it).
     */
    record State(String to, boolean muted, boolean cameraOff) implements ClientMessage {
        public State {
            Fields.boundedId(to, "to");
        }

        @Override
        public String type() {
            return "state";
        }
    }

    /** Relay an SDP answer to one peer. */
    record Answer(String to, String sdp) implements ClientMessage {
        public Answer {
            Fields.boundedId(to, "to");
            Fields.required(sdp, "sdp");
        }

        @Override
        public String type() {
            return "answer";
        }
    }

    /** Relay one trickled candidate; a null candidate means end of candidates (RFC 8838). */
    record Candidate(String to, @JsonInclude(JsonInclude.Include.ALWAYS) IceCandidateInit candidate)
            implements ClientMessage {
        public Candidate {
            Fields.boundedId(to, "to");
        }

        @Override
        public String type() {
            return "candidate";
        }
    }

    /** Leave the room (closing the socket means the same). */
    record Leave() implements ClientMessage {
        @Override
        public String type() {
            return "leave";
        }
    }

    /** Keepalive; answered by {@code pong} with the same {@code id}. */
    record Ping(Object id) implements ClientMessage {
        public Ping {
            Fields.pingId(id);
        }

        @Override
        public String type() {
            return "ping";
        }
    }
}
