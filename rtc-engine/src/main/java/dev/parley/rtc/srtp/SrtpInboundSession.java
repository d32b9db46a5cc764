package dev.parley.rtc.srtp;

/**
 * Unprotects incoming SRTP and SRTCP in place. Order per RFC 3711 §3.3: estimate the index, check the replay
 * window, authenticate, decrypt, and only then update the ROC and the window, so a forged packet changes nothing.
 * A new SSRC is verified in a scratch context and only kept if its packet authenticates: garbage cannot fill the
 * SSRC table. Not thread-safe.
 */
public final class SrtpInboundSession extends SrtpSession {
    /** Context used to verify the first packet of an unknown SSRC; kept only if the packet authenticates. */
    private SsrcState scratch;

    SrtpInboundSession(SrtpTransform transform, SrtpOptions options) {
        super(transform, options);
        scratch = newState(0);
    }

    /**
     * Verifies and decrypts the SRTP packet {@code buf[off, off+len)}.
     *
     * @return the length of the RTP packet now in {@code buf[off, ...)}, or a negative {@link SrtpError#code()}
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len > MAX_PACKET) {
            return fail(SrtpError.MALFORMED);
        }
        int hdr = rtpHeaderLength(buf, off, len);
        if (hdr < 0) {
            return failCode(hdr);
        }
        if (len - hdr < profile.rtpTagLength()) {
            return fail(SrtpError.TOO_SHORT);
        }
        SsrcState state = lookup(SrtpTransform.getInt(buf, off + 8));
        if (state == null) {
            return fail(SrtpError.UNKNOWN_SSRC_LIMIT);
        }
        long index = state.estimateIndex(seq(buf, off));
        if (index < 0 || !state.rtpWindow.check(index)) {
            return fail(SrtpError.REPLAYED);
        }
        int n = transform.unprotectRtp(buf, off, len, hdr, state.ssrc, index);
        if (n < 0) {
            return failCode(n);
        }
        keep(state);
        state.rtpWindow.accept(index);
        state.update(index);
        rtpPackets++;
        return n;
    }

    /**
     * Verifies and decrypts the SRTCP packet {@code buf[off, off+len)} (RFC 3711 §3.4; RFC 7714 §9).
     *
     * @return the length of the RTCP compound packet now in {@code buf[off, ...)}, or a negative error code
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len > MAX_PACKET) {
            return fail(SrtpError.MALFORMED);
        }
        if (len < 8 + profile.rtcpOverhead()) {
            return fail(SrtpError.TOO_SHORT);
        }
        if ((buf[off] & 0xc0) != 0x80) {
            return fail(SrtpError.MALFORMED);
        }
        SsrcState state = lookup(SrtpTransform.getInt(buf, off + 4));
        if (state == null) {
            return fail(SrtpError.UNKNOWN_SSRC_LIMIT);
        }
        int eIndex = SrtpTransform.getInt(buf, off + len - transform.rtcpIndexFromEnd());
        long index = eIndex & 0x7FFF_FFFF;
        if (!state.rtcpWindow.check(index)) {
            return fail(SrtpError.REPLAYED);
        }
        int n = transform.unprotectRtcp(buf, off, len, state.ssrc, eIndex);
        if (n < 0) {
            return failCode(n);
        }
        keep(state);
        state.rtcpWindow.accept(index);
        rtcpPackets++;
        return n;
    }

    /** The SSRC's context, the reset scratch context for a new SSRC, or null if no new SSRC may be added. */
    private SsrcState lookup(int ssrc) {
        SsrcState state = ssrcs.get(ssrc);
        if (state != null) {
            return state;
        }
        if (ssrcs.isFull()) {
            return null;
        }
        scratch.ssrc = ssrc; // pristine: it is only written after authentication, and then kept (no allocation)
        return scratch;
    }

    /** Promotes the scratch context to a real one after its first packet authenticated. */
    private void keep(SsrcState state) {
        if (state == scratch) {
            ssrcs.put(state);
            scratch = newState(0);
        }
    }

    private SsrcState newState(int ssrc) {
        return new SsrcState(ssrc, options.rtpReplayWindow(), options.rtcpReplayWindow());
    }
}
