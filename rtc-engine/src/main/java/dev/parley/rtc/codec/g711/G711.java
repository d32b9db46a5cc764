package dev.parley.rtc.codec.g711;

/**
 * The two G.711 companding laws between 16-bit linear PCM and 8-bit codes, with their RTP static payload types.
 * µ-law works on 14-bit magnitudes and A-law on 13-bit ones; the 16-bit values here are those scaled up
 * (µ-law decodes to at most ±32124, A-law to ±32256).
 */
public enum G711 {

    // RFC 3551 §4.5.14 and table 4: PCMU is static payload type 0, PCMA 8; both 8000 Hz, one channel.
    PCMU(0, "PCMU") {
        @Override
        public byte encode(int sample) {
            return muLawEncode(sample);
        }

        @Override
        public short decode(byte code) {
            return MU_LAW_DECODE[code & 0xFF];
        }
    },
    PCMA(8, "PCMA") {
        @Override
        public byte encode(int sample) {
            return aLawEncode(sample);
        }

        @Override
        public short decode(byte code) {
            return A_LAW_DECODE[code & 0xFF];
        }
    };

    /** G.711's sample rate and RTP clock rate. */
    public static final int SAMPLE_RATE = 8000;

    private static final int MU_BIAS = 0x84; // 33 in 14-bit units, scaled by 4
    private static final int MU_CLIP = 32635; // keeps magnitude + bias within 15 bits
    private static final short[] MU_LAW_DECODE = new short[256];
    private static final short[] A_LAW_DECODE = new short[256];

    static {
        for (int c = 0; c < 256; c++) {
            MU_LAW_DECODE[c] = muLawDecode(c);
            A_LAW_DECODE[c] = aLawDecode(c);
        }
    }

    private final int payloadType;
    private final String encodingName;

    G711(int payloadType, String encodingName) {
        this.payloadType = payloadType;
        this.encodingName = encodingName;
    }

    /** Encodes one 16-bit sample (values outside the short range are clipped). */
    public abstract byte encode(int sample);

    /** Decodes one code to a 16-bit sample. */
    public abstract short decode(byte code);

    /** Encodes {@code count} samples. */
    public void encode(short[] in, int inOffset, byte[] out, int outOffset, int count) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = encode(in[inOffset + i]);
        }
    }

    /** Decodes {@code count} codes. */
    public void decode(byte[] in, int inOffset, short[] out, int outOffset, int count) {
        for (int i = 0; i < count; i++) {
            out[outOffset + i] = decode(in[inOffset + i]);
        }
    }

    public int payloadType() {
        return payloadType;
    }

    /** The SDP encoding name: the rtpmap is {@code PCMU/8000} or {@code PCMA/8000}. */
    public String encodingName() {
        return encodingName;
    }

    // G.711 §2 (µ-law): sign bit, 3-bit segment, 4-bit mantissa of (magnitude + bias), all bits inverted.
    private static byte muLawEncode(int sample) {
        int sign = sample < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(sample), MU_CLIP) + MU_BIAS;
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 7; // magnitude >= 0x84 has bit 7 set
        int mantissa = (magnitude >> (segment + 3)) & 0x0F;
        return (byte) ~(sign | segment << 4 | mantissa);
    }

    private static short muLawDecode(int code) {
        int u = ~code & 0xFF;
        int segment = (u >> 4) & 0x07;
        int magnitude = (((u & 0x0F) << 3) + MU_BIAS << segment) - MU_BIAS;
        return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
    }

    // G.711 §3 (A-law): sign bit (1 = positive), 3-bit segment, 4-bit mantissa, even bits inverted (XOR 0x55).
    private static byte aLawEncode(int sample) {
        int mask;
        int magnitude;
        if (sample >= 0) {
            mask = 0xD5;
            magnitude = Math.min(sample, 32767) >> 3;
        } else {
            // One's complement, as the standard's reference code: -1 maps to the smallest negative code.
            mask = 0x55;
            magnitude = Math.min(-sample - 1, 32767) >> 3;
        }
        int code;
        if (magnitude < 32) {
            code = magnitude >> 1;
        } else {
            int segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 4; // 32..63 -> 1, ..., 2048..4095 -> 7
            code = segment << 4 | (magnitude >> segment) & 0x0F;
        }
        return (byte) (code ^ mask);
    }

    private static short aLawDecode(int code) {
        int a = (code ^ 0x55) & 0xFF;
        int mantissa = a & 0x0F;
        int segment = (a >> 4) & 0x07;
        int magnitude = segment == 0 ? (mantissa << 4) + 8 : (mantissa << 4) + 0x108 << (segment - 1);
        return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
    }
}
