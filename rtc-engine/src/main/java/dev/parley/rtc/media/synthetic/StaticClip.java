package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/** The "static" clip: the {@link TestCard} on every frame, under fresh {@link CameraNoise}. */
final class StaticClip implements ClipRenderer {

    private final int width;
    private final int height;
    private final long seed;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;
    private final Rng rng = new Rng(0);

    StaticClip(int width, int height, long seed) {
        this.width = width;
        this.height = height;
        this.seed = seed;
        y = new byte[width * height];
        u = new byte[width * height / 4];
        v = new byte[width * height / 4];
        TestCard.draw(width, height, seed).toI420(y, u, v);
    }

    @Override
    public void render(int frameIndex, VideoFrame f) {
        rng.reseed(seed, frameIndex);
        for (int row = 0; row < height; row++) {
            CameraNoise.lumaRow(y, row * width, f.y(), row * f.strideY(), width, rng);
        }
        int cw = width / 2;
        for (int row = 0; row < height / 2; row++) {
            CameraNoise.chromaRow(u, row * cw, f.u(), row * f.strideU(), cw, rng);
            CameraNoise.chromaRow(v, row * cw, f.v(), row * f.strideV(), cw, rng);
        }
    }
}
