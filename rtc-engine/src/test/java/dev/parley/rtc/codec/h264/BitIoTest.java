package dev.parley.rtc.codec.h264;

import static dev.parley.rtc.codec.h264.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitIoTest {
    @Test
    void ueMatchesTable9_2() throws Exception {
        // H.264 Table 9-2: 0 -> 1, 1 -> 010, 2 -> 011, 3 -> 00100, ..., 7 -> 0001000, 8 -> 0001001
        String[] codes = {"1", "010", "011", "00100", "00101", "00110", "00111", "0001000", "0001001"};
        for (int v = 0; v < codes.length; v++) {
            BitWriter w = new BitWriter();
            w.writeUe(v);
            assertThat(w.bitPosition()).isEqualTo(codes[v].length());
            assertThat(bits(w)).startsWith(codes[v]);
        }
    }

    @Test
    void seMatchesTable9_3() throws Exception {
        // Table 9-3: codeNum 0 -> 0, 1 -> 1, 2 -> -1, 3 -> 2, 4 -> -2
        int[] values = {0, 1, -1, 2, -2};
        for (int codeNum = 0; codeNum < values.length; codeNum++) {
            BitWriter a = new BitWriter();
            a.writeSe(values[codeNum]);
            BitWriter b = new BitWriter();
            b.writeUe(codeNum);
            assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
            assertThat(new BitReader(a.toByteArray()).readSe()).isEqualTo(values[codeNum]);
        }
    }

    @Test
    void trailingBitsAndAlignment() throws Exception {
        BitWriter w = new BitWriter();
        w.writeBits(0b101, 3);
        w.writeTrailingBits();
        assertThat(w.toByteArray()).isEqualTo(hex("b0")); // 101 1 0000
        BitReader r = new BitReader(w.toByteArray());
        assertThat(r.readBits(3)).isEqualTo(5);
        assertThat(r.moreRbspData()).isFalse();
        r.readTrailingBits();
        assertThat(r.bitsLeft()).isZero();
    }

    @Test
    void randomRoundTrip() throws Exception {
        Random rnd = new Random(42);
        for (int round = 0; round < 200; round++) {
            BitWriter w = new BitWriter(1);
            long[] vals = new long[50];
            int[] kinds = new int[50];
            for (int i = 0; i < vals.length; i++) {
                kinds[i] = rnd.nextInt(3);
                switch (kinds[i]) {
                    case 0 -> { int n = rnd.nextInt(33); long v = n == 0 ? 0 : (rnd.nextLong() >>> (64 - n)); vals[i] = (long) n << 40 | v; w.writeBits((int) v, n); }
                    case 1 -> { long v = rnd.nextBoolean() ? rnd.nextInt(100) : rnd.nextInt(Integer.MAX_VALUE); vals[i] = v; w.writeUe(v); }
                    default -> { int v = rnd.nextInt(1 << 20) - (1 << 19); vals[i] = v; w.writeSe(v); }
                }
            }
            w.writeTrailingBits();
            BitReader r = new BitReader(w.toByteArray());
            for (int i = 0; i < vals.length; i++) {
                switch (kinds[i]) {
                    case 0 -> { int n = (int) (vals[i] >>> 40); assertThat(r.readBits(n) & 0xFFFFFFFFL).isEqualTo(vals[i] & 0xFF_FFFF_FFFFL); }
                    case 1 -> assertThat(r.readUe()).isEqualTo((int) vals[i]);
                    default -> assertThat(r.readSe()).isEqualTo((int) vals[i]);
                }
            }
            assertThat(r.moreRbspData()).isFalse();
            r.readTrailingBits();
        }
    }

    @Test
    void largestUeRoundTrips() throws Exception {
        BitWriter w = new BitWriter();
        w.writeUe(Integer.MAX_VALUE);
        assertThat(new BitReader(w.toByteArray()).readUe()).isEqualTo(Integer.MAX_VALUE);
        BitWriter huge = new BitWriter();
        huge.writeUe(0xFFFF_FFFEL);
        assertThatThrownBy(() -> new BitReader(huge.toByteArray()).readUe()).isInstanceOf(H264ParseException.class);
    }

    @Test
    void readingPastTheEndIsAParseError() {
        assertThatThrownBy(() -> new BitReader(hex("ff")).readBits(9)).isInstanceOf(H264ParseException.class)
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> new BitReader(hex("0000")).readUe()).isInstanceOf(H264ParseException.class);
        assertThatThrownBy(() -> new BitReader(hex("00000000 00")).readUe()).isInstanceOf(H264ParseException.class)
                .hasMessageContaining("leading zero");
        assertThatThrownBy(() -> new BitReader(hex("00")).readTrailingBits()).isInstanceOf(H264ParseException.class);
        assertThatThrownBy(() -> new BitReader(hex("20")).readUe("x", 0, 0)).isInstanceOf(H264ParseException.class)
                .hasMessageContaining("x = ");
    }

    @Test
    void fuzzedReadsNeverThrowUnchecked() {
        Random rnd = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[rnd.nextInt(12)];
            rnd.nextBytes(b);
            if (rnd.nextBoolean()) {
                for (int i = 0; i < b.length; i++) {
                    if (rnd.nextInt(3) == 0) {
                        b[i] = 0;
                    }
                }
            }
            BitReader r = new BitReader(b);
            try {
                for (int i = 0; i < 40; i++) {
                    switch (rnd.nextInt(5)) {
                        case 0 -> r.readUe();
                        case 1 -> r.readSe();
                        case 2 -> r.readBits(rnd.nextInt(33));
                        case 3 -> r.moreRbspData();
                        default -> r.readTrailingBits();
                    }
                }
            } catch (H264ParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void writerRejectsValuesThatDoNotFit() {
        BitWriter w = new BitWriter();
        assertThatThrownBy(() -> w.writeBits(4, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.writeUe(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetByteLengthCopyToAndFastPathsAgreeWithTheCheckedWrites() throws Exception {
        Random rnd = new Random(99);
        BitWriter reused = new BitWriter(1);
        for (int round = 0; round < 300; round++) {
            reused.reset();
            assertThat(reused.bitPosition()).isZero();
            assertThat(reused.byteLength()).isZero();
            BitWriter ref = new BitWriter(1);
            int ops = rnd.nextInt(60);
            for (int i = 0; i < ops; i++) {
                switch (rnd.nextInt(5)) {
                    case 0 -> {
                        int n = rnd.nextInt(33);
                        int v = rnd.nextInt();
                        int fitted = n == 32 ? v : v & ((1 << n) - 1);
                        reused.writeBitsUnchecked(v, n); // bits above n are ignored
                        ref.writeBits(fitted, n);
                    }
                    case 1 -> {
                        int v = rnd.nextBoolean() ? rnd.nextInt(70_000) : rnd.nextInt(Integer.MAX_VALUE) + 1;
                        reused.writeUe(v); // int fast path
                        ref.writeUe((long) v);
                    }
                    case 2 -> {
                        int v = rnd.nextBoolean() ? rnd.nextInt(1000) - 500 : rnd.nextInt();
                        if (v == Integer.MIN_VALUE) {
                            v++; // -2v does not fit ue(v)
                        }
                        reused.writeSe(v);
                        ref.writeUe(v > 0 ? 2L * v - 1 : -2L * v); // Table 9-3 mapping
                    }
                    case 3 -> {
                        int b = rnd.nextInt(256);
                        reused.writeByte(b | 0x1200); // high bits ignored
                        ref.writeBits(b, 8);
                    }
                    default -> {
                        reused.alignWithZeros();
                        ref.writeBits(0, (8 - ref.bitPosition() % 8) % 8);
                    }
                }
                assertThat(reused.bitPosition()).isEqualTo(ref.bitPosition());
                assertThat(reused.isByteAligned()).isEqualTo(ref.bitPosition() % 8 == 0);
            }
            byte[] expected = ref.toByteArray();
            assertThat(reused.byteLength()).isEqualTo((reused.bitPosition() + 7) / 8).isEqualTo(expected.length);
            assertThat(reused.toByteArray()).isEqualTo(expected);
            int off = rnd.nextInt(5);
            byte[] dst = new byte[off + expected.length + 3];
            java.util.Arrays.fill(dst, (byte) 0x5a);
            assertThat(reused.copyTo(dst, off)).isEqualTo(expected.length);
            assertThat(java.util.Arrays.copyOfRange(dst, off, off + expected.length)).isEqualTo(expected);
            for (int i = 0; i < dst.length; i++) {
                if (i < off || i >= off + expected.length) {
                    assertThat(dst[i]).as("byte %d outside the copy", i).isEqualTo((byte) 0x5a);
                }
            }
            // copyTo and toByteArray do not disturb the writer: trailing bits still land where they belong.
            reused.writeTrailingBits();
            ref.writeTrailingBits();
            assertThat(reused.toByteArray()).isEqualTo(ref.toByteArray());
            assertThat(reused.byteLength()).isEqualTo(reused.bitPosition() / 8);
        }
        assertThatThrownBy(() -> new BitWriter().writeSe(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
        BitWriter w = new BitWriter();
        w.writeBits(1, 1);
        assertThatThrownBy(() -> w.copyTo(new byte[0], 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static String bits(BitWriter w) {
        StringBuilder sb = new StringBuilder();
        for (byte b : w.toByteArray()) {
            sb.append(String.format("%8s", Integer.toBinaryString(b & 0xff)).replace(' ', '0'));
        }
        return sb.toString();
    }

    @Test
    void truncateTakesBackEverythingAfterThePosition() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int[][] writes = new int[rnd.nextInt(40) + 1][];
            for (int i = 0; i < writes.length; i++) {
                int n = rnd.nextInt(33);
                writes[i] = new int[] {n == 32 ? rnd.nextInt() : rnd.nextInt() & (int) ((1L << n) - 1), n};
            }
            int keep = rnd.nextInt(writes.length + 1);
            BitWriter taken = new BitWriter(16);
            BitWriter reference = new BitWriter(16);
            int mark = 0;
            for (int i = 0; i < writes.length; i++) {
                if (i == keep) {
                    mark = taken.bitPosition();
                }
                taken.writeBits(writes[i][0], writes[i][1]);
                if (i < keep) {
                    reference.writeBits(writes[i][0], writes[i][1]);
                }
            }
            if (keep == writes.length) {
                mark = taken.bitPosition();
            }
            taken.truncate(mark);
            assertThat(taken.bitPosition()).isEqualTo(reference.bitPosition());
            taken.writeBits(0x5a5, 11);
            reference.writeBits(0x5a5, 11);
            taken.writeTrailingBits();
            reference.writeTrailingBits();
            assertThat(taken.toByteArray()).isEqualTo(reference.toByteArray());
        }
    }
}
