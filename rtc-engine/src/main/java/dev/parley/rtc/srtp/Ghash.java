package dev.parley.rtc.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * GHASH, the authenticator of GCM (NIST SP 800-38D §6.4), streaming and allocation-free. Multiplication by H is
 * linear over GF(2), so (x · H) is the XOR of sixteen precomputed products, one per byte of x: 16 tables of 256
 * 128-bit entries (64 KiB per key) make a block cost sixteen lookups and no reduction. The tables are built from
 * a bit-serial multiplication (§6.3, Algorithm 1) once per key. Data is fed with {@link #update}; {@link #pad}
 * closes the AAD or the ciphertext with zeros to a block boundary, as GCM requires. Not thread-safe.
 */
final class Ghash {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /** SP 800-38D §6.3: R = 11100001 || 0^120. */
    private static final long R = 0xe100000000000000L;

    /** tableHi[i * 256 + b] / tableLo[...]: the product of H with the block whose byte i is b and others zero. */
    private final long[] tableHi = new long[16 * 256];
    private final long[] tableLo = new long[16 * 256];
    private final byte[] block = new byte[16];
    private int filled;
    private long zh;
    private long zl;

    /** @param h the hash subkey, AES_K(0^128) */
    Ghash(byte[] h) {
        long hHi = (long) LONGS.get(h, 0);
        long hLo = (long) LONGS.get(h, 8);
        for (int i = 0; i < 16; i++) {
            // Basis: the single bits of byte i; bit 7 of a byte is the first (leftmost) in GCM's order.
            for (int bit = 0; bit < 8; bit++) {
                int position = i * 8 + (7 - bit); // 0 = leftmost bit of the block
                long xHi = position < 64 ? 1L << (63 - position) : 0;
                long xLo = position >= 64 ? 1L << (127 - position) : 0;
                long[] product = multiply(xHi, xLo, hHi, hLo);
                tableHi[i * 256 + (1 << bit)] = product[0];
                tableLo[i * 256 + (1 << bit)] = product[1];
            }
            for (int b = 1; b < 256; b++) {
                int lowest = b & -b;
                if (b != lowest) {
                    tableHi[i * 256 + b] = tableHi[i * 256 + lowest] ^ tableHi[i * 256 + (b ^ lowest)];
                    tableLo[i * 256 + b] = tableLo[i * 256 + lowest] ^ tableLo[i * 256 + (b ^ lowest)];
                }
            }
        }
    }

    /** SP 800-38D §6.3 Algorithm 1, bit by bit: only used to build the tables. */
    private static long[] multiply(long xHi, long xLo, long yHi, long yLo) {
        long zHi = 0;
        long zLo = 0;
        long vHi = yHi;
        long vLo = yLo;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHi >>> (63 - i)) & 1 : (xLo >>> (127 - i)) & 1;
            if (bit != 0) {
                zHi ^= vHi;
                zLo ^= vLo;
            }
            boolean carry = (vLo & 1) != 0;
            vLo = (vHi << 63) | (vLo >>> 1);
            vHi >>>= 1;
            if (carry) {
                vHi ^= R;
            }
        }
        return new long[] {zHi, zLo};
    }

    void reset() {
        zh = 0;
        zl = 0;
        filled = 0;
    }

    void update(byte[] b, int off, int len) {
        if (filled == 0) {
            // Whole blocks straight from the caller's buffer.
            while (len >= 16) {
                absorb((long) LONGS.get(b, off), (long) LONGS.get(b, off + 8));
                off += 16;
                len -= 16;
            }
        }
        while (len > 0) {
            int n = Math.min(16 - filled, len);
            System.arraycopy(b, off, block, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == 16) {
                filled = 0;
                absorb((long) LONGS.get(block, 0), (long) LONGS.get(block, 8));
            }
        }
    }

    /** Zero-pads the current partial block, ending the AAD or the ciphertext (SP 800-38D §7.1 step 5). */
    void pad() {
        if (filled > 0) {
            java.util.Arrays.fill(block, filled, 16, (byte) 0);
            filled = 0;
            absorb((long) LONGS.get(block, 0), (long) LONGS.get(block, 8));
        }
    }

    /** Pads, then absorbs len(A) || len(C) in bits and writes the 16-byte result. */
    void finish(long aadBytes, long ciphertextBytes, byte[] out, int off) {
        pad();
        absorb(aadBytes * 8, ciphertextBytes * 8);
        LONGS.set(out, off, zh);
        LONGS.set(out, off + 8, zl);
    }

    // X = (X xor block) · H, as the XOR of one table entry per byte.
    private void absorb(long blockHi, long blockLo) {
        long xh = zh ^ blockHi;
        long xl = zl ^ blockLo;
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            int hiByte = (int) (xh >>> (56 - 8 * i)) & 0xff;
            int loByte = (int) (xl >>> (56 - 8 * i)) & 0xff;
            int a = (i << 8) | hiByte;
            int c = ((i + 8) << 8) | loByte;
            h ^= tableHi[a] ^ tableHi[c];
            l ^= tableLo[a] ^ tableLo[c];
        }
        zh = h;
        zl = l;
    }
}
