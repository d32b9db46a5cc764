package dev.parley.signaling.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Messages the server sends to a client (signaling-v1, "Server -> client"). */
@JsonPropertyOrder({"type"})
public sealed interface ServerMessage {

    /** The wire {@code type} of this message. */
    @JsonProperty("type")
    String type();

    /** The new room's code, in display form. */
    record Created(String room) implements ServerMessage {
        public Created {
            Fields.required(room, "room");
        }

        @Override
        public String type() {
            return "created";
        }
    }

    /** You are in: your peer id, who is already inside, and ICE servers the server recommends. */
    record Joined(String room, String peerId, List<PeerInfo> peers, List<IceServer> iceServers)
            implements ServerMessage {
        public Joined {
            Fields.required(room, "room");
            Fields.boundedId(peerId, "peerId");
            peers = peers == null ? List.of() : List.copyOf(peers);
            iceServers = iceServers == null || iceServers.isEmpty() ? null : List.copyOf(iceServers);
        }

        @Override
        public String type() {
            return "joined";
        }
    }

    /** Someone entered the room. */
    record PeerJoined(PeerInfo peer) implements ServerMessage {
        public PeerJoined {
            if (peer == null) {
                throw new IllegalArgumentException("The message is missing the field 'peer'.");
            }
        }

        @Override
        public String type() {
            return "peer-joined";
        }
    }

    /** Someone left or their connection dropped. */
    record PeerLeft(String peerId) implements ServerMessage {
        public PeerLeft {
            Fields.boundedId(peerId, "peerId");
        }

        @Override
        public String type() {
            return "peer-left";
        }
    }

    /** Another peer's microphone/camera state, relayed (the "state" extension). */
    record State(String from, boolean muted, boolean cameraOff) implements ServerMessage {
        public State {
            Fields.boundedId(from, "from");
        }

        @Override
        public String type() {
            return "state";
        }
    }

    /** An offer relayed from another peer. */
    record Offer(String from, String sdp) implements ServerMessage {
        public Offer {
            Fields.boundedId(from, "from");
            Fields.required(sdp, "sdp");
        }

        @Override
        public String type() {
            return "offer";
        }
    }

    /** An answer relayed from another peer. */
    record Answer(String from, String sdp) implements ServerMessage {
        public Answer {
            Fields.boundedId(from, "from");
            Fields.required(sdp, "sdp");
        }

        @Override
        public String type() {
            return "answer";
        }
    }

    /** A candidate relayed from another peer; null means that peer's end of candidates. */
    record Candidate(String from, @JsonInclude(JsonInclude.Include.ALWAYS) IceCandidateInit candidate)
            implements ServerMessage {
        public Candidate {
            Fields.boundedId(from, "from");
        }

        @Override
        public String type() {
            return "candidate";
        }
    }

    /** The answer to a ping, with its id. */
    record Pong(Object id) implements ServerMessage {
        public Pong {
            Fields.pingId(id);
        }

        @Override
        public String type() {
            return "pong";
        }
    }

    /** Something failed: a code, a sentence a person understands, and the type of the message that failed. */
    record Error(ErrorCode code, String message, String ref) implements ServerMessage {
        public Error {
            if (code == null) {
                throw new IllegalArgumentException("The message is missing the field 'code'.");
            }
            Fields.required(message, "message");
        }

        @Override
        public String type() {
            return "error";
        }
    }
}
