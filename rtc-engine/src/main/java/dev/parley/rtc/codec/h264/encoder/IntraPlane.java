package dev.parley.rtc.codec.h264.encoder;

/**
 * The plane prediction shared by Intra_16x16 (§8.3.3.4) and 4:2:0 chroma (§8.3.4.4): a gradient fitted to the row
 * above and the column to the left of an n x n block. The caller has checked that left, top and top-left exist.
 */
final class IntraPlane {
    private IntraPlane() {
    }

    /**
     * @param n block size: 16 (luma) or 8 (4:2:0 chroma)
     * @param gradientScale 5 for luma (§8.3.3.4), 34 for 4:2:0 chroma (34 - 29 * (chroma_format_idc == 3), §8.3.4.4)
     * @param pred receives n * n samples in raster order (stride n) from {@code predOff}
     */
    static void predict(byte[] plane, int stride, int x, int y, int n, int gradientScale, int[] pred, int predOff) {
        int half = n >> 1;
        int topRow = (y - 1) * stride + x; // p[0,-1]; p[-1,-1] is topRow - 1
        int leftCol = y * stride + x - 1; // p[-1,0]
        int h = 0;
        int v = 0;
        for (int k = 0; k < half; k++) {
            // H = sum (x'+1) * (p[half+x',-1] - p[half-2-x',-1]); x' = half-1 reaches p[-1,-1]. V likewise.
            h += (k + 1) * ((plane[topRow + half + k] & 0xff) - (plane[topRow + half - 2 - k] & 0xff));
            v += (k + 1) * ((plane[leftCol + (half + k) * stride] & 0xff)
                    - (plane[leftCol + (half - 2 - k) * stride] & 0xff));
        }
        int a = 16 * ((plane[leftCol + (n - 1) * stride] & 0xff) + (plane[topRow + n - 1] & 0xff));
        int b = (gradientScale * h + 32) >> 6;
        int c = (gradientScale * v + 32) >> 6;
        // pred[x,y] = Clip1((a + b * (x - (half-1)) + c * (y - (half-1)) + 16) >> 5)
        int rowStart = a - (half - 1) * (b + c) + 16;
        int o = predOff;
        for (int r = 0; r < n; r++, rowStart += c) {
            int acc = rowStart;
            for (int col = 0; col < n; col++, acc += b) {
                int s = acc >> 5;
                pred[o++] = s < 0 ? 0 : (s > 255 ? 255 : s);
            }
        }
    }
}
