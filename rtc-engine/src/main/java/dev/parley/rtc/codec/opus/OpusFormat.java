package dev.parley.rtc.codec.opus;

/** What Opus looks like in SDP and RTP (RFC 7587). */
public final class OpusFormat {

    // RFC 7587 §4.1: the RTP clock rate is always 48000, whatever the encoder's internal bandwidth.
    public static final int RTP_CLOCK_RATE = 48_000;
    // RFC 7587 §7: the rtpmap always says 2 channels; stereo is signalled separately with stereo=1.
    public static final String RTPMAP_ENCODING = "opus/48000/2";
    public static final String ENCODING_NAME = "opus";
    public static final int RTPMAP_CHANNELS = 2;
    // RFC 7587 §7: minptime and useinbandfec as libwebrtc offers them.
    public static final String FMTP = "minptime=10;useinbandfec=1";
    // RFC 6716 §3.4 R2: no frame is larger than 1275 bytes; Parley sends one frame per packet.
    public static final int MAX_FRAME_BYTES = 1275;
    // RFC 6716 §3.4 R5: a packet lasts at most 120 ms, 5760 samples per channel at 48 kHz.
    public static final int MAX_PACKET_SAMPLES = 5760;

    private OpusFormat() {
    }
}
