package dev.parley.capture.camera;

import java.util.Collection;

/**
 * A picture size and frame rate to capture at. Sizes are even (the engine's frames are I420); the rate is what the
 * capture paces itself to, never faster than the camera delivers.
 */
public record CameraFormat(int width, int height, int fps) {

    /** What Parley captures unless asked otherwise: VGA at 30 frames per second. */
    public static final CameraFormat DEFAULT = new CameraFormat(640, 480, 30);
    /** 720p at 30 frames per second, for good links and cameras that offer it. */
    public static final CameraFormat HD = new CameraFormat(1280, 720, 30);

    private static final int MAX_DIMENSION = 8192;
    private static final int MAX_FPS = 120;

    public CameraFormat {
        if (width < 2 || height < 2 || width > MAX_DIMENSION || height > MAX_DIMENSION
                || (width & 1) != 0 || (height & 1) != 0) {
            throw new IllegalArgumentException("camera size must be even and within 2.." + MAX_DIMENSION + ": "
                    + width + "x" + height);
        }
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("frame rate must be 1.." + MAX_FPS + ": " + fps);
        }
    }

    /** This size at another rate. */
    public CameraFormat withFps(int framesPerSecond) {
        return new CameraFormat(width, height, framesPerSecond);
    }

    /**
     * The size among {@code offered} that is closest to this one (exactly this one when offered: 1280x720 when asked
     * for and available), at this format's rate. Closeness is the summed difference of width and height; a tie goes
     * to the smaller size. With nothing offered, this format itself.
     */
    public CameraFormat closestIn(Collection<CameraFormat> offered) {
        CameraFormat best = null;
        long bestDistance = Long.MAX_VALUE;
        for (CameraFormat f : offered) {
            long distance = Math.abs(f.width - width) + Math.abs(f.height - height);
            if (distance < bestDistance || distance == bestDistance && f.area() < best.area()) {
                best = f;
                bestDistance = distance;
            }
        }
        return best == null ? this : new CameraFormat(best.width, best.height, fps);
    }

    private long area() {
        return (long) width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + fps;
    }
}
