package dev.parley.rtc.codec.h264;

import java.util.Arrays;

/**
 * Writes an RBSP bit by bit, most significant bit first (H.264 §7.2). The result has no emulation prevention:
 * pass it through {@link EmulationPrevention#escape} before it goes into a NAL unit.
 */
public final class BitWriter {
    private byte[] buf;
    private int bitPos;

    public BitWriter() {
        this(64);
    }

    public BitWriter(int initialCapacityBytes) {
        buf = new byte[Math.max(16, initialCapacityBytes)];
    }

    /** Writes the low {@code n} bits of {@code value}, 0 &lt;= n &lt;= 32 (u(n) in §7.2). */
    public void writeBits(int value, int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " not in 0..32");
        }
        if (n < 32 && (value >>> n) != 0) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + n + " bits");
        }
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            putBit((value >>> i) & 1);
        }
    }

    public void writeBit(boolean bit) {
        ensure(1);
        putBit(bit ? 1 : 0);
    }

    /** Writes a whole byte, faster than {@code writeBits(b, 8)} when the writer is byte aligned. */
    public void writeByte(int b) {
        if ((bitPos & 7) == 0) {
            ensure(8);
            buf[bitPos >>> 3] = (byte) b;
            bitPos += 8;
        } else {
            writeBits(b & 0xff, 8);
        }
    }

    /** ue(v): unsigned Exp-Golomb (§9.1), 0 &lt;= value &lt;= 2^32 - 2. */
    public void writeUe(long value) {
        if (value < 0 || value > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("ue(v) value " + value + " out of range");
        }
        long codeNum = value + 1;
        int len = 64 - Long.numberOfLeadingZeros(codeNum); // bits in codeNum + 1
        writeBits(0, len - 1);
        if (len == 33) {
            writeBits(1, 1);
            writeBits((int) codeNum, 32);
        } else {
            writeBits((int) codeNum, len);
        }
    }

    /** se(v): signed Exp-Golomb, mapped to ue(v) by Table 9-3 (k &gt; 0 -> 2k-1, k &lt;= 0 -> -2k). */
    public void writeSe(int value) {
        writeUe(value > 0 ? 2L * value - 1 : -2L * value);
    }

    /** rbsp_trailing_bits() (§7.3.2.11): a stop bit 1, then zero bits to the byte boundary. */
    public void writeTrailingBits() {
        writeBit(true);
        alignWithZeros();
    }

    /** Zero bits up to the next byte boundary (e.g. pcm_alignment_zero_bit, §7.3.5). */
    public void alignWithZeros() {
        while ((bitPos & 7) != 0) {
            writeBit(false);
        }
    }

    public boolean isByteAligned() {
        return (bitPos & 7) == 0;
    }

    public int bitPosition() {
        return bitPos;
    }

    /** The bytes written so far; a partial last byte is padded with zero bits. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, (bitPos + 7) >>> 3);
    }

    private void putBit(int bit) {
        if (bit != 0) {
            buf[bitPos >>> 3] |= (byte) (0x80 >>> (bitPos & 7));
        }
        bitPos++;
    }

    private void ensure(int bits) {
        int needBytes = (bitPos + bits + 7) >>> 3;
        if (needBytes > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needBytes, buf.length * 2));
        }
    }
}
