package dev.parley.rtc.codec.h264;

import static dev.parley.rtc.codec.h264.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.codec.h264.DepacketizedFrame.Complete;
import dev.parley.rtc.codec.h264.DepacketizedFrame.DropReason;
import dev.parley.rtc.codec.h264.DepacketizedFrame.Dropped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 6184 packetization-mode 1 both ways. Golden payloads are built by hand from the field layouts cited. */
class H264RtpTest {
    private static final byte[] SPS = hex("6742e01f95a0280f64");
    private static final byte[] PPS = hex("68ce3c80");

    @Test
    void singleNalUnitPacketIsTheNalUnit() {
        // §5.6: the payload is the NAL unit, header byte included.
        List<RtpPayload> out = new H264Packetizer(1200).packetize(List.of(hex("6588840021")));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).payload()).isEqualTo(hex("6588840021"));
        assertThat(out.get(0).marker()).isTrue();
    }

    @Test
    void stapAGoldenBytes() {
        // §5.7.1 Figure 7: STAP-A NAL header (F=0, NRI = max NRI = 3, type 24 -> 0x78), then for each unit a 16-bit
        // size and the unit. The slice does not fit in the same 20-byte budget and goes alone.
        byte[] slice = hex("65 8884002100aabbccddeeff");
        List<RtpPayload> out = new H264Packetizer(20).packetize(List.of(SPS, PPS, slice));
        assertThat(out).extracting(p -> Hex.str(p.payload())).containsExactly(
                "78" + "0009" + "6742e01f95a0280f64" + "0004" + "68ce3c80",
                "658884002100aabbccddeeff");
        assertThat(out).extracting(RtpPayload::marker).containsExactly(false, true);
        // NRI is the maximum of the aggregated units (§5.7.1): SEI with NRI 0 + SPS with NRI 3 -> 0x78; two SEIs -> 0x18.
        assertThat(new H264Packetizer(100).packetize(List.of(hex("0605"), hex("0606"))).get(0).payload())
                .isEqualTo(hex("18 0002 0605 0002 0606"));
        assertThat(new H264Packetizer(100).packetize(List.of(hex("0605"), SPS)).get(0).payload()[0]).isEqualTo((byte) 0x78);
    }

    @Test
    void fuAGoldenBytes() {
        // §5.8 Figures 14-15: FU indicator = F|NRI of the NAL unit|28 (0x65 -> 0x7c); FU header = S|E|R=0|type 5:
        // start 0x85, middle 0x05, end 0x45; the NAL header byte itself is not sent.
        byte[] nal = hex("65 0102030405060708090a");
        List<RtpPayload> out = new H264Packetizer(6).packetize(List.of(nal));
        assertThat(out).extracting(p -> Hex.str(p.payload())).containsExactly(
                "7c8501020304", "7c0505060708", "7c45090a");
        assertThat(out).extracting(RtpPayload::marker).containsExactly(false, false, true);
        // A non-reference slice (NRI 0, type 1) keeps NRI 0: indicator 0x1c, headers 0x81 / 0x01 / 0x41.
        assertThat(new H264Packetizer(3).packetize(List.of(hex("01 aabbcc")))).extracting(p -> Hex.str(p.payload()))
                .containsExactly("1c81aa", "1c01bb", "1c41cc");
    }

    @Test
    void depacketizesHandBuiltGoldenPayloads() {
        H264Depacketizer d = new H264Depacketizer();
        DepacketizedFrame f = d.depacketize(List.of(
                rx(100, false, "78 0009 6742e01f95a0280f64 0004 68ce3c80"),
                rx(101, false, "7c8501020304"), rx(102, false, "7c0505060708"), rx(103, true, "7c45090a")));
        assertThat(f).isInstanceOf(Complete.class);
        Complete c = (Complete) f;
        assertThat(c.nalUnits()).extracting(Hex::str).containsExactly(
                "6742e01f95a0280f64", "68ce3c80", "650102030405060708090a");
        assertThat(c.keyframe()).isTrue();
        assertThat(c.annexB()).isEqualTo(hex("00000001 6742e01f95a0280f64 00000001 68ce3c80 00000001 650102030405060708090a"));
        assertThat(d.completeFrames()).isEqualTo(1);
    }

    @Test
    void roundTripsAcrossPayloadBudgets() {
        Random rnd = new Random(5);
        for (int budget : new int[] {3, 4, 5, 7, 16, 100, 500, 1000, 1188, 1200, 1400, 65_000}) {
            H264Packetizer pk = new H264Packetizer(budget);
            // a 3-byte budget carries one byte per FU-A: allow the most payloads a frame can have
            H264Depacketizer dp = new H264Depacketizer(H264Depacketizer.DEFAULT_MAX_FRAME_BYTES, 32768, 4096);
            for (int round = 0; round < 40; round++) {
                List<byte[]> au = randomAccessUnit(rnd);
                List<RtpPayload> packets = pk.packetize(au);
                for (RtpPayload p : packets) {
                    assertThat(p.payload().length).isLessThanOrEqualTo(budget);
                }
                int seq = rnd.nextInt(65536);
                DepacketizedFrame f = dp.depacketize(received(packets, seq), seq);
                assertThat(f).as("budget %d", budget).isInstanceOf(Complete.class);
                assertThat(((Complete) f).nalUnits()).usingRecursiveComparison().isEqualTo(au);
            }
        }
    }

    @Test
    void sequenceNumbersWrapAround() {
        List<byte[]> au = List.of(SPS, PPS, new byte[3000]);
        au.get(2)[0] = 0x65;
        List<ReceivedRtpPayload> rx = received(new H264Packetizer(1000).packetize(au), 65534);
        assertThat(rx).extracting(ReceivedRtpPayload::sequenceNumber).containsExactly(65534, 65535, 0, 1, 2);
        assertThat(new H264Depacketizer().depacketize(rx, 65534)).isInstanceOf(Complete.class);
    }

    @Test
    void reorderingWithinAFrameIsHandledAndDuplicatesIgnored() {
        Random rnd = new Random(9);
        H264Depacketizer d = new H264Depacketizer();
        for (int round = 0; round < 200; round++) {
            List<byte[]> au = randomAccessUnit(rnd);
            List<ReceivedRtpPayload> rx = received(new H264Packetizer(200).packetize(au), rnd.nextInt(65536));
            List<ReceivedRtpPayload> shuffled = new ArrayList<>(rx);
            if (rnd.nextBoolean()) {
                shuffled.add(rx.get(rnd.nextInt(rx.size())));
            }
            Collections.shuffle(shuffled, rnd);
            DepacketizedFrame f = d.depacketize(shuffled);
            assertThat(((Complete) f).nalUnits()).usingRecursiveComparison().isEqualTo(au);
        }
    }

    @Test
    void lossDropsTheWholeFrame() {
        byte[] big = new byte[5000];
        big[0] = 0x65;
        List<ReceivedRtpPayload> rx = received(new H264Packetizer(1000).packetize(List.of(SPS, PPS, big)), 10);
        // rx: STAP-A(10), FU start(11), FU(12..15), FU end(16) with the marker
        H264Depacketizer d = new H264Depacketizer();
        assertThat(reason(d.depacketize(without(rx, 3)))).isEqualTo(DropReason.SEQUENCE_GAP);
        assertThat(reason(d.depacketize(without(rx, rx.size() - 1)))).isEqualTo(DropReason.NO_MARKER);
        // Losing the first packets is invisible from inside unless it cuts an FU-A, or the caller knows the start.
        assertThat(d.depacketize(without(rx, 0))).isInstanceOf(Complete.class);
        assertThat(reason(d.depacketize(without(rx, 0), 10))).isEqualTo(DropReason.SEQUENCE_GAP);
        assertThat(reason(d.depacketize(rx.subList(2, rx.size())))).isEqualTo(DropReason.FU_A_WITHOUT_START);
        assertThat(d.droppedFrames()).isEqualTo(4);
        assertThat(d.droppedFrames(DropReason.SEQUENCE_GAP)).isEqualTo(2);
    }

    @Test
    void hostilePayloadsAreDroppedWithAReason() {
        H264Depacketizer d = new H264Depacketizer();
        assertThat(reason(d.depacketize(List.of()))).isEqualTo(DropReason.EMPTY_FRAME);
        assertThat(reason(d.depacketize(List.of(rx(1, true, ""))))).isEqualTo(DropReason.INVALID_PAYLOAD);
        for (String type0or30or31 : new String[] {"00 aa", "7e aa", "7f aa"}) {
            assertThat(reason(d.depacketize(List.of(rx(1, true, type0or30or31))))).isEqualTo(DropReason.INVALID_PAYLOAD);
        }
        for (String interleaved : new String[] {"79 0000 0001 65", "7a 0000 00", "7b 0000 00", "7d 8500"}) {
            assertThat(reason(d.depacketize(List.of(rx(1, true, interleaved))))).isEqualTo(DropReason.NOT_NON_INTERLEAVED);
        }
        // STAP-A: no units, a size running past the end, a cut size field, a zero size, a nested FU-A
        for (String stap : new String[] {"78", "78 0005 6742", "78 0002 6742 00", "78 0000 0002 6742", "78 0002 7c85"}) {
            assertThat(reason(d.depacketize(List.of(rx(1, true, stap))))).as(stap).isEqualTo(DropReason.MALFORMED_STAP_A);
        }
        // FU-A: no FU header, S and E both set, type 0 inside, type change, start without end, end without start
        assertThat(reason(d.depacketize(List.of(rx(1, true, "7c"))))).isEqualTo(DropReason.MALFORMED_FU_A);
        assertThat(reason(d.depacketize(List.of(rx(1, true, "7cc5aa"))))).isEqualTo(DropReason.MALFORMED_FU_A);
        assertThat(reason(d.depacketize(List.of(rx(1, true, "7c80aa"))))).isEqualTo(DropReason.MALFORMED_FU_A);
        assertThat(reason(d.depacketize(List.of(rx(1, false, "7c85aa"), rx(2, true, "7c41bb"))))).isEqualTo(DropReason.MALFORMED_FU_A);
        assertThat(reason(d.depacketize(List.of(rx(1, true, "7c85aa"))))).isEqualTo(DropReason.FU_A_WITHOUT_END);
        assertThat(reason(d.depacketize(List.of(rx(1, false, "7c85aa"), rx(2, true, "6588"))))).isEqualTo(DropReason.FU_A_WITHOUT_END);
        assertThat(reason(d.depacketize(List.of(rx(1, false, "7c85aa"), rx(2, true, "7c85bb"))))).isEqualTo(DropReason.FU_A_WITHOUT_END);
        assertThat(reason(d.depacketize(List.of(rx(1, true, "7c45aa"))))).isEqualTo(DropReason.FU_A_WITHOUT_START);
        // markers and duplicates
        assertThat(reason(d.depacketize(List.of(rx(1, true, "6588"), rx(2, true, "6588"))))).isEqualTo(DropReason.EARLY_MARKER);
        assertThat(reason(d.depacketize(List.of(rx(1, true, "6588"), rx(1, true, "6589"))))).isEqualTo(DropReason.CONFLICTING_DUPLICATE);
        assertThat(reason(d.depacketize(List.of(rx(70000, true, "6588"))))).isEqualTo(DropReason.INVALID_PAYLOAD);
    }

    @Test
    void boundsCapFramesAndAggregates() {
        H264Depacketizer small = new H264Depacketizer(100, 4, 3);
        // a STAP-A with many tiny units hits the NAL unit cap
        assertThat(reason(small.depacketize(List.of(rx(1, true, "78 0001 09 0001 09 0001 09 0001 09")))))
                .isEqualTo(DropReason.TOO_LARGE);
        assertThat(reason(small.depacketize(List.of(rx(1, false, "09"), rx(2, false, "09"), rx(3, false, "09"),
                rx(4, false, "09"), rx(5, true, "09"))))).isEqualTo(DropReason.TOO_LARGE);
        List<ReceivedRtpPayload> fu = new ArrayList<>();
        fu.add(rx(1, false, "7c85" + "00".repeat(60)));
        fu.add(rx(2, true, "7c45" + "00".repeat(60)));
        assertThat(reason(small.depacketize(fu))).isEqualTo(DropReason.TOO_LARGE);
    }

    @Test
    void fuzzedPayloadsNeverThrow() {
        Random rnd = new Random(2024);
        H264Depacketizer d = new H264Depacketizer(64 * 1024, 64, 256);
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (RtpPayload p : new H264Packetizer(8 + rnd.nextInt(60)).packetize(randomAccessUnit(rnd))) {
                seeds.add(p.payload());
            }
        }
        for (int round = 0; round < 30_000; round++) {
            int n = 1 + rnd.nextInt(6);
            List<ReceivedRtpPayload> frame = new ArrayList<>();
            int seq = rnd.nextInt(65536);
            for (int i = 0; i < n; i++) {
                byte[] b = rnd.nextInt(3) == 0 ? randomBytes(rnd) : mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                frame.add(new ReceivedRtpPayload((seq + i + (rnd.nextInt(20) == 0 ? 1 : 0)) & 0xffff,
                        rnd.nextInt(8) == 0 ? rnd.nextBoolean() : i == n - 1, b));
            }
            DepacketizedFrame f = d.depacketize(frame, rnd.nextInt(10) == 0 ? seq : H264Depacketizer.UNKNOWN_SEQUENCE);
            if (f instanceof Complete c) {
                assertThat(c.nalUnits()).allSatisfy(nal -> assertThat(nal).isNotEmpty());
            } else {
                assertThat(((Dropped) f).detail()).isNotBlank();
            }
        }
        assertThat(d.completeFrames() + d.droppedFrames()).isEqualTo(30_000);
        assertThat(d.completeFrames()).isPositive();
    }

    @Test
    void packetizerRejectsWhatIsNotANalUnit() {
        H264Packetizer p = new H264Packetizer(100);
        assertThatThrownBy(() -> p.packetize(List.of(new byte[0]))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.packetize(List.of(hex("7c85")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new H264Packetizer(2)).isInstanceOf(IllegalArgumentException.class);
    }

    static List<byte[]> randomAccessUnit(Random rnd) {
        List<byte[]> au = new ArrayList<>();
        if (rnd.nextBoolean()) {
            au.add(SPS);
            au.add(PPS);
        }
        int slices = 1 + rnd.nextInt(4);
        for (int s = 0; s < slices; s++) {
            byte[] nal = new byte[1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(6000) : rnd.nextInt(300))];
            rnd.nextBytes(nal);
            nal[0] = (byte) (rnd.nextInt(4) << 5 | (rnd.nextBoolean() ? 5 : 1 + rnd.nextInt(23)));
            au.add(nal);
        }
        return au;
    }

    static List<ReceivedRtpPayload> received(List<RtpPayload> packets, int firstSeq) {
        List<ReceivedRtpPayload> rx = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            rx.add(new ReceivedRtpPayload((firstSeq + i) & 0xffff, packets.get(i).marker(), packets.get(i).payload()));
        }
        return rx;
    }

    private static ReceivedRtpPayload rx(int seq, boolean marker, String hex) {
        return new ReceivedRtpPayload(seq, marker, hex(hex));
    }

    private static List<ReceivedRtpPayload> without(List<ReceivedRtpPayload> rx, int index) {
        List<ReceivedRtpPayload> copy = new ArrayList<>(rx);
        copy.remove(index);
        return copy;
    }

    private static DropReason reason(DepacketizedFrame f) {
        assertThat(f).isInstanceOf(Dropped.class);
        return ((Dropped) f).reason();
    }

    private static byte[] randomBytes(Random rnd) {
        byte[] b = new byte[rnd.nextInt(40)];
        rnd.nextBytes(b);
        if (b.length > 0 && rnd.nextBoolean()) {
            b[0] = (byte) (rnd.nextInt(8) << 5 | 24 + rnd.nextInt(8));
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        if (b.length > 0) {
            for (int i = rnd.nextInt(3); i > 0; i--) {
                b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        if (rnd.nextInt(4) == 0) {
            b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
        }
        return b;
    }
}
