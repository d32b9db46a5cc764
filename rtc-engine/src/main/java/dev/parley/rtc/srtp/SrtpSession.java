package dev.parley.rtc.srtp;

/**
 * One direction of an SRTP/SRTCP session (RFC 3711): {@link SrtpOutboundSession} protects what we send with our
 * write key, {@link SrtpInboundSession} unprotects what we receive with the peer's write key. Keys are per session;
 * per-SSRC state (ROC, replay window, SRTCP index) is created on demand, up to {@link SrtpOptions#maxSsrcs()}.
 *
 * <p>Packets are transformed in place in the caller's buffer. Methods return the new length, or a negative
 * {@link SrtpError#code()}; they never throw for packet content, and each error is counted.
 *
 * <p>Not thread-safe: a session belongs to the network thread of its peer connection (ARCHITECTURE.md, Threads).
 */
public abstract sealed class SrtpSession permits SrtpOutboundSession, SrtpInboundSession {
    /** RTP and RTCP over UDP cannot exceed this; larger inputs are {@link SrtpError#MALFORMED}. */
    static final int MAX_PACKET = 0xFFFF;

    final SrtpProfile profile;
    final SrtpOptions options;
    final SrtpTransform transform;
    final SsrcTable ssrcs;
    private final long[] errors = new long[SrtpError.values().length];
    long rtpPackets;
    long rtcpPackets;

    SrtpSession(SrtpTransform transform, SrtpOptions options) {
        this.profile = transform.profile;
        this.options = options;
        this.transform = transform;
        this.ssrcs = new SsrcTable(options.maxSsrcs());
    }

    /** A session that protects outgoing packets; key and salt come from DTLS-SRTP (RFC 5764 §4.2). */
    public static SrtpOutboundSession outbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return new SrtpOutboundSession(SrtpTransform.create(profile, masterKey, masterSalt), SrtpOptions.DEFAULT);
    }

    public static SrtpOutboundSession outbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt,
            SrtpOptions options) {
        return new SrtpOutboundSession(SrtpTransform.create(profile, masterKey, masterSalt), options);
    }

    /** A session that unprotects incoming packets with the peer's master key and salt. */
    public static SrtpInboundSession inbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt) {
        return new SrtpInboundSession(SrtpTransform.create(profile, masterKey, masterSalt), SrtpOptions.DEFAULT);
    }

    public static SrtpInboundSession inbound(SrtpProfile profile, byte[] masterKey, byte[] masterSalt,
            SrtpOptions options) {
        return new SrtpInboundSession(SrtpTransform.create(profile, masterKey, masterSalt), options);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** How many packets failed with {@code error}. */
    public long errorCount(SrtpError error) {
        return errors[error.ordinal()];
    }

    /** RTP packets successfully protected (outbound) or unprotected (inbound). */
    public long rtpPackets() {
        return rtpPackets;
    }

    /** RTCP packets successfully protected (outbound) or unprotected (inbound). */
    public long rtcpPackets() {
        return rtcpPackets;
    }

    /** SSRC contexts held. */
    public int ssrcCount() {
        return ssrcs.size();
    }

    /** Counts {@code error} and returns its code, so callers can {@code return fail(...)}. */
    final int fail(SrtpError error) {
        errors[error.ordinal()]++;
        return error.code();
    }

    /** Counts the error behind a negative transform result and returns it unchanged. */
    final int failCode(int code) {
        SrtpError e = SrtpError.fromCode(code);
        if (e != null) {
            errors[e.ordinal()]++;
        }
        return code;
    }

    /** True if {@code [off, off+len)} lies inside {@code buf}; checked first so nothing below can throw. */
    static boolean inBounds(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
    }

    /**
     * RFC 3550 §5.1 and §5.3.1: the RTP header length including CSRCs and the header extension, or a negative
     * error code if the packet is not version 2 or the header runs past {@code len}.
     */
    static int rtpHeaderLength(byte[] buf, int off, int len) {
        if (len < 12) {
            return SrtpError.TOO_SHORT.code();
        }
        int b0 = buf[off] & 0xff;
        if (b0 >>> 6 != 2) {
            return SrtpError.MALFORMED.code();
        }
        int hdr = 12 + 4 * (b0 & 0x0f);
        if ((b0 & 0x10) != 0) {
            if (hdr + 4 > len) {
                return SrtpError.MALFORMED.code();
            }
            hdr += 4 + 4 * ((buf[off + hdr + 2] & 0xff) << 8 | (buf[off + hdr + 3] & 0xff));
        }
        return hdr <= len ? hdr : SrtpError.MALFORMED.code();
    }

    static int seq(byte[] buf, int off) {
        return (buf[off + 2] & 0xff) << 8 | (buf[off + 3] & 0xff);
    }
}
