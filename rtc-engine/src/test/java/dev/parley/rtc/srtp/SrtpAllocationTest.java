package dev.parley.rtc.srtp;

import static dev.parley.rtc.srtp.Packets.rtp;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The hot path allocates nothing: after warm-up, protecting and unprotecting packets adds no bytes to this thread's
 * allocation counter (a count, not a timing, so it holds on a busy machine).
 */
class SrtpAllocationTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        SrtpOutboundSession out = Packets.sender(profile);
        SrtpInboundSession in = Packets.receiver(profile);
        byte[] plain = rtp(0, 0x11223344, 0, -1, 1_200);
        byte[] buf = new byte[plain.length + 64];
        int seq = 0;
        for (int i = 0; i < 30_000; i++) { // warm-up: interpreted code and first JIT tiers may allocate
            seq = roundTrip(out, in, plain, buf, seq);
        }
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        int packets = 10_000;
        for (int i = 0; i < packets; i++) {
            seq = roundTrip(out, in, plain, buf, seq);
        }
        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat((double) allocated / packets).as("bytes allocated per packet with " + profile).isLessThan(1.0);
    }

    private static int roundTrip(SrtpOutboundSession out, SrtpInboundSession in, byte[] plain, byte[] buf, int seq) {
        System.arraycopy(plain, 0, buf, 0, plain.length);
        buf[2] = (byte) (seq >>> 8);
        buf[3] = (byte) seq;
        int n = out.protectRtp(buf, 0, plain.length);
        if (in.unprotectRtp(buf, 0, n) != plain.length) {
            throw new AssertionError("round trip failed at " + seq);
        }
        return (seq + 1) & 0xffff;
    }
}
