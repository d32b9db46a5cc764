package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.h264.BitWriter;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.H264ParseException;
import dev.parley.rtc.codec.h264.encoder.CavlcWriter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CAVLC reader against Parley's CAVLC writer (itself checked bit-exact against jcodec through the encoder): random
 * blocks of every size and nC context round-trip with the same bit count; a block worked by hand from the spec's
 * tables; and random bits never throw, never read more than a bounded number of bits, and yield only sane results.
 */
class CavlcReaderTest {
    private static final int[] NC = {-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16};

    @ParameterizedTest(name = "maxNumCoeff {0}")
    @ValueSource(ints = {16, 15, 4})
    void randomBlocksRoundTripThroughTheWriter(int maxNumCoeff) throws H264ParseException {
        Random rnd = new Random(maxNumCoeff);
        int blocks = 3000;
        int[][] written = new int[blocks][];
        int[] ncs = new int[blocks];
        int[] bits = new int[blocks];
        BitWriter w = new BitWriter(1 << 16);
        for (int b = 0; b < blocks; b++) {
            int nC = maxNumCoeff == 4 ? -1 : NC[1 + rnd.nextInt(NC.length - 1)];
            int[] levels = randomBlock(rnd, maxNumCoeff);
            int before = w.bitPosition();
            CavlcWriter.writeBlock(w, levels, 0, maxNumCoeff, nC);
            written[b] = levels;
            ncs[b] = nC;
            bits[b] = w.bitPosition() - before;
        }
        w.writeTrailingBits();
        RbspReader r = reader(w.toByteArray());
        CavlcReader reader = new CavlcReader();
        int[] out = new int[20];
        for (int b = 0; b < blocks; b++) {
            Arrays.fill(out, 77);
            int before = r.position();
            int total = reader.read(r, ncs[b], maxNumCoeff, out, 2);
            int[] expected = written[b];
            assertThat(total).as("TotalCoeff of block %d", b).isEqualTo(nonZero(expected));
            assertThat(Arrays.copyOfRange(out, 2, 2 + maxNumCoeff)).as("block %d (nC %d)", b, ncs[b])
                    .isEqualTo(expected);
            assertThat(out[0]).as("nothing written before the block").isEqualTo(77);
            assertThat(out[2 + maxNumCoeff]).as("nothing written after the block").isEqualTo(77);
            assertThat(r.position() - before).as("bits of block %d", b).isEqualTo(bits[b]);
        }
        assertThat(r.moreRbspData()).isFalse();
        assertThat(r.overrun()).isFalse();
    }

    /** Sparse blocks biased to the low frequencies with mostly small levels, some large, trailing ones often. */
    private static int[] randomBlock(Random rnd, int n) {
        int[] levels = new int[n];
        int kind = rnd.nextInt(5);
        if (kind == 0) {
            return levels; // empty
        }
        double density = kind == 1 ? 1.0 : rnd.nextDouble();
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < density * (1.0 - 0.5 * i / n)) {
                int mag = switch (rnd.nextInt(8)) {
                    case 0, 1, 2, 3 -> 1;
                    case 4, 5 -> 2 + rnd.nextInt(4);
                    case 6 -> 6 + rnd.nextInt(60);
                    default -> 1 + rnd.nextInt(CavlcWriter.MAX_ABS_LEVEL);
                };
                levels[i] = rnd.nextBoolean() ? mag : -mag;
            }
        }
        return levels;
    }

    private static int nonZero(int[] levels) {
        int n = 0;
        for (int v : levels) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }

    /**
     * A 4x4 block worked through the tables by hand: levels 0, 3, 0, 1, -1, -1, 0, 1 in scan order, nC 0.
     * coeff_token (TotalCoeff 5, TrailingOnes 3) 0000100 (Table 9-5); signs +, -, - of the trailing ones 011;
     * level 1 at suffixLength 0: levelCode 0, prefix "1"; level 3 at suffixLength 1: levelCode 4, prefix "001" and
     * suffix "0" (§9.2.2.1); total_zeros 3 for TotalCoeff 5: 111 (Table 9-7); run_before 1, 0, 0, 1 with zerosLeft
     * 3, 2, 2, 2: 10, 1, 1, 01 (Table 9-10).
     */
    @Test
    void aBlockWorkedByHandFromTheTables() throws H264ParseException {
        RbspReader r = load("000010001110010111101101" + "1"); // then the stop bit
        int[] out = new int[16];
        assertThat(new CavlcReader().read(r, 0, 16, out, 0)).isEqualTo(5);
        assertThat(out).containsExactly(0, 3, 0, 1, -1, -1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(r.position()).isEqualTo(24);
    }

    @Test
    void chromaDcAndFixedLengthTokensByHand() throws H264ParseException {
        // nC -1: TotalCoeff 1, TrailingOnes 1 is "1", sign "1" (-1), total_zeros 2 of TotalCoeff 1 is "001"
        // (Table 9-9a): the -1 sits at position 2.
        // nC 8: the 6-bit token 000011 is an empty block; 000101 is TotalCoeff 2 with TrailingOnes 1, then sign 0,
        // level -2 with levelCode 3 - 2 = 1 (prefix "01"), total_zeros 0 for TotalCoeff 2 is "111" (Table 9-7).
        RbspReader r = load("1" + "1" + "001" + "000011" + "000101" + "0" + "01" + "111" + "1");
        CavlcReader reader = new CavlcReader();
        int[] out = new int[16];
        assertThat(reader.read(r, -1, 4, out, 0)).isEqualTo(1);
        assertThat(Arrays.copyOf(out, 4)).containsExactly(0, 0, -1, 0);
        assertThat(reader.read(r, 8, 16, out, 0)).isEqualTo(0);
        assertThat(reader.read(r, 9, 16, out, 0)).isEqualTo(2);
        assertThat(Arrays.copyOf(out, 3)).containsExactly(-2, 1, 0);
        assertThat(r.moreRbspData()).isFalse();
        assertThat(r.overrun()).isFalse();
    }

    @Test
    void whatNoBlockCanHoldIsAnError() throws H264ParseException {
        CavlcReader reader = new CavlcReader();
        int[] out = new int[16];
        // TotalCoeff 16 / TrailingOnes 3 (nC 0) in a 15-coefficient AC block
        assertThat(reader.read(load("0000000000001000" + "000" + "1"), 0, 15, out, 0)).isEqualTo(CavlcReader.ERROR);
        // 16 zero bits: no coeff_token of 0 <= nC < 2 starts so
        assertThat(reader.read(load("0000000000000000" + "1"), 0, 16, out, 0)).isEqualTo(CavlcReader.ERROR);
        // nC 8 with the unused 6-bit code 000010 (TotalCoeff 1 with TrailingOnes 2)
        assertThat(reader.read(load("000010" + "1"), 8, 16, out, 0)).isEqualTo(CavlcReader.ERROR);
        // TotalCoeff 2 / TrailingOnes 0 ("0000 0111"), then a level_prefix of 16 (above Baseline's 15)
        assertThat(reader.read(load("00000111" + "0000000000000000" + "1"), 0, 16, out, 0))
                .isEqualTo(CavlcReader.ERROR);
        // TotalCoeff 1 / TrailingOnes 1 ("01"), sign, total_zeros 15 ("0000 0000 1"): 16 positions in a block of 15
        assertThat(reader.read(load("01" + "0" + "000000001" + "1"), 0, 15, out, 0)).isEqualTo(CavlcReader.ERROR);
        // TotalCoeff 2 / TrailingOnes 2 ("001"), signs, total_zeros 7 ("0011"), then run_before 14 ("0000 0000
        // 001") where only 7 zeros are left
        assertThat(reader.read(load("001" + "00" + "0011" + "00000000001" + "1"), 0, 16, out, 0))
                .isEqualTo(CavlcReader.ERROR);
    }

    @Test
    void randomBitsNeverThrowAndReadABoundedAmount() throws H264ParseException {
        Random rnd = new Random(5);
        CavlcReader reader = new CavlcReader();
        int[] out = new int[16];
        int errors = 0;
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] rbsp = new byte[1 + rnd.nextInt(200)];
            rnd.nextBytes(rbsp);
            if (rnd.nextInt(4) == 0) {
                Arrays.fill(rbsp, rnd.nextInt(rbsp.length), rbsp.length, (byte) 0); // long zero runs
            }
            rbsp[rbsp.length - 1] |= 1;
            RbspReader r = reader(rbsp);
            int max = new int[] {16, 15, 4}[rnd.nextInt(3)];
            int nC = max == 4 ? -1 : NC[1 + rnd.nextInt(NC.length - 1)];
            int total = reader.read(r, nC, max, out, 0);
            assertThat(r.position()).isLessThanOrEqualTo(700);
            if (total == CavlcReader.ERROR) {
                errors++;
            } else {
                assertThat(total).isBetween(0, max);
                assertThat(nonZero(Arrays.copyOf(out, max))).isEqualTo(total);
            }
        }
        assertThat(errors).as("random bits are often not a block").isGreaterThan(100);
    }

    private static RbspReader load(String bitString) throws H264ParseException {
        return reader(bits(bitString));
    }

    /** A reader over an RBSP (escaped, as a NAL unit carries it). */
    private static RbspReader reader(byte[] rbsp) throws H264ParseException {
        byte[] nal = EmulationPrevention.escape(rbsp);
        RbspReader r = new RbspReader();
        r.load(nal, 0, nal.length);
        return r;
    }

    /** A bit string ("0101..") as bytes, zero-padded to a byte boundary. */
    static byte[] bits(String s) {
        byte[] out = new byte[(s.length() + 7) / 8];
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '1') {
                out[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return out;
    }
}
