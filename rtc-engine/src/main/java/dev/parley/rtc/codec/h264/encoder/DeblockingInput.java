package dev.parley.rtc.codec.h264.encoder;

/**
 * What the deblocking filter needs to know about each coded macroblock of one picture, filled by the encoder while
 * it codes the macroblocks and read by {@link Deblocker#filterFrame}. Allocate once per picture size and overwrite
 * every macroblock for every picture (nothing is cleared between pictures).
 *
 * <p>Per macroblock: intra or not, and its QP<sub>Y</sub>. Per 4x4 luma block of an inter macroblock: whether it
 * contains non-zero transform coefficient levels (§8.7.2.1, bS 2) and its list-0 motion vector in quarter luma
 * samples (bS 1). With one reference picture every inter block refers to the same picture with one vector, so the
 * motion vector difference is the only bS-1 criterion left. Intra macroblocks carry neither (bS is 3 or 4 there).
 *
 * <p>Blocks inside a macroblock are numbered in raster order, bit {@code y4 * 4 + x4} of a 16-bit mask, where
 * {@code x4, y4} in 0..3 are the block's column and row; {@link #rasterBit(int)} converts a luma4x4BlkIdx (the
 * coding order of §6.4.3) into that bit.
 */
public final class DeblockingInput {
    final int mbWidth;
    final int mbHeight;
    /** 4x4 blocks per picture row (mbWidth * 4), the row stride of {@link #mvX} and {@link #mvY}. */
    final int blocksPerRow;
    /** Per macroblock (raster address): intra (I_16x16, I_NxN). */
    final boolean[] intra;
    /** Per macroblock: QP<sub>Y</sub>, 0..51. */
    final int[] qp;
    /** Per macroblock: raster mask of the 4x4 luma blocks with non-zero coefficient levels (inter only). */
    final int[] nonZero;
    /** Per 4x4 luma block, raster over the picture: motion vector in quarter samples (inter only). */
    final int[] mvX;
    final int[] mvY;
    /** Per macroblock: all 16 blocks carry the one vector of {@link #setInter} (no smaller partitions). */
    final boolean[] oneVector;

    /** Storage for a picture of {@code mbWidth x mbHeight} macroblocks. */
    public DeblockingInput(int mbWidth, int mbHeight) {
        if (mbWidth <= 0 || mbHeight <= 0) {
            throw new IllegalArgumentException("bad size in macroblocks: " + mbWidth + "x" + mbHeight);
        }
        this.mbWidth = mbWidth;
        this.mbHeight = mbHeight;
        this.blocksPerRow = mbWidth * 4;
        int mbs = mbWidth * mbHeight;
        this.intra = new boolean[mbs];
        this.qp = new int[mbs];
        this.nonZero = new int[mbs];
        this.mvX = new int[mbs * 16];
        this.mvY = new int[mbs * 16];
        this.oneVector = new boolean[mbs];
    }

    public int mbWidth() {
        return mbWidth;
    }

    public int mbHeight() {
        return mbHeight;
    }

    /** Macroblock (mbX, mbY) is intra (I_16x16 or I_NxN) with QP<sub>Y</sub> {@code qp}. */
    public void setIntra(int mbX, int mbY, int qp) {
        int mb = mbY * mbWidth + mbX;
        intra[mb] = true;
        this.qp[mb] = qp;
    }

    /**
     * Macroblock (mbX, mbY) is inter (a P_L0 type or P_Skip) with QP<sub>Y</sub> {@code qp} (for P_Skip the QP
     * carried over from the previous macroblock), {@code nonZeroMask} the raster mask of its 4x4 luma blocks that
     * contain non-zero levels (AC or DC; 0 for P_Skip), and one motion vector {@code (mvX, mvY)} in quarter luma
     * samples for all 16 blocks. Partitions smaller than 16x16 then overwrite parts with {@link #setMotion}.
     */
    public void setInter(int mbX, int mbY, int qp, int nonZeroMask, int mvX, int mvY) {
        int mb = mbY * mbWidth + mbX;
        intra[mb] = false;
        this.qp[mb] = qp;
        nonZero[mb] = nonZeroMask & 0xffff;
        fillMotion(mbX, mbY, 0, 0, 4, 4, mvX, mvY);
        oneVector[mb] = true;
    }

    /**
     * Sets the motion vector of the {@code w4 x h4} blocks at block column {@code x4}, row {@code y4} (all in 4x4
     * block units, 0..3 inside the macroblock) of inter macroblock (mbX, mbY), for 16x8, 8x16 and 8x8 partitions.
     */
    public void setMotion(int mbX, int mbY, int x4, int y4, int w4, int h4, int mvX, int mvY) {
        oneVector[mbY * mbWidth + mbX] = false;
        fillMotion(mbX, mbY, x4, y4, w4, h4, mvX, mvY);
    }

    private void fillMotion(int mbX, int mbY, int x4, int y4, int w4, int h4, int mvX, int mvY) {
        int row = (mbY * 4 + y4) * blocksPerRow + mbX * 4 + x4;
        for (int j = 0; j < h4; j++, row += blocksPerRow) {
            for (int i = 0; i < w4; i++) {
                this.mvX[row + i] = mvX;
                this.mvY[row + i] = mvY;
            }
        }
    }

    /** The {@code nonZeroMask} bit of the block with luma4x4BlkIdx {@code blkIdx} (0..15, §6.4.3 order). */
    public static int rasterBit(int blkIdx) {
        // §6.4.3: blkIdx = 8x8 quadrant * 4 + 4x4 block inside the quadrant, both in raster order.
        int x4 = ((blkIdx >> 2) & 1) * 2 + (blkIdx & 1);
        int y4 = (blkIdx >> 3) * 2 + ((blkIdx >> 1) & 1);
        return 1 << (y4 * 4 + x4);
    }
}
