package dev.parley.bench.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Two ways to get an AES-CM keystream from the JCE, measured on the payload of one packet at a time with a new
 * IV per packet: the ECB-over-counter-blocks approach the srtp package uses, and the JCE CTR cipher re-initialised
 * per packet. Only the keystream is measured (no HMAC), to show what the choice is worth.
 */
final class CtrStrategies {
    private static final byte[] KEY = new byte[16];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private CtrStrategies() {
    }

    static double ecbCounterBlocks(int bytes, double warmup, double seconds) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"));
            int blocks = (bytes + 15) / 16;
            byte[] counters = new byte[blocks * 16];
            byte[] stream = new byte[blocks * 16];
            byte[] buf = new byte[bytes];
            Task task = index -> { // as dev.parley.rtc.srtp.AesCounterMode does it: 8-byte writes and XORs
                for (int b = 0; b < blocks; b++) {
                    LONGS.set(counters, b << 4, 0x5a5a5a5a5a5a5a5aL);
                    LONGS.set(counters, (b << 4) + 8, (index << 16) + b);
                }
                ecb.update(counters, 0, counters.length, stream, 0);
                int i = 0;
                for (; i + 8 <= bytes; i += 8) {
                    LONGS.set(buf, i, (long) LONGS.get(buf, i) ^ (long) LONGS.get(stream, i));
                }
                for (; i < bytes; i++) {
                    buf[i] ^= stream[i];
                }
                return buf[0];
            };
            return measure(task, bytes, warmup, seconds);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static double jceCtrInitPerPacket(int bytes, double warmup, double seconds) {
        try {
            Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
            SecretKeySpec key = new SecretKeySpec(KEY, "AES");
            byte[] iv = new byte[16];
            byte[] buf = new byte[bytes];
            Task task = index -> {
                for (int k = 0; k < 8; k++) {
                    iv[8 + k] = (byte) (index >>> (56 - 8 * k));
                }
                iv[14] = 0;
                iv[15] = 0;
                ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
                ctr.doFinal(buf, 0, bytes, buf, 0);
                return buf[0];
            };
            return measure(task, bytes, warmup, seconds);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Task {
        int run(long index) throws GeneralSecurityException;
    }

    private static double measure(Task task, int bytes, double warmup, double seconds)
            throws GeneralSecurityException {
        long sink = 0;
        long index = 0;
        long end = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1024; i++) {
                sink += task.run(index++);
            }
        }
        long start = System.nanoTime();
        end = start + (long) (seconds * 1e9);
        long packets = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1024; i++) {
                sink += task.run(index++);
            }
            packets += 1024;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (sink == 42) {
            System.out.print(""); // keeps the results alive
        }
        return packets * (double) bytes / elapsed / 1e6;
    }
}
