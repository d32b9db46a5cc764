package dev.parley.rtc.sdp;

import dev.parley.rtc.ice.CandidateType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code a=candidate} value (RFC 8839 §5.1, libwebrtc's extensions). Optional numbers are null when absent.
 * Extension pairs that this class does not name are kept, in order, in {@code extensions}.
 *
 * <p>Named {@code Candidate} so it does not clash with the W3C-shaped {@code dev.parley.rtc.peer.IceCandidate}, which
 * carries the unparsed string plus sdpMid/sdpMLineIndex and can be built from this with {@link #toAttributeValue()}.
 */
public record Candidate(String foundation, int component, String transport, long priority, String address, int port,
        CandidateType type, String relatedAddress, Integer relatedPort, String tcpType, Integer generation,
        String ufrag, Integer networkId, Integer networkCost, List<Map.Entry<String, String>> extensions) {

    public Candidate {
        extensions = List.copyOf(extensions);
    }

    /**
     * Parses the value of {@code a=candidate:}, also accepting the {@code candidate:} prefix used by trickle ICE
     * signalling (RFC 8840 §4.2; W3C RTCIceCandidateInit.candidate).
     *
     * @throws IllegalArgumentException with a sentence when the value does not follow the grammar
     */
    public static Candidate parse(String value) {
        String v = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        List<String> t = Syntax.tokens(v);
        if (t.size() < 8 || !t.get(6).equals("typ")) {
            throw new IllegalArgumentException(
                    "A candidate must read <foundation> <component> <transport> <priority> <address> <port> typ <type>.");
        }
        String foundation = t.get(0);
        // RFC 8839 §5.1: foundation = 1*32ice-char
        if (foundation.length() > 32 || !Syntax.isIceChars(foundation)) {
            throw new IllegalArgumentException("A candidate foundation must be 1 to 32 letters, digits, '+' or '/'.");
        }
        int component = Syntax.integer(t.get(1), 1, 256, "The candidate component");
        if (!Syntax.isToken(t.get(2))) {
            throw new IllegalArgumentException("The candidate transport must be a token such as udp or tcp.");
        }
        long priority = Syntax.number(t.get(3), 1, 0xFFFF_FFFFL, "The candidate priority");
        int port = Syntax.integer(t.get(5), 0, 65535, "The candidate port");
        CandidateType type = java.util.Optional.ofNullable(CandidateType.fromSdpName(t.get(7))).orElseThrow(
                () -> new IllegalArgumentException("Unknown candidate type \"" + Syntax.clip(t.get(7)) + "\"."));
        if ((t.size() - 8) % 2 != 0) {
            throw new IllegalArgumentException("Candidate extensions must come as name value pairs.");
        }
        String raddr = null;
        String tcpType = null;
        String ufrag = null;
        Integer rport = null;
        Integer generation = null;
        Integer networkId = null;
        Integer networkCost = null;
        List<Map.Entry<String, String>> ext = new ArrayList<>();
        for (int i = 8; i < t.size(); i += 2) {
            String k = t.get(i);
            String val = t.get(i + 1);
            switch (k) {
                case "raddr" -> raddr = val;
                case "rport" -> rport = Syntax.integer(val, 0, 65535, "The candidate rport");
                case "tcptype" -> tcpType = val; // RFC 6544 §4.5: active, passive or so
                case "generation" -> generation = Syntax.integer(val, 0, Integer.MAX_VALUE, "The candidate generation");
                case "ufrag" -> ufrag = val;
                case "network-id" -> networkId = Syntax.integer(val, 0, Integer.MAX_VALUE, "The candidate network-id");
                case "network-cost" -> networkCost = Syntax.integer(val, 0, 65535, "The candidate network-cost");
                default -> ext.add(Map.entry(k, val));
            }
        }
        return new Candidate(foundation, component, t.get(2), priority, t.get(4), port, type, raddr, rport, tcpType,
                generation, ufrag, networkId, networkCost, ext);
    }

    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    /** True for an mDNS name (RFC 8839 §5.1 allows FQDNs; browsers hide host IPs behind {@code <uuid>.local}). */
    public boolean isMdns() {
        return address.endsWith(".local");
    }

    /** The value for {@code a=candidate:} (no prefix), fields in the usual libwebrtc order. */
    public String toAttributeValue() {
        StringBuilder b = new StringBuilder();
        b.append(foundation).append(' ').append(component).append(' ').append(transport).append(' ').append(priority)
                .append(' ').append(address).append(' ').append(port).append(" typ ").append(type.sdpName());
        pair(b, "raddr", relatedAddress);
        pair(b, "rport", relatedPort);
        pair(b, "tcptype", tcpType);
        pair(b, "generation", generation);
        pair(b, "ufrag", ufrag);
        pair(b, "network-id", networkId);
        pair(b, "network-cost", networkCost);
        extensions.forEach(e -> pair(b, e.getKey(), e.getValue()));
        return b.toString();
    }

    private static void pair(StringBuilder b, String key, Object value) {
        if (value != null) {
            b.append(' ').append(key).append(' ').append(value);
        }
    }
}
