package dev.parley.rtc.srtp;

/**
 * Per-SSRC cryptographic state of one direction (RFC 3711 §3.2.1): the highest packet index (ROC || SEQ), the
 * replay windows (inbound only) and the next SRTCP index (outbound only).
 */
final class SsrcState {
    private static final long MAX_ROC = 0xFFFF_FFFFL;

    int ssrc;
    /** Highest authenticated (inbound) or protected (outbound) 48-bit index, or -1 before the first packet. */
    long highest = -1;
    /** Outbound: the next 31-bit SRTCP index (RFC 3711 §3.4). */
    int nextRtcpIndex;
    final ReplayWindow rtpWindow;
    final ReplayWindow rtcpWindow;

    SsrcState(int ssrc, int rtpWindow, int rtcpWindow) {
        this.ssrc = ssrc;
        this.rtpWindow = rtpWindow > 0 ? new ReplayWindow(rtpWindow) : null;
        this.rtcpWindow = rtcpWindow > 0 ? new ReplayWindow(rtcpWindow) : null;
    }

    /**
     * RFC 3711 §3.3.1 and Appendix A: guess the ROC of {@code seq} as ROC-1, ROC or ROC+1 relative to the highest
     * index, whichever puts it nearest. The first packet has ROC 0. Returns -1 if the guess is ROC-1 = -1 or the
     * ROC would pass 2^32 (the key must be changed before that).
     */
    long estimateIndex(int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xffff);
        long v;
        if (sl < 32768) {
            v = seq - sl > 32768 ? roc - 1 : roc;
        } else {
            v = sl - 32768 > seq ? roc + 1 : roc;
        }
        if (v < 0 || v > MAX_ROC) {
            return -1;
        }
        return v << 16 | seq;
    }

    /** Records an index that passed authentication (or was protected). */
    void update(long index) {
        if (index > highest) {
            highest = index;
        }
    }
}
