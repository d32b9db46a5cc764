package dev.parley.rtc.codec.h264;

/**
 * Reads an RBSP (emulation prevention already removed, see {@link EmulationPrevention#unescape}) bit by bit, most
 * significant bit first. Every read is bounded: reading past the end, or an Exp-Golomb code longer than 32 bits,
 * is an {@link H264ParseException}, never an unchecked exception.
 */
public final class BitReader {
    private final byte[] buf;
    private final int start;
    private final int endBit;
    private int bitPos;

    public BitReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public BitReader(byte[] buf, int off, int len) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IllegalArgumentException("range " + off + "+" + len + " outside " + buf.length + " bytes");
        }
        if (off + (long) len > Integer.MAX_VALUE / 8) {
            throw new IllegalArgumentException("buffers over 256 MiB are not bit-addressable here");
        }
        this.buf = buf;
        this.start = off;
        this.bitPos = off * 8;
        this.endBit = (off + len) * 8;
    }

    /** u(n), 0 &lt;= n &lt;= 32; a 32-bit value comes back as the int with the same bits. */
    public int readBits(int n) throws H264ParseException {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bit count " + n + " not in 0..32");
        }
        need(n);
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | ((buf[bitPos >>> 3] >>> (7 - (bitPos & 7))) & 1);
            bitPos++;
        }
        return v;
    }

    public boolean readFlag() throws H264ParseException {
        return readBits(1) == 1;
    }

    /** ue(v) (§9.1); codes with more than 31 leading zeros would not fit an int and are rejected. */
    public int readUe() throws H264ParseException {
        int zeros = 0;
        while (!readFlag()) {
            if (++zeros > 31) {
                throw new H264ParseException("Exp-Golomb code with more than 31 leading zero bits at bit " + bitsRead());
            }
        }
        if (zeros == 0) {
            return 0;
        }
        long codeNum = (1L << zeros) - 1 + (readBits(zeros) & 0xFFFF_FFFFL);
        if (codeNum > Integer.MAX_VALUE) {
            throw new H264ParseException("ue(v) value " + codeNum + " too large");
        }
        return (int) codeNum;
    }

    /** ue(v) that must lie in [min, max]; {@code what} names the syntax element in the error. */
    public int readUe(String what, int min, int max) throws H264ParseException {
        int v = readUe();
        if (v < min || v > max) {
            throw new H264ParseException(what + " = " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    /** se(v) (§9.1.1, Table 9-3). */
    public int readSe() throws H264ParseException {
        int k = readUe();
        return (k & 1) == 1 ? (int) ((k + 1L) / 2) : -(k / 2);
    }

    public int readSe(String what, int min, int max) throws H264ParseException {
        int v = readSe();
        if (v < min || v > max) {
            throw new H264ParseException(what + " = " + v + " outside " + min + ".." + max);
        }
        return v;
    }

    public void skipBits(int n) throws H264ParseException {
        if (n < 0) {
            throw new IllegalArgumentException("negative skip " + n);
        }
        need(n);
        bitPos += n;
    }

    public int bitsLeft() {
        return endBit - bitPos;
    }

    public int bitsRead() {
        return bitPos - start * 8;
    }

    public boolean isByteAligned() {
        return (bitPos & 7) == 0;
    }

    /**
     * more_rbsp_data() (§7.2): true while anything other than the rbsp_trailing_bits remains, i.e. there is a 1 bit
     * after the current position other than the last 1 bit of the RBSP.
     */
    public boolean moreRbspData() {
        int last = endBit - 1;
        while (last >= bitPos && ((buf[last >>> 3] >>> (7 - (last & 7))) & 1) == 0) {
            last--;
        }
        return last > bitPos;
    }

    /** rbsp_trailing_bits() (§7.3.2.11): a 1 then zero bits to the byte boundary. */
    public void readTrailingBits() throws H264ParseException {
        if (!readFlag()) {
            throw new H264ParseException("rbsp_stop_one_bit missing at bit " + bitsRead());
        }
        while (!isByteAligned()) {
            if (readFlag()) {
                throw new H264ParseException("non-zero rbsp_alignment_zero_bit at bit " + bitsRead());
            }
        }
    }

    private void need(int n) throws H264ParseException {
        if (n > endBit - bitPos) {
            throw new H264ParseException("read of " + n + " bits past the end (" + bitsLeft() + " left)");
        }
    }
}
