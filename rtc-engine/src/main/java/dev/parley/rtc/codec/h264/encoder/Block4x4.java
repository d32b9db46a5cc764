package dev.parley.rtc.codec.h264.encoder;

/**
 * Index tables and small helpers for 4x4 blocks. A 4x4 block is an {@code int[16]} in raster order
 * ({@code row * 4 + col}); "levels" are the same 16 values in frame zig-zag scan order.
 */
final class Block4x4 {
    /** Frame zig-zag scan (H.264 Table 8-13, §8.5.6): scan position k -> raster index. */
    static final int[] ZIGZAG_4x4 = {0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15};

    /**
     * luma4x4BlkIdx -> raster position {@code row * 4 + col} of that 4x4 block inside its macroblock (the inverse
     * 4x4 luma block scan, §6.4.3: blocks are numbered 8x8 quadrant by quadrant). The same mapping orders the four
     * 4x4 blocks of each 8x8 and is also where the Intra16x16 dcY of block luma4x4BlkIdx is found.
     */
    static final int[] BLK_IDX_TO_RASTER = {0, 1, 4, 5, 2, 3, 6, 7, 8, 9, 12, 13, 10, 11, 14, 15};

    private Block4x4() {
    }

    /** True if {@code a[off .. off+len)} are all zero (e.g. a residual block whose reconstruction is the prediction). */
    static boolean isZero(int[] a, int off, int len) {
        int or = 0;
        for (int i = off, end = off + len; i < end; i++) {
            or |= a[i];
        }
        return or == 0;
    }
}
