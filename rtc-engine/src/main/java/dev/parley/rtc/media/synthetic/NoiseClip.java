package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/** The "noise" clip: every sample of every plane uniformly random in 0..255, fresh each frame (nothing to predict). */
final class NoiseClip implements ClipRenderer {

    private final int width;
    private final int height;
    private final long seed;
    private final Rng rng = new Rng(0);

    NoiseClip(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.seed = seed;
    }

    @Override
    public void render(int frameIndex, VideoFrame f) {
        rng.reseed(seed, frameIndex);
        fill(f.y(), f.strideY(), width, height);
        fill(f.u(), f.strideU(), width / 2, height / 2);
        fill(f.v(), f.strideV(), width / 2, height / 2);
    }

    private void fill(byte[] plane, int stride, int w, int h) {
        for (int row = 0; row < h; row++) {
            int off = row * stride;
            int x = 0;
            while (x < w) {
                long bits = rng.next();
                int end = Math.min(w, x + 8);
                for (; x < end; x++) {
                    plane[off + x] = (byte) bits;
                    bits >>>= 8;
                }
            }
        }
    }
}
