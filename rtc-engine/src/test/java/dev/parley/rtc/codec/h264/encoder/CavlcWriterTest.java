package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.codec.h264.BitWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jcodec.codecs.h264.H264Const;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.io.BitReader;
import org.jcodec.common.io.VLC;
import org.jcodec.common.model.ColorSpace;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link CavlcWriter} against jcodec 0.2.5's CAVLC parser (a test-only oracle): every block written must
 * parse back to the same levels and TotalCoeff, consuming exactly {@link CavlcWriter#bitCount} bits, with several
 * blocks back to back at arbitrary bit alignment. Plus hand-coded vectors from the spec's tables.
 */
class CavlcWriterTest {
    /** nC values covering every coeff_token column: 0..1, 2..3, 4..7 and the 6-bit FLC for 8 and above. */
    private static final int[] LUMA_NC = {0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 16};

    private static final CAVLC JCODEC = jcodecCavlc();

    /** One block to write: its levels sit at {@code offset} in {@code array}, surrounded by noise. */
    private record Block(int[] array, int offset, int[] levels, int maxNumCoeff, int nC) {
        static Block of(int[] levels, int nC, Random rnd) {
            int offset = rnd.nextInt(5);
            int[] array = new int[offset + levels.length + rnd.nextInt(5)];
            for (int i = 0; i < array.length; i++) {
                array[i] = rnd.nextInt(7) - 3; // must be ignored outside the block
            }
            System.arraycopy(levels, 0, array, offset, levels.length);
            return new Block(array, offset, levels, levels.length, nC);
        }
    }

    @Test
    void randomBlocksParseBackWithJcodec() {
        Random rnd = new Random(20240611);
        for (int round = 0; round < 400; round++) {
            List<Block> blocks = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                int kind = rnd.nextInt(3);
                int max = kind == 0 ? 16 : kind == 1 ? 15 : 4;
                int nC = max == 4 ? -1 : LUMA_NC[rnd.nextInt(LUMA_NC.length)];
                blocks.add(Block.of(randomLevels(rnd, max), nC, rnd));
            }
            assertJcodecParses(blocks, rnd.nextInt(32), rnd);
        }
    }

    @Test
    void everyTokenTotalZerosAndTrailingOnesCombination() {
        Random rnd = new Random(5);
        for (int max : new int[] {16, 15, 4}) {
            int[] ncs = max == 4 ? new int[] {-1} : new int[] {0, 2, 4, 8};
            for (int nC : ncs) {
                List<Block> blocks = new ArrayList<>();
                for (int total = 0; total <= max; total++) {
                    for (int ones = 0; ones <= Math.min(3, total); ones++) {
                        for (int zeros = 0; zeros <= max - total; zeros++) {
                            if (total == 0 && zeros > 0) {
                                continue;
                            }
                            for (int rep = 0; rep < 3; rep++) {
                                blocks.add(Block.of(block(rnd, max, total, ones, zeros), nC, rnd));
                            }
                        }
                    }
                }
                assertJcodecParses(blocks, rnd.nextInt(8), rnd);
            }
        }
    }

    @Test
    void everyRunBeforeOfTwoAndThreeLevels() {
        Random rnd = new Random(9);
        List<Block> blocks = new ArrayList<>();
        for (int a = 0; a < 16; a++) {
            for (int b = a + 1; b < 16; b++) {
                int[] two = new int[16];
                two[a] = rnd.nextBoolean() ? 1 : -4;
                two[b] = rnd.nextBoolean() ? -1 : 2;
                blocks.add(Block.of(two, 0, rnd));
                for (int c = b + 1; c < 16; c++) {
                    int[] three = new int[16];
                    three[a] = 5;
                    three[b] = -1;
                    three[c] = 1;
                    blocks.add(Block.of(three, 4, rnd));
                }
            }
        }
        assertJcodecParses(blocks, 3, rnd);
    }

    @Test
    void levelsAtTheSuffixLengthAndEscapeBoundaries() {
        Random rnd = new Random(11);
        // Magnitudes around every suffixLength step (3 << (n - 1)), the level_prefix 14 / 15 escapes for each
        // suffixLength, and the largest codable level.
        int[] mags = {1, 2, 3, 4, 6, 7, 8, 9, 12, 13, 15, 16, 22, 23, 24, 25, 30, 31, 47, 48, 49, 96, 97, 98,
            120, 121, 240, 241, 480, 481, 2040, 2062, 2063};
        List<Block> blocks = new ArrayList<>();
        for (int round = 0; round < 3000; round++) {
            int max = rnd.nextBoolean() ? 16 : 15;
            int[] levels = new int[max];
            int total = 1 + rnd.nextInt(max);
            for (int k = 0; k < total; k++) {
                int m = mags[rnd.nextInt(mags.length)];
                levels[rnd.nextInt(max)] = rnd.nextBoolean() ? m : -m;
            }
            blocks.add(Block.of(levels, LUMA_NC[rnd.nextInt(LUMA_NC.length)], rnd));
        }
        for (int m : new int[] {2063, -2063, 2062, -2062}) {
            // First non-trailing level with and without the "+2" adjustment, at suffixLength 0 and 1.
            blocks.add(Block.of(new int[] {m, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, rnd));
            blocks.add(Block.of(new int[] {m, 1, -1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, rnd));
            blocks.add(Block.of(new int[] {m, 2, 3, 2, 2, 3, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0}, 0, rnd));
            blocks.add(Block.of(new int[] {m, 2, 3, 2, 2, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0}, 0, rnd));
            blocks.add(Block.of(new int[] {m, -m, m, 1}, -1, rnd));
            blocks.add(Block.of(new int[] {m, -m, m, -m}, -1, rnd));
        }
        assertJcodecParses(blocks, 5, rnd);
    }

    @Test
    void handCodedVectors() {
        // The classic CAVLC example (nC 0): coeff_token (T1 3, TC 5) 0000100, signs 011, levels 1 and 0010,
        // total_zeros 3 -> 111, run_before 10 1 1 01 (Tables 9-5, 9-7, 9-10).
        assertBits(new int[] {0, 3, 0, 1, -1, -1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, 0,
                "0000100 011 1 0010 111 10 1 1 01");
        // Empty blocks: coeff_token (0, 0) of each column.
        assertBits(new int[16], 1, "1");
        assertBits(new int[16], 3, "11");
        assertBits(new int[15], 7, "1111");
        assertBits(new int[16], 8, "000011");
        assertBits(new int[4], -1, "01");
        // 6-bit FLC: TC 1, T1 1 -> 000001, sign +, total_zeros 0 for TC 1 -> 1.
        assertBits(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 8, "000001 0 1");
        // Chroma DC: (T1 2, TC 2) 001, signs of -1 then +1 -> 10, total_zeros 1 (Table 9-9a) 01, run_before 1 -> 0.
        assertBits(new int[] {1, 0, -1, 0}, -1, "001 10 01 0");
        // level 9 as first non-trailing level: levelCode 16 - 2 = 14 -> level_prefix 14 + 4-bit suffix 0000;
        // total_zeros 15 for TC 1 -> 0000 0000 1.
        assertBits(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}, 0,
                "000101 000000000000001 0000 000000001");
        // Largest level: levelCode 4124 - 2 -> level_prefix 15 + 12-bit suffix 4092.
        assertBits(new int[] {2063, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0,
                "000101 0000000000000001 111111111100 1");
        // After three trailing ones nothing is subtracted: -2063 -> levelCode 4125, suffix 4095.
        // coeff_token (T1 3, TC 4) for nC 4..7 is 1011; total_zeros 0 for TC 4 is 00011.
        assertBits(new int[] {-2063, 1, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 4,
                "1011 100 0000000000000001 111111111111 00011");
        // An Intra16x16 AC block (maxNumCoeff 15) that is full: no total_zeros, no run_before. TC 15 > 10 and
        // T1 0 < 3 start suffixLength at 1: levelCode of 2 is 2 - 2 = 0 -> 1 0; then suffixLength stays 1 and
        // each 2 is levelCode 2 -> 01 0. coeff_token (T1 0, TC 15) for nC 0..1 is 0000 0000 0000 0111.
        int[] full = new int[15];
        Arrays.fill(full, 2);
        assertBits(full, 0, "0000000000000111 10" + "010".repeat(14));
    }

    @Test
    void rejectsWhatBaselineCannotCode() {
        BitWriter w = new BitWriter();
        int[] big = new int[16];
        big[3] = CavlcWriter.MAX_ABS_LEVEL + 1;
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, big, 0, 16, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2063");
        big[3] = -CavlcWriter.MAX_ABS_LEVEL - 1;
        assertThatThrownBy(() -> CavlcWriter.bitCount(big, 0, 16, 9)).isInstanceOf(IllegalArgumentException.class);
        big[3] = Integer.MIN_VALUE;
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, big, 0, 16, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.bitPosition()).isZero();
        int[] zeros = new int[16];
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, zeros, 0, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, zeros, 0, 16, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, zeros, 0, 8, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CavlcWriter.writeBlock(w, zeros, 0, 4, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.bitPosition()).isZero();
    }

    /**
     * Writes the blocks back to back after {@code lead} filler bits, then parses them with jcodec and checks each
     * block's levels, TotalCoeff and bit count.
     */
    private static void assertJcodecParses(List<Block> blocks, int lead, Random rnd) {
        BitWriter w = new BitWriter(16);
        int filler = lead == 0 ? 0 : rnd.nextInt() >>> (32 - lead);
        w.writeBits(filler, lead);
        int[] sizes = new int[blocks.size()];
        int[] totals = new int[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            Block blk = blocks.get(b);
            int before = w.bitPosition();
            totals[b] = CavlcWriter.writeBlock(w, blk.array(), blk.offset(), blk.maxNumCoeff(), blk.nC());
            sizes[b] = w.bitPosition() - before;
            int counted = CavlcWriter.bitCount(blk.array(), blk.offset(), blk.maxNumCoeff(), blk.nC());
            // Plain comparisons first: AssertJ per block would dominate the run time.
            if (counted != sizes[b] || totals[b] != nonZero(blk.levels())) {
                assertThat(counted).as("bitCount of block %d", b).isEqualTo(sizes[b]);
                assertThat(totals[b]).as("TotalCoeff of block %d", b).isEqualTo(nonZero(blk.levels()));
            }
        }
        byte[] bytes = Arrays.copyOf(w.toByteArray(), w.byteLength() + 16); // jcodec reads ahead in 32-bit words
        BitReader r = BitReader.createBitReader(ByteBuffer.wrap(bytes));
        assertThat(r.position()).isZero();
        assertThat(lead == 0 ? 0 : r.readNBit(lead)).isEqualTo(filler);
        for (int b = 0; b < blocks.size(); b++) {
            Block blk = blocks.get(b);
            int before = r.position();
            Parsed parsed = jcodecRead(r, blk.maxNumCoeff(), blk.nC());
            int used = r.position() - before;
            if (!Arrays.equals(parsed.levels(), blk.levels()) || used != sizes[b] || parsed.totalCoeff() != totals[b]) {
                String what = "block " + b + " (nC " + blk.nC() + ") " + Arrays.toString(blk.levels());
                assertThat(parsed.levels()).as("levels of %s", what).containsExactly(blk.levels());
                assertThat(used).as("bits of %s", what).isEqualTo(sizes[b]);
                assertThat(parsed.totalCoeff()).as("TotalCoeff of %s", what).isEqualTo(totals[b]);
            }
        }
    }

    /** What jcodec parsed for one block: its maxNumCoeff levels in scan order and TotalCoeff. */
    private record Parsed(int[] levels, int totalCoeff) {
    }

    private static Parsed jcodecRead(BitReader r, int maxNumCoeff, int nC) {
        int[] out;
        int token;
        if (nC == -1) {
            out = new int[4];
            token = JCODEC.readCoeffs(r, JCODEC.getCoeffTokenVLCForChromaDC(), H264Const.totalZeros4, out, 0, 4,
                    CAVLC.NO_ZIGZAG);
        } else {
            // jcodec picks its total_zeros table from the output length (16 -> Tables 9-7/9-8) and places an AC
            // block's levels from index 1.
            out = new int[16];
            VLC tokens = H264Const.CoeffToken[Math.min(nC, 8)];
            token = JCODEC.readCoeffs(r, tokens, H264Const.totalZeros16, out, 16 - maxNumCoeff, maxNumCoeff,
                    CAVLC.NO_ZIGZAG);
        }
        return new Parsed(Arrays.copyOfRange(out, out.length - maxNumCoeff, out.length), CAVLC.totalCoeff(token));
    }

    private static CAVLC jcodecCavlc() {
        SeqParameterSet sps = new SeqParameterSet();
        sps.chromaFormatIdc = ColorSpace.YUV420J;
        sps.picWidthInMbsMinus1 = 0;
        return new CAVLC(sps, null, 2, 2);
    }

    private static void assertBits(int[] levels, int nC, String expected) {
        String want = expected.replace(" ", "");
        BitWriter w = new BitWriter();
        int total = CavlcWriter.writeBlock(w, levels, 0, levels.length, nC);
        assertThat(total).isEqualTo(nonZero(levels));
        assertThat(w.bitPosition()).isEqualTo(want.length());
        assertThat(CavlcWriter.bitCount(levels, 0, levels.length, nC)).isEqualTo(want.length());
        StringBuilder got = new StringBuilder();
        for (byte b : w.toByteArray()) {
            got.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
        }
        assertThat(got.substring(0, want.length())).isEqualTo(want);
    }

    private static int nonZero(int[] levels) {
        int n = 0;
        for (int v : levels) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    /** A block with the given TotalCoeff, TrailingOnes and total_zeros, at random positions and levels. */
    private static int[] block(Random rnd, int max, int total, int ones, int zeros) {
        int[] levels = new int[max];
        if (total == 0) {
            return levels;
        }
        int last = total + zeros - 1;
        // Choose total - 1 positions below last.
        int[] pos = new int[last];
        for (int i = 0; i < last; i++) {
            pos[i] = i;
        }
        for (int i = 0; i < total - 1; i++) {
            int j = i + rnd.nextInt(last - i);
            int t = pos[i];
            pos[i] = pos[j];
            pos[j] = t;
        }
        int[] chosen = Arrays.copyOf(pos, total);
        chosen[total - 1] = last;
        Arrays.sort(chosen);
        // From the highest position down: `ones` times +-1, then (if fewer than 3) a level that is not +-1.
        for (int k = 0; k < total; k++) {
            int p = chosen[total - 1 - k];
            int mag;
            if (k < ones) {
                mag = 1;
            } else if (k == ones && ones < 3) {
                mag = 2 + rnd.nextInt(rnd.nextInt(4) == 0 ? 2000 : 6);
            } else {
                mag = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 2063 : 5);
            }
            levels[p] = rnd.nextBoolean() ? mag : -mag;
        }
        return levels;
    }

    private static int[] randomLevels(Random rnd, int max) {
        int[] levels = new int[max];
        int style = rnd.nextInt(6);
        double density = switch (style) {
            case 0 -> 0.0;
            case 1 -> 0.08;
            case 2 -> 0.25;
            case 3 -> 0.6;
            default -> 1.0;
        };
        int scale = switch (rnd.nextInt(5)) {
            case 0 -> 1;
            case 1 -> 3;
            case 2 -> 20;
            case 3 -> 300;
            default -> CavlcWriter.MAX_ABS_LEVEL;
        };
        for (int i = 0; i < max; i++) {
            if (rnd.nextDouble() < density) {
                // Mostly small magnitudes, as after quantisation, with the occasional large one.
                int mag = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(scale) : 1 + rnd.nextInt(Math.min(scale, 3));
                levels[i] = rnd.nextBoolean() ? mag : -mag;
            }
        }
        return levels;
    }
}
