package dev.parley.signaling.protocol;

/** Someone in a room, as {@code joined.peers} and {@code peer-joined.peer} describe them. */
public record PeerInfo(String peerId, String name) {
    public PeerInfo {
        Fields.boundedId(peerId, "peerId");
        name = Fields.name(name);
    }
}
