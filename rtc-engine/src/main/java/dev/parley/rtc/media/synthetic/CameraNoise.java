package dev.parley.rtc.media.synthetic;

/**
 * Fresh sensor-like noise on every frame, and the result kept in limited range (16..235 luma, 16..240 chroma) as a
 * camera keeps it. Luma moves by a bell-shaped offset of -6..+6 levels, standard deviation about 3 (three samples in
 * four within +-3); chroma by -1..+1. That much noise puts x264 ultrafast at 1 Mbit/s on the 640x480 static clip
 * near the 36 dB the reference measurements report for their test card (shared/codec/CODEC-NOTES.md). Each sample
 * takes its offset from a few bits of one random long, so the noise costs little more than a copy.
 */
final class CameraNoise {

    /** Luma offsets, one picked per sample by 4 random bits (variance 142/16). */
    private static final int[] LUMA_STEPS = {-6, -4, -3, -2, -2, -1, -1, 0, 0, 1, 1, 2, 2, 3, 4, 6};
    private static final int LUMA_REACH = 6;
    /** {@code LUMA[v + 6]} is {@code v} clamped to 16..235, for v in -6..261. */
    static final byte[] LUMA = table(LUMA_REACH, 16, 235);
    /** {@code CHROMA[v + d]} is {@code v + d - 1} clamped to 16..240, for v in 0..255 and d in 0..2. */
    static final byte[] CHROMA = table(1, 16, 240);

    private CameraNoise() {
    }

    private static byte[] table(int reach, int lo, int hi) {
        byte[] t = new byte[256 + 2 * reach];
        for (int i = 0; i < t.length; i++) {
            t[i] = (byte) Math.max(lo, Math.min(hi, i - reach));
        }
        return t;
    }

    /** Copies {@code n} luma samples from {@code src} to {@code dst}, adding noise. */
    static void lumaRow(byte[] src, int srcOff, byte[] dst, int dstOff, int n, Rng rng) {
        int x = 0;
        while (x < n) {
            long bits = rng.next();
            int end = Math.min(n, x + 16);
            for (; x < end; x++) {
                int d = LUMA_STEPS[(int) (bits & 15)];
                bits >>>= 4;
                dst[dstOff + x] = LUMA[(src[srcOff + x] & 0xff) + d + LUMA_REACH];
            }
        }
    }

    /** Copies {@code n} chroma samples from {@code src} to {@code dst}, adding noise. */
    static void chromaRow(byte[] src, int srcOff, byte[] dst, int dstOff, int n, Rng rng) {
        int x = 0;
        while (x < n) {
            long bits = rng.next();
            int end = Math.min(n, x + 32);
            for (; x < end; x++) {
                int d = (int) (bits & 1) + (int) (bits >>> 1 & 1);
                bits >>>= 2;
                dst[dstOff + x] = CHROMA[(src[srcOff + x] & 0xff) + d];
            }
        }
    }
}
