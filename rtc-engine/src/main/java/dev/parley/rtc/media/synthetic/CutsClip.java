package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;

/**
 * The "cuts" clip: scene cuts every {@code period} frames, cycling static, pan, shapes. Each scene clip runs on the
 * global frame index, so a scene that comes back has moved on (the pan shows another part of its texture). Noise is
 * left out: it is its own clip, and a cut to it would measure the noise, not the cut.
 */
final class CutsClip implements ClipRenderer {

    private final ClipRenderer[] scenes;
    private final int period;

    CutsClip(int width, int height, long seed, int period) {
        this.period = period;
        scenes = new ClipRenderer[] {
            new StaticClip(width, height, Rng.mix(seed + 1)),
            new PanClip(width, height, Rng.mix(seed + 2)),
            new ShapesClip(width, height, Rng.mix(seed + 3)),
        };
    }

    @Override
    public void render(int frameIndex, VideoFrame target) {
        scenes[frameIndex / period % scenes.length].render(frameIndex, target);
    }
}
