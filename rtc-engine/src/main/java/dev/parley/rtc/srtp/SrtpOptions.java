package dev.parley.rtc.srtp;

/**
 * Limits of an SRTP session.
 *
 * @param maxSsrcs         most SSRC contexts a session keeps; packets of further SSRCs are dropped as
 *                         {@link SrtpError#UNKNOWN_SSRC_LIMIT}
 * @param rtpReplayWindow  SRTP replay window in packets (power of two, >= 64). RFC 3711 §3.3.2 asks for at least
 *                         64; the default 1024 matches what libwebrtc and Firefox configure in libsrtp, because
 *                         paced video with NACK/RTX routinely reorders by more than 64 packets
 * @param rtcpReplayWindow SRTCP replay window in packets (power of two, >= 64)
 */
public record SrtpOptions(int maxSsrcs, int rtpReplayWindow, int rtcpReplayWindow) {
    /** 64 SSRCs (a four-party mesh uses under 10 per connection), 1024-packet SRTP window, 128-packet SRTCP window. */
    public static final SrtpOptions DEFAULT = new SrtpOptions(64, 1024, 128);

    public SrtpOptions {
        if (maxSsrcs < 1 || maxSsrcs > 1 << 16) {
            throw new IllegalArgumentException("maxSsrcs must be in [1, 65536]: " + maxSsrcs);
        }
        checkWindow(rtpReplayWindow);
        checkWindow(rtcpReplayWindow);
    }

    private static void checkWindow(int size) {
        if (size < 64 || size > 1 << 15 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("replay window must be a power of two in [64, 32768]: " + size);
        }
    }
}
