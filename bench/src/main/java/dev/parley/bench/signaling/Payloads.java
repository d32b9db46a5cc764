package dev.parley.bench.signaling;

import dev.parley.signaling.protocol.IceCandidateInit;

/**
 * What the benchmark relays: an SDP about the size of a real audio+video offer, and host candidates. The
 * sender's {@link System#nanoTime()} rides inside the text (the server never parses it), so the receiver,
 * in the same JVM, measures the one-way relay latency.
 */
final class Payloads {

    // Stamps count from here, so they are non-negative digits (System.nanoTime itself may be negative).
    private static final long ORIGIN = System.nanoTime();
    /** What {@link #sentNanos} returns for a message that carries no stamp. */
    static final long NO_STAMP = Long.MIN_VALUE;

    private static final String SENT_ATTRIBUTE = "a=x-parley-bench-sent:";
    private static final String FOUNDATION_PREFIX = "candidate:";

    // Roughly what a browser offers for one Opus and one H.264 stream: about 1 KB of text.
    private static final String SDP_BODY = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "a=msid-semantic: WMS parley",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:Bx9q",
            "a=ice-pwd:7yR1mCk2XvQ4d9Tq0sLw3Hn8",
            "a=ice-options:trickle",
            "a=fingerprint:sha-256 5B:2C:91:0E:77:A4:6F:13:C8:D2:4E:BB:09:3A:F1:62:8D:57:E0:1C:A9:34:"
                    + "7B:C6:02:DE:95:48:3F:B1:6A:20",
            "a=setup:actpass",
            "a=mid:0",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 minptime=10;useinbandfec=1",
            "m=video 9 UDP/TLS/RTP/SAVPF 102 103",
            "c=IN IP4 0.0.0.0",
            "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:Bx9q",
            "a=ice-pwd:7yR1mCk2XvQ4d9Tq0sLw3Hn8",
            "a=setup:actpass",
            "a=mid:1",
            "a=sendrecv",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:102 H264/90000",
            "a=rtcp-fb:102 nack",
            "a=rtcp-fb:102 nack pli",
            "a=rtcp-fb:102 transport-cc",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
            "a=rtpmap:103 rtx/90000",
            "a=fmtp:103 apt=102",
            "");

    private Payloads() {
    }

    static String sdp(long sentNanos) {
        return SDP_BODY + SENT_ATTRIBUTE + (sentNanos - ORIGIN) + "\r\n";
    }

    static IceCandidateInit candidate(long sentNanos, int port) {
        // The timestamp is the candidate's foundation: digits are valid ice-chars.
        String text = FOUNDATION_PREFIX + (sentNanos - ORIGIN) + " 1 udp 2122260223 127.0.0.1 " + port
                + " typ host generation 0";
        return new IceCandidateInit(text, "0", 0);
    }

    /** The {@link System#nanoTime()} at which this SDP was sent, or {@link #NO_STAMP}. */
    static long sentNanos(String sdp) {
        int at = sdp == null ? -1 : sdp.lastIndexOf(SENT_ATTRIBUTE);
        return at < 0 ? NO_STAMP : stampAt(sdp, at + SENT_ATTRIBUTE.length());
    }

    /** The {@link System#nanoTime()} at which this candidate was sent, or {@link #NO_STAMP}. */
    static long sentNanos(IceCandidateInit candidate) {
        String c = candidate == null ? null : candidate.candidate();
        return c == null || !c.startsWith(FOUNDATION_PREFIX) ? NO_STAMP : stampAt(c, FOUNDATION_PREFIX.length());
    }

    private static long stampAt(String s, int from) {
        long v = 0;
        int i = from;
        for (; i < s.length() && i - from < 18 && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return i == from ? NO_STAMP : ORIGIN + v;
    }
}
