package dev.parley.bench.srtp;

import dev.parley.rtc.srtp.SrtpError;
import dev.parley.rtc.srtp.SrtpInboundSession;
import dev.parley.rtc.srtp.SrtpOutboundSession;
import dev.parley.rtc.srtp.SrtpProfile;
import dev.parley.rtc.srtp.SrtpSession;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Single-thread SRTP throughput: one packet = protect on an outbound session, then unprotect on an inbound
 * session, in place, with a new sequence number each time (so the replay window and ROC work as in a call).
 * MB/s counts the plain RTP packet bytes (10^6 bytes per MB) of packets that went through both steps.
 *
 * <p>Usage: {@code bench/run srtp [--seconds S] [--warmup W] [--bytes B]}. The last line of output is one JSON
 * object with units in its key names.
 */
public final class SrtpBench {

    private SrtpBench() {
    }

    public static void main(String[] args) {
        double seconds = 5;
        double warmup = 3;
        int bytes = 1200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--bytes" -> bytes = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: bench/run srtp [--seconds S (5)] [--warmup W (3)] [--bytes B (1200)]");
                    System.exit(args[i].equals("--help") || args[i].equals("-h") ? 0 : 2);
                }
            }
        }
        if (bytes < 12 || bytes > 65000) {
            throw new IllegalArgumentException("--bytes must be an RTP packet size in [12, 65000]");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "SRTP single-thread throughput, %d-byte RTP packets (12-byte header), "
                + "%.1f s warm-up + %.1f s measured per line, %s %s%n%n", bytes, warmup, seconds,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-30s %16s %14s %14s %16s%n", "profile", "protect+unprot", "packets/s",
                "protect only", "alloc B/packet");
        String[][] profiles = {
            {"SRTP_AES128_CM_HMAC_SHA1_80", "aes_cm_sha1_80"},
            {"SRTP_AES128_CM_HMAC_SHA1_32", "aes_cm_sha1_32"},
            {"SRTP_AEAD_AES_128_GCM", "aes_gcm_128"},
            {"SRTP_AEAD_AES_256_GCM", "aes_gcm_256"},
        };
        for (String[] p : profiles) {
            SrtpProfile profile = SrtpProfile.valueOf(p[0]);
            Result both = run(profile, bytes, warmup, seconds, true);
            Result protectOnly = run(profile, bytes, warmup, seconds, false);
            System.out.printf(Locale.ROOT, "%-30s %11.1f MB/s %14.0f %9.1f MB/s %16.1f%n", p[0], both.mbPerS,
                    both.packetsPerS, protectOnly.mbPerS, both.allocatedPerPacket);
            json.put(p[1] + "_protect_unprotect_mb_per_s", round(both.mbPerS));
            json.put(p[1] + "_protect_mb_per_s", round(protectOnly.mbPerS));
            json.put(p[1] + "_allocated_bytes_per_packet", round(both.allocatedPerPacket));
        }
        System.out.println();
        System.out.println("AES-CM keystream strategy (what the library chose and why), keystream only, same packets:");
        double ecb = CtrStrategies.ecbCounterBlocks(bytes, warmup, seconds);
        double ctr = CtrStrategies.jceCtrInitPerPacket(bytes, warmup, seconds);
        System.out.printf(Locale.ROOT, "  %-58s %9.1f MB/s%n", "AES/ECB over a buffer of counter blocks (used)", ecb);
        System.out.printf(Locale.ROOT, "  %-58s %9.1f MB/s%n", "AES/CTR with Cipher.init + IvParameterSpec per packet",
                ctr);
        json.put("ctr_keystream_ecb_counter_blocks_mb_per_s", round(ecb));
        json.put("ctr_keystream_jce_ctr_init_per_packet_mb_per_s", round(ctr));
        json.put("packet_bytes", bytes);
        json.put("seconds_per_measurement", seconds);
        json.put("java_version", System.getProperty("java.version"));
        System.out.println();
        System.out.println(toJson(json));
    }

    private record Result(double mbPerS, double packetsPerS, double allocatedPerPacket) {
    }

    /** Runs protect (+ unprotect if {@code both}) for {@code warmup} then {@code seconds}, in batches. */
    private static Result run(SrtpProfile profile, int bytes, double warmup, double seconds, boolean both) {
        Random r = new Random(1);
        byte[] key = new byte[profile.keyLength()];
        byte[] salt = new byte[profile.saltLength()];
        r.nextBytes(key);
        r.nextBytes(salt);
        SrtpOutboundSession out = SrtpSession.outbound(profile, key, salt);
        SrtpInboundSession in = SrtpSession.inbound(profile, key, salt);
        byte[] buf = new byte[bytes + profile.rtpOverhead()];
        r.nextBytes(buf);
        buf[0] = (byte) 0x80;
        buf[1] = 96;
        Loop loop = new Loop(out, in, buf, bytes, both);
        loop.runFor(warmup);
        long allocBefore = allocatedBytes();
        long start = System.nanoTime();
        long packets = loop.runFor(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long allocated = allocatedBytes() - allocBefore;
        if (in.errorCount(SrtpError.AUTH_FAILED) + in.errorCount(SrtpError.REPLAYED) != 0) {
            throw new IllegalStateException("packets were dropped during the benchmark");
        }
        return new Result(packets * (double) bytes / elapsed / 1e6, packets / elapsed,
                allocated < 0 ? Double.NaN : allocated / (double) packets);
    }

    /** The measured loop; sinks results into {@link #check} so the JIT cannot drop the work. */
    private static final class Loop {
        final SrtpOutboundSession out;
        final SrtpInboundSession in;
        final byte[] buf;
        final int len;
        final boolean both;
        int seq;
        long check;

        Loop(SrtpOutboundSession out, SrtpInboundSession in, byte[] buf, int len, boolean both) {
            this.out = out;
            this.in = in;
            this.buf = buf;
            this.len = len;
            this.both = both;
        }

        long runFor(double seconds) {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long packets = 0;
            do {
                for (int i = 0; i < 1024; i++) {
                    seq = (seq + 1) & 0xffff;
                    buf[2] = (byte) (seq >>> 8);
                    buf[3] = (byte) seq;
                    int n = out.protectRtp(buf, 0, len);
                    if (both) {
                        n = in.unprotectRtp(buf, 0, n);
                        if (n != len) {
                            throw new IllegalStateException("unprotect failed: " + SrtpError.fromCode(n));
                        }
                    }
                    check += n;
                }
                packets += 1024;
            } while (System.nanoTime() < deadline);
            return packets;
        }
    }

    /** Bytes allocated by this thread so far, or -1 where the JVM cannot tell. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String toJson(Map<String, Object> fields) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
                s.append("null");
            } else if (v instanceof Number) {
                s.append(v);
            } else {
                s.append('"').append(String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return s.append('}').toString();
    }
}
