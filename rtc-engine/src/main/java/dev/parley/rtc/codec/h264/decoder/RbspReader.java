package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.H264ParseException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The slice decoder's bit reader: one slice's RBSP (emulation prevention removed, §7.4.1) in a buffer reused from
 * slice to slice, read most significant bit first through 32-bit peeks, so a variable-length code costs one table
 * look-up rather than a loop over bits.
 *
 * <p>Hostile input: reads never fail and never leave the buffer; past the end of the RBSP they return zero bits.
 * The caller asks {@link #overrun()} (the position went past the rbsp_stop_one_bit, §7.3.2.8) once per macroblock and
 * per residual block, which bounds what any macroblock can read before the damage is seen. Only Exp-Golomb codes
 * (§9.1) can fail on their own: one longer than 32 bits is an {@link H264ParseException}.
 */
final class RbspReader {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** Zero bytes after the RBSP: a peek at any position up to the end plus 8 reads zeros, not past the array. */
    private static final int PADDING = 16;

    private byte[] buf = new byte[4096];
    /** Bit position of the next bit. */
    private int pos;
    /** Bit position of the rbsp_stop_one_bit: more_rbsp_data() is pos &lt; stopBit (§7.2). */
    private int stopBit;
    /** Last byte index a peek may start at; beyond it a peek returns 0. */
    private int lastPeekByte;

    /**
     * Loads the payload of a NAL unit ({@code len} bytes from {@code off}, after the NAL header) and positions the
     * reader at its first bit.
     *
     * @throws H264ParseException for a forbidden zero triple (§7.4.1) or an RBSP without a stop bit
     */
    void load(byte[] nal, int off, int len) throws H264ParseException {
        if (buf.length < len + PADDING) {
            buf = new byte[Math.max(len + PADDING, buf.length * 2)];
        }
        byte[] out = buf;
        int o = 0;
        int zeros = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int b = nal[i];
            if (zeros >= 2 && (b & 0xff) <= 3) {
                if (b == 3) { // emulation_prevention_three_byte
                    zeros = 0;
                    continue;
                }
                throw new H264ParseException("forbidden byte sequence 00 00 0" + b + " in a slice");
            }
            out[o++] = (byte) b;
            zeros = b == 0 ? zeros + 1 : 0;
        }
        for (int i = o; i < o + PADDING; i++) {
            out[i] = 0;
        }
        int last = o - 1;
        while (last >= 0 && out[last] == 0) {
            last--;
        }
        if (last < 0) {
            throw new H264ParseException("slice without rbsp_stop_one_bit");
        }
        stopBit = last * 8 + 7 - Integer.numberOfTrailingZeros(out[last] & 0xff);
        lastPeekByte = o + PADDING - 8;
        pos = 0;
    }

    /** The next 32 bits, not consumed (zeros past the end of the data). */
    int peek32() {
        int i = pos >>> 3;
        if (i > lastPeekByte) {
            return 0;
        }
        long v = (long) LONG_BE.get(buf, i);
        return (int) ((v << (pos & 7)) >>> 32);
    }

    void skip(int n) {
        pos += n;
    }

    /** u(n) for 0 &lt;= n &lt;= 25. */
    int readBits(int n) {
        if (n == 0) {
            return 0;
        }
        int v = peek32() >>> (32 - n);
        pos += n;
        return v;
    }

    /** u(1). */
    int readBit() {
        int v = peek32() >>> 31;
        pos++;
        return v;
    }

    /** ue(v) (§9.1), up to 2^31 - 2. */
    int readUe() throws H264ParseException {
        int bits = peek32();
        int zeros = Integer.numberOfLeadingZeros(bits);
        if (zeros < 16) {
            pos += 2 * zeros + 1;
            return (bits >>> (31 - 2 * zeros)) - 1;
        }
        if (zeros > 30) {
            throw new H264ParseException("Exp-Golomb code of more than 31 leading zero bits in a slice");
        }
        pos += zeros + 1;
        int suffix = readBits(zeros - 16) << 16 | readBits(16);
        return (1 << zeros) - 1 + suffix;
    }

    /** ue(v) in [0, max]. */
    int readUe(String what, int max) throws H264ParseException {
        int v = readUe();
        if (v > max) {
            throw new H264ParseException(what + " = " + v + " above " + max);
        }
        return v;
    }

    /** se(v) (§9.1.1). */
    int readSe() throws H264ParseException {
        int k = readUe();
        return (k & 1) != 0 ? (k >>> 1) + 1 : -(k >>> 1);
    }

    /** se(v) in [min, max]. */
    int readSe(String what, int min, int max) throws H264ParseException {
        int v = readSe();
        if (v < min || v > max) {
            throw new H264ParseException(what + " = " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    /** more_rbsp_data() (§7.2). */
    boolean moreRbspData() {
        return pos < stopBit;
    }

    /** Whether reading went past the rbsp_stop_one_bit: the data was cut short or is corrupt. */
    boolean overrun() {
        return pos > stopBit;
    }

    boolean byteAligned() {
        return (pos & 7) == 0;
    }

    /** The bit position (from the start of the RBSP). */
    int position() {
        return pos;
    }

    /** The RBSP buffer (valid up to the stop bit; for byte-aligned reads such as I_PCM samples). */
    byte[] buffer() {
        return buf;
    }
}
