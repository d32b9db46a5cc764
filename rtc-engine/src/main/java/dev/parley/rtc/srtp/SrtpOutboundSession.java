package dev.parley.rtc.srtp;

/**
 * Protects outgoing RTP and RTCP in place. The buffer must have {@link SrtpProfile#rtpOverhead()} (RTP) or
 * {@link SrtpProfile#rtcpOverhead()} (RTCP) spare bytes after the packet: at most 16 and 20 bytes. Not thread-safe.
 */
public final class SrtpOutboundSession extends SrtpSession {

    SrtpOutboundSession(SrtpTransform transform, SrtpOptions options) {
        super(transform, options);
    }

    /**
     * Encrypts the payload of the RTP packet {@code buf[off, off+len)} and appends the tag (RFC 3711 §3.3).
     * The ROC is tracked per SSRC from the sequence numbers; a packet older than the highest one sent (a
     * retransmission) gets the ROC it was sent with.
     *
     * @return the SRTP packet length, or a negative {@link SrtpError#code()}
     */
    public int protectRtp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len > MAX_PACKET) {
            return fail(SrtpError.MALFORMED);
        }
        int hdr = rtpHeaderLength(buf, off, len);
        if (hdr < 0) {
            return failCode(hdr);
        }
        if (buf.length - off - len < profile.rtpOverhead()) {
            return fail(SrtpError.BUFFER_TOO_SMALL);
        }
        SsrcState state = state(SrtpTransform.getInt(buf, off + 8));
        if (state == null) {
            return fail(SrtpError.UNKNOWN_SSRC_LIMIT);
        }
        int seq = seq(buf, off);
        long index = state.estimateIndex(seq);
        if (index < 0) {
            if (state.highest >>> 16 != 0) {
                return fail(SrtpError.MALFORMED); // the ROC would pass 2^32: the key must be changed first
            }
            index = seq; // nothing was sent with ROC -1: a jump back from early ROC 0 is still ROC 0
        }
        int n = transform.protectRtp(buf, off, len, hdr, state.ssrc, index);
        if (n < 0) {
            return failCode(n);
        }
        state.update(index);
        rtpPackets++;
        return n;
    }

    /**
     * Encrypts the RTCP compound packet {@code buf[off, off+len)} and appends E||SRTCP index and the tag
     * (RFC 3711 §3.4). The index counts from 0 per sender SSRC.
     *
     * @return the SRTCP packet length, or a negative {@link SrtpError#code()}
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len > MAX_PACKET) {
            return fail(SrtpError.MALFORMED);
        }
        if (len < 8) {
            return fail(SrtpError.TOO_SHORT);
        }
        if ((buf[off] & 0xc0) != 0x80) {
            return fail(SrtpError.MALFORMED);
        }
        if (buf.length - off - len < profile.rtcpOverhead()) {
            return fail(SrtpError.BUFFER_TOO_SMALL);
        }
        SsrcState state = state(SrtpTransform.getInt(buf, off + 4));
        if (state == null) {
            return fail(SrtpError.UNKNOWN_SSRC_LIMIT);
        }
        int index = state.nextRtcpIndex;
        int n = transform.protectRtcp(buf, off, len, state.ssrc, index);
        if (n < 0) {
            return failCode(n);
        }
        state.nextRtcpIndex = (index + 1) & 0x7FFF_FFFF; // RFC 3711 §3.4: 31 bits; rekey long before the wrap
        rtcpPackets++;
        return n;
    }

    /** Sets the next SRTCP index of {@code ssrc} (for tests against reference packets and for rekeying). */
    void setNextRtcpIndex(int ssrc, int index) {
        SsrcState state = state(ssrc);
        if (state != null) {
            state.nextRtcpIndex = index & 0x7FFF_FFFF;
        }
    }

    private SsrcState state(int ssrc) {
        SsrcState state = ssrcs.get(ssrc);
        if (state == null && !ssrcs.isFull()) {
            state = new SsrcState(ssrc, 0, 0); // our own SSRCs: no replay windows needed
            ssrcs.put(state);
        }
        return state;
    }
}
