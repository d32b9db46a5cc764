package dev.parley.rtc.media.synthetic;

import dev.parley.rtc.media.VideoFrame;
import java.util.Locale;

/**
 * Deterministic synthetic video for encoder tests, benchmarks and a test-pattern camera. A clip is a kind, a size
 * and a seed; frame N of it is always the same picture, whatever was rendered before (random access), on any JVM.
 * Motion is described per frame; at the nominal 30 fps a clip of 150 frames lasts 5 s.
 *
 * <ul>
 *   <li>{@link Kind#STATIC}: a test card (colour bars, ramps, line gratings, a zone plate, small glyphs, discs and
 *       rings) with fresh camera-like noise on every frame (luma: a bell curve over -6..+6 with a standard deviation
 *       of about 3, three samples in four within +-3; chroma -1..+1).</li>
 *   <li>{@link Kind#PAN}: a detailed procedural image (fractal noise down to 2-pixel detail, hard-edged contours,
 *       scattered solid shapes) panned {@value #PAN_X_PIXELS_PER_FRAME} px right and {@value #PAN_Y_PIXELS_PER_FRAME}
 *       px down per frame (content moves left and up; sub-pixel positions are interpolated), plus the same noise.
 *       Frame {@code n + 4} is frame {@code n} moved by exactly 9 px left and 2 px up, noise aside.</li>
 *   <li>{@link Kind#SHAPES}: solid shapes bouncing at different speeds and directions, and one turning, scaling
 *       rectangle, over a still, noise-free colour gradient.</li>
 *   <li>{@link Kind#NOISE}: uniformly random samples, fresh every frame (the worst case for an encoder).</li>
 *   <li>{@link Kind#CUTS}: a scene cut every {@value #CUT_PERIOD_FRAMES} frames (or as given to
 *       {@link #cuts}), cycling static, pan, shapes.</li>
 * </ul>
 *
 * <p>Still content is computed once when the clip is made (the pan texture of a 1280x720 clip takes a fraction of a
 * second); a frame is then little more than a copy. Rendering writes into a frame the caller owns and allocates
 * nothing. A clip keeps scratch state: render from one thread at a time (separate clips are independent).
 */
public final class SyntheticVideo {

    /** Horizontal pan speed of {@link Kind#PAN}, pixels per frame. */
    public static final double PAN_X_PIXELS_PER_FRAME = PanClip.QUARTER_PELS_X / 4.0;
    /** Vertical pan speed of {@link Kind#PAN}, pixels per frame. */
    public static final double PAN_Y_PIXELS_PER_FRAME = PanClip.QUARTER_PELS_Y / 4.0;
    /** Frames per scene of {@link Kind#CUTS} made by {@link #of}. */
    public static final int CUT_PERIOD_FRAMES = 30;
    /** Largest width or height of a clip (the pan texture grows with the frame). */
    public static final int MAX_DIMENSION = 4096;

    /** What a clip shows. */
    public enum Kind {
        STATIC, PAN, SHAPES, NOISE, CUTS;

        /** The lower-case name, as used on command lines ("static", "pan", ...). */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named by {@link #id()}, case-insensitively. */
        public static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id().equalsIgnoreCase(id.trim())) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown clip '" + id + "': one of static, pan, shapes, noise, cuts");
        }
    }

    private final Kind kind;
    private final int width;
    private final int height;
    private final long seed;
    private final ClipRenderer renderer;

    private SyntheticVideo(Kind kind, int width, int height, long seed, ClipRenderer renderer) {
        this.kind = kind;
        this.width = width;
        this.height = height;
        this.seed = seed;
        this.renderer = renderer;
    }

    /**
     * A clip of the given kind and size (even, 2 to {@value #MAX_DIMENSION}); the seed picks the random details and
     * the noise. {@link Kind#CUTS} cuts every {@value #CUT_PERIOD_FRAMES} frames.
     */
    public static SyntheticVideo of(Kind kind, int width, int height, long seed) {
        checkSize(width, height);
        ClipRenderer r = switch (kind) {
            case STATIC -> new StaticClip(width, height, seed);
            case PAN -> new PanClip(width, height, seed);
            case SHAPES -> new ShapesClip(width, height, seed);
            case NOISE -> new NoiseClip(width, height, seed);
            case CUTS -> new CutsClip(width, height, seed, CUT_PERIOD_FRAMES);
        };
        return new SyntheticVideo(kind, width, height, seed, r);
    }

    /** A {@link Kind#CUTS} clip that cuts to the next scene every {@code framesPerScene} frames (at least 1). */
    public static SyntheticVideo cuts(int width, int height, long seed, int framesPerScene) {
        checkSize(width, height);
        if (framesPerScene < 1) {
            throw new IllegalArgumentException("frames per scene must be at least 1: " + framesPerScene);
        }
        return new SyntheticVideo(Kind.CUTS, width, height, seed, new CutsClip(width, height, seed, framesPerScene));
    }

    public Kind kind() {
        return kind;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public long seed() {
        return seed;
    }

    /** A new frame of the clip's size, tightly packed, black until rendered into; timestamp 0. */
    public VideoFrame newFrame() {
        return VideoFrame.black(width, height, 0);
    }

    /**
     * Draws frame {@code frameIndex} into {@code target}'s planes (any strides), every sample of the picture area
     * written. The target's timestamp and rotation are left alone ({@link VideoFrame#withTimestamp} sets one).
     *
     * @throws IllegalArgumentException if the target is not the clip's size or the index is negative
     */
    public void render(int frameIndex, VideoFrame target) {
        if (target.width() != width || target.height() != height) {
            throw new IllegalArgumentException("cannot render a " + width + "x" + height + " clip into a "
                    + target.width() + "x" + target.height() + " frame");
        }
        if (frameIndex < 0) {
            throw new IllegalArgumentException("negative frame index " + frameIndex);
        }
        renderer.render(frameIndex, target);
    }

    private static void checkSize(int width, int height) {
        if (width < 2 || height < 2 || width > MAX_DIMENSION || height > MAX_DIMENSION
                || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("clip size must be even and within 2.." + MAX_DIMENSION + ": "
                    + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return "SyntheticVideo[" + kind.id() + " " + width + "x" + height + ", seed " + seed + "]";
    }
}
