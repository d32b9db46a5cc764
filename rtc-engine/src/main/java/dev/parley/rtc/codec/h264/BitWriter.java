package dev.parley.rtc.codec.h264;

import java.util.Arrays;

/**
 * Writes an RBSP most significant bit first (H.264 §7.2). The result has no emulation prevention: pass it through
 * {@link EmulationPrevention#escape} before it goes into a NAL unit.
 *
 * <p>Bits collect in a 64-bit accumulator and go to the byte buffer four bytes at a time, so a write is a shift, an
 * or and (every few writes) a 4-byte store. The writer is reusable: {@link #reset()} keeps the buffer. Not
 * thread-safe.
 */
public final class BitWriter {
    private byte[] buf;
    /** Bytes already stored in {@link #buf}. */
    private int bytePos;
    /** Pending bits, the newest in the low end; only the low {@link #accBits} bits matter. */
    private long acc;
    /** Number of pending bits in {@link #acc}, always 0..31 between calls. */
    private int accBits;

    public BitWriter() {
        this(64);
    }

    public BitWriter(int initialCapacityBytes) {
        buf = new byte[Math.max(16, initialCapacityBytes)];
    }

    /** Forgets everything written and starts again at bit 0, keeping the buffer. */
    public void reset() {
        bytePos = 0;
        acc = 0;
        accBits = 0;
    }

    /** Writes the low {@code n} bits of {@code value}, 0 &lt;= n &lt;= 32 (u(n) in §7.2); higher bits must be 0. */
    public void writeBits(int value, int n) {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " not in 0..32");
        }
        if (n < 32 && (value >>> n) != 0) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + n + " bits");
        }
        writeBitsUnchecked(value, n);
    }

    /**
     * Writes the low {@code n} bits of {@code value} without argument checks, for hot paths whose callers know
     * 0 &lt;= n &lt;= 32. Bits of {@code value} above {@code n} are ignored.
     */
    public void writeBitsUnchecked(int value, int n) {
        // accBits <= 31 and n <= 32, so nothing pending is shifted out of the 64-bit accumulator.
        acc = (acc << n) | (value & ((1L << n) - 1));
        int bits = accBits + n;
        if (bits >= 32) {
            bits -= 32;
            int word = (int) (acc >>> bits);
            if (bytePos + 4 > buf.length) {
                grow(4);
            }
            byte[] b = buf;
            int p = bytePos;
            b[p] = (byte) (word >>> 24);
            b[p + 1] = (byte) (word >>> 16);
            b[p + 2] = (byte) (word >>> 8);
            b[p + 3] = (byte) word;
            bytePos = p + 4;
        }
        accBits = bits;
    }

    public void writeBit(boolean bit) {
        writeBitsUnchecked(bit ? 1 : 0, 1);
    }

    /** Writes the low 8 bits of {@code b}. */
    public void writeByte(int b) {
        writeBitsUnchecked(b, 8);
    }

    /** ue(v): unsigned Exp-Golomb (§9.1), 0 &lt;= value &lt;= Integer.MAX_VALUE. */
    public void writeUe(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("ue(v) value " + value + " out of range");
        }
        // The code is codeNum = value + 1 in 2 * floor(log2(codeNum)) + 1 bits: its leading zeros are the prefix.
        int codeNum = value + 1; // may wrap to 2^31 (unsigned) for Integer.MAX_VALUE
        int significant = 32 - Integer.numberOfLeadingZeros(codeNum);
        if (significant <= 16) {
            writeBitsUnchecked(codeNum, 2 * significant - 1);
        } else {
            writeBitsUnchecked(0, significant - 1);
            writeBitsUnchecked(codeNum, significant);
        }
    }

    /** ue(v): unsigned Exp-Golomb (§9.1), 0 &lt;= value &lt;= 2^32 - 2. */
    public void writeUe(long value) {
        if (value < 0 || value > 0xFFFF_FFFEL) {
            throw new IllegalArgumentException("ue(v) value " + value + " out of range");
        }
        if (value <= Integer.MAX_VALUE) {
            writeUe((int) value);
            return;
        }
        // codeNum = value + 1 has 32 significant bits here.
        writeBitsUnchecked(0, 31);
        writeBitsUnchecked((int) (value + 1), 32);
    }

    /** se(v): signed Exp-Golomb, mapped to ue(v) by Table 9-3 (k &gt; 0 -> 2k-1, k &lt;= 0 -> -2k). */
    public void writeSe(int value) {
        if (value > 0 && value <= 0x4000_0000) {
            writeUe(2 * value - 1);
        } else if (value <= 0 && value >= -0x3FFF_FFFF) {
            writeUe(-2 * value);
        } else {
            writeUe(value > 0 ? 2L * value - 1 : -2L * value);
        }
    }

    /** rbsp_trailing_bits() (§7.3.2.11): a stop bit 1, then zero bits to the byte boundary. */
    public void writeTrailingBits() {
        int n = 8 - (accBits & 7);
        writeBitsUnchecked(1 << (n - 1), n);
    }

    /** Zero bits up to the next byte boundary (e.g. pcm_alignment_zero_bit, §7.3.5). */
    public void alignWithZeros() {
        writeBitsUnchecked(0, (8 - (accBits & 7)) & 7);
    }

    public boolean isByteAligned() {
        return (accBits & 7) == 0;
    }

    public int bitPosition() {
        return (bytePos << 3) + accBits;
    }

    /**
     * Forgets everything after bit {@code bitPos} (a position returned by {@link #bitPosition()} earlier), so an
     * encoder can take back a macroblock it wrote and write it again elsewhere.
     */
    public void truncate(int bitPos) {
        int current = bitPosition();
        if (bitPos < 0 || bitPos > current) {
            throw new IllegalArgumentException("cannot truncate to bit " + bitPos + " of " + current);
        }
        if (bitPos >= bytePos << 3) {
            int drop = current - bitPos;
            acc >>>= drop;
            accBits -= drop;
            return;
        }
        // The position lies in a stored word (bytePos is always a multiple of 4): reload that word's first bits.
        bytePos = (bitPos >>> 5) << 2;
        accBits = bitPos & 31;
        long word = ((buf[bytePos] & 0xffL) << 24) | ((buf[bytePos + 1] & 0xff) << 16)
                | ((buf[bytePos + 2] & 0xff) << 8) | (buf[bytePos + 3] & 0xff);
        acc = word >>> (32 - accBits);
    }

    /** Bytes written so far, a partial last byte counted (as after {@link #writeTrailingBits()}). */
    public int byteLength() {
        return bytePos + ((accBits + 7) >>> 3);
    }

    /**
     * Copies the {@link #byteLength()} bytes written so far to {@code dst} at {@code off} (a partial last byte is
     * padded with zero bits) and returns how many were copied. The writer is unchanged.
     */
    public int copyTo(byte[] dst, int off) {
        int len = byteLength();
        if (off < 0 || len > dst.length - off) {
            throw new IndexOutOfBoundsException("need " + len + " bytes at " + off + " in byte[" + dst.length + "]");
        }
        System.arraycopy(buf, 0, dst, off, bytePos);
        int p = off + bytePos;
        // Left-align the pending bits in a 32-bit word, zero padded, and store its whole bytes.
        int word = accBits == 0 ? 0 : (int) (acc << (32 - accBits));
        for (int shift = 24; p < off + len; shift -= 8) {
            dst[p++] = (byte) (word >>> shift);
        }
        return len;
    }

    /** The bytes written so far; a partial last byte is padded with zero bits. */
    public byte[] toByteArray() {
        byte[] out = new byte[byteLength()];
        copyTo(out, 0);
        return out;
    }

    private void grow(int extra) {
        buf = Arrays.copyOf(buf, Math.max(bytePos + extra, buf.length * 2));
    }
}
