package dev.parley.rtc.codec.h264;

/**
 * H.264 levels (Table A-1) and the choice of the lowest one a Baseline stream of a given size, frame rate and bitrate
 * fits in: macroblocks per second (MaxMBPS), frame size (MaxFS, and each side at most sqrt(8 * MaxFS) macroblocks,
 * A.3.1 f/g), and bitrate (MaxBR, Baseline factor 1000 bit/s, Table A-1 with A.3.1 / Table A-13 cpbBrVclFactor).
 */
public final class H264Level {
    // level_idc, MaxMBPS, MaxFS, MaxBR (kbit/s), MaxVmvR (luma samples): H.264 Table A-1 (level 1b omitted)
    private static final int[][] LEVELS = {
            {10, 1_485, 99, 64, 64},
            {11, 3_000, 396, 192, 128},
            {12, 6_000, 396, 384, 128},
            {13, 11_880, 396, 768, 128},
            {20, 11_880, 396, 2_000, 128},
            {21, 19_800, 792, 4_000, 256},
            {22, 20_250, 1_620, 4_000, 256},
            {30, 40_500, 1_620, 10_000, 256},
            {31, 108_000, 3_600, 14_000, 512},
            {32, 216_000, 5_120, 20_000, 512},
            {40, 245_760, 8_192, 20_000, 512},
            {41, 245_760, 8_192, 50_000, 512},
            {42, 522_240, 8_704, 50_000, 512},
            {50, 589_824, 22_080, 135_000, 512},
            {51, 983_040, 36_864, 240_000, 512},
            {52, 2_073_600, 36_864, 240_000, 512},
    };

    private final int levelIdc;
    private final int maxVerticalMvSamples;

    private H264Level(int levelIdc, int maxVerticalMvSamples) {
        this.levelIdc = levelIdc;
        this.maxVerticalMvSamples = maxVerticalMvSamples;
    }

    /** The lowest level that holds {@code width x height} at {@code fps} and {@code bitsPerSecond} (0: ignore). */
    public static H264Level lowestFor(int width, int height, double fps, long bitsPerSecond) {
        int mbW = (width + 15) / 16;
        int mbH = (height + 15) / 16;
        long frameMbs = (long) mbW * mbH;
        double mbps = frameMbs * fps;
        for (int[] l : LEVELS) {
            int maxSide = (int) Math.sqrt(l[2] * 8.0);
            if (frameMbs <= l[2] && mbW <= maxSide && mbH <= maxSide && mbps <= l[1]
                    && bitsPerSecond <= l[3] * 1000L) {
                return new H264Level(l[0], l[4]);
            }
        }
        int[] top = LEVELS[LEVELS.length - 1];
        return new H264Level(top[0], top[4]);
    }

    /** level_idc: 10 times the level number (level 3.1 = 31). */
    public int levelIdc() {
        return levelIdc;
    }

    /** MaxVmvR: vertical motion vector components stay within [-n, n - 0.25] luma samples (Table A-1). */
    public int maxVerticalMvSamples() {
        return maxVerticalMvSamples;
    }

    @Override
    public String toString() {
        return "level " + levelIdc / 10 + "." + levelIdc % 10;
    }
}
