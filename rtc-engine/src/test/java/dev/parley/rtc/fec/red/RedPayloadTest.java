package dev.parley.rtc.fec.red;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RedPayloadTest {

    @Test
    void readsThePrimaryAndRedundantBlocksOfTheRfcExample() {
        // RFC 2198 §3: one redundant block (PT 111, offset 960, 3 bytes) then the primary (PT 111, 2 bytes).
        byte[] b = {(byte) 0xEF, (byte) (960 >>> 6), (byte) (((960 & 0x3F) << 2) | 0), 3, 111, 1, 2, 3, 9, 8};
        RedPayload red = new RedPayload();
        assertThat(red.parse(b, 0, b.length)).isTrue();
        assertThat(red.redundantBlocks()).isEqualTo(1);
        assertThat(red.redundantPayloadType(0)).isEqualTo(111);
        assertThat(red.redundantTimestampOffset(0)).isEqualTo(960);
        assertThat(red.redundantOffset(0)).isEqualTo(5);
        assertThat(red.redundantLength(0)).isEqualTo(3);
        assertThat(red.primaryPayloadType()).isEqualTo(111);
        assertThat(red.primaryOffset()).isEqualTo(8);
        assertThat(red.primaryLength()).isEqualTo(2);
    }

    @Test
    void aPrimaryOnlyPayloadAsLibwebrtcVideoSendsIt() {
        byte[] b = {(byte) 0x66, 0x7C, (byte) 0x85, 1, 2};
        RedPayload red = new RedPayload();
        assertThat(red.parse(b, 0, b.length)).isTrue();
        assertThat(red.redundantBlocks()).isZero();
        assertThat(red.primaryPayloadType()).isEqualTo(0x66);
        assertThat(red.primaryOffset()).isEqualTo(1);
        assertThat(red.primaryLength()).isEqualTo(4);
    }

    @Test
    void inconsistentLayoutsAreRefusedAndGarbageNeverThrows() {
        RedPayload red = new RedPayload();
        assertThat(red.parse(new byte[] {(byte) 0x80, 0, 0}, 0, 3)).isFalse();           // header cut
        assertThat(red.parse(new byte[] {(byte) 0x80, 0, 0, 50, 111, 1}, 0, 6)).isFalse(); // block longer than data
        assertThat(red.parse(new byte[0], 0, 0)).isFalse();
        Random random = new Random(2198);
        for (int i = 0; i < 100_000; i++) {
            byte[] b = new byte[random.nextInt(64)];
            random.nextBytes(b);
            int off = b.length == 0 ? 0 : random.nextInt(b.length);
            if (red.parse(b, off, b.length - off)) {
                assertThat(red.primaryOffset() + red.primaryLength()).isEqualTo(b.length);
            }
        }
    }
}
