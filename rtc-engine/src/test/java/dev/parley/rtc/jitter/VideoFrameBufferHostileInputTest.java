package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.VideoStream.MS;
import static dev.parley.rtc.jitter.VideoStream.assertFrame;
import static dev.parley.rtc.jitter.VideoStream.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.jitter.VideoStream.Frame;
import dev.parley.rtc.jitter.VideoStream.Packet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoFrameBufferHostileInputTest {

    private final List<AssembledFrame> out = new ArrayList<>();

    @Test
    void unusablePayloadsAreCountedAndTheirFrameIsDroppedAtOnce() {
        VideoFrameBuffer b = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
        VideoStream s = new VideoStream(30);
        Frame key = s.key(900);
        Frame d1 = s.delta(100);
        Frame d2 = s.delta(100);
        Frame d3 = s.delta(100);
        long t = 0;
        for (Packet p : key.packets()) {
            insert(b, p, t);
        }
        insert(b, d1.first(), t);
        Packet p2 = d2.first();
        assertThat(b.insert(p2.seq(), p2.ts(), true, new byte[2000], t)).isEqualTo(VideoPacketOutcome.INVALID);
        assertThat(b.insert(p2.seq(), p2.ts(), true, p2.payload(), 0, p2.payload().length, t))
                .isEqualTo(VideoPacketOutcome.DUPLICATE);
        assertThat(b.insert(d3.first().seq(), d3.ts(), true, d3.first().payload(), 5, 500, t))
                .isEqualTo(VideoPacketOutcome.INVALID);
        assertThat(b.insert(d3.first().seq() + 1, d3.ts(), true, null, 0, 7, t)).isEqualTo(VideoPacketOutcome.INVALID);
        assertThat(b.insert(d3.first().seq() + 2, d3.ts(), true, new byte[4], -1, 2, t))
                .isEqualTo(VideoPacketOutcome.INVALID);
        assertThat(b.insert(d3.first().seq() + 3, d3.ts(), true, new byte[4], 0, -1, t))
                .isEqualTo(VideoPacketOutcome.INVALID);
        b.poll(t, out::add); // no waiting: the broken frames are known broken
        assertThat(out).hasSize(2);
        assertFrame(out.get(0), key);
        assertFrame(out.get(1), d1);
        VideoFrameBufferStats st = b.stats();
        assertThat(st.packetsInvalid()).isEqualTo(5);
        assertThat(st.packetsDuplicate()).isEqualTo(1);
        assertThat(st.framesMalformed()).isEqualTo(5); // d2, and four one-packet frames (each has the marker)
        assertThat(st.bufferedPackets()).isZero();
        assertThat(b.takeKeyFrameRequest()).isTrue();
    }

    @Test
    void aFrameWhoseTimestampChangesWithoutAMarkerIsMalformed() {
        VideoFrameBuffer b = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
        VideoStream s = new VideoStream(31);
        Frame key = s.key(900);
        Frame d1 = s.delta(500);
        Frame d2 = s.delta(100);
        long t = 0;
        for (Packet p : s.packets()) {
            boolean marker = p.marker() && p != d1.last();
            b.insert(p.seq(), p.ts(), marker, p.payload(), t);
            b.poll(t, out::add);
        }
        assertThat(out).hasSize(1);
        assertFrame(out.get(0), key);
        assertThat(b.stats().framesMalformed()).isEqualTo(1);
        assertThat(b.stats().framesUndecodable()).isEqualTo(1);
        assertThat(d2.packets()).hasSize(1);
    }

    @Test
    void beyondTheCapacityTheOldestFramesAreDroppedAndAKeyframeRequested() {
        VideoFrameBuffer b = new VideoFrameBuffer(new VideoFrameBufferConfig(64, 1 << 20, 10_000 * MS));
        VideoStream s = new VideoStream(32);
        Frame key = s.key(1000);
        Frame stuck = s.delta(500);
        for (int i = 0; i < 40; i++) {
            s.delta(500);
        }
        Packet lost = stuck.packets().get(1);
        long t = 0;
        int overflowed = 0;
        for (Packet p : s.packets()) {
            if (p == lost) {
                continue;
            }
            VideoPacketOutcome o = insert(b, p, t);
            overflowed += o == VideoPacketOutcome.OVERFLOWED ? 1 : 0;
            b.poll(t, out::add);
            assertThat(b.bufferedPackets()).isLessThanOrEqualTo(64);
            t += MS;
        }
        assertThat(overflowed).isEqualTo(1); // after it the chain is broken: later delta frames go at once
        assertThat(out).hasSize(1);
        VideoFrameBufferStats st = b.stats();
        assertThat(st.overflows()).isEqualTo(1);
        assertThat(st.framesFlushed()).isEqualTo(1); // the stuck frame, whole
        assertThat(st.framesUndecodable()).isEqualTo(40); // the complete delta frames behind it
        assertThat(st.framesGivenUp()).isZero();
        assertThat(b.takeKeyFrameRequest()).isTrue();
        assertThat(insert(b, lost, t)).isEqualTo(VideoPacketOutcome.LATE);
        List<Frame> resumed = List.of(s.key(1000), s.delta(500));
        for (Frame f : resumed) {
            for (Packet p : f.packets()) {
                insert(b, p, t);
                b.poll(t, out::add);
            }
        }
        assertThat(out).hasSize(3);
        assertFrame(out.get(1), resumed.get(0));
        assertFrame(out.get(2), resumed.get(1));
    }

    @Test
    void theRestOfAFrameCutByAnOverflowIsDroppedAsItArrives() {
        VideoFrameBuffer b = new VideoFrameBuffer(new VideoFrameBufferConfig(16, 1 << 20, 10_000 * MS));
        VideoStream s = new VideoStream(36);
        Frame key = s.key(500);
        Frame huge = s.delta(40 * 198 + 1); // 41 FU-A packets: longer than the buffer
        Frame next = s.key(500);
        long t = 0;
        for (Packet p : key.packets()) {
            insert(b, p, t);
        }
        b.poll(t, out::add);
        assertThat(out).hasSize(1);
        List<VideoPacketOutcome> outcomes = new ArrayList<>();
        for (Packet p : huge.packets()) {
            outcomes.add(insert(b, p, t));
            b.poll(t, out::add);
            if (outcomes.contains(VideoPacketOutcome.OVERFLOWED)) {
                assertThat(b.bufferedPackets()).isZero(); // the cut frame's rest goes at once
            } else {
                assertThat(b.bufferedPackets()).isEqualTo(outcomes.size());
            }
            t += MS;
        }
        assertThat(outcomes).containsOnlyOnce(VideoPacketOutcome.OVERFLOWED);
        assertThat(b.stats().framesFlushed()).isEqualTo(1);
        assertThat(b.takeKeyFrameRequest()).isTrue();
        for (Packet p : next.packets()) {
            insert(b, p, t);
            b.poll(t, out::add);
        }
        assertThat(out).hasSize(2);
        assertFrame(out.get(1), next);
    }

    @Test
    void aStrayFarPacketIsIgnoredButAStreamThatReallyJumpedIsFollowed() {
        VideoFrameBuffer b = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
        VideoStream s = new VideoStream(33);
        List<Frame> before = s.keyThenDeltas(3);
        long t = 0;
        for (Packet p : s.packets()) {
            insert(b, p, t);
            b.poll(t, out::add);
            t += MS;
        }
        Packet any = before.get(1).first();
        assertThat(b.insert(any.seq() + 30_000, any.ts(), true, any.payload(), t))
                .isEqualTo(VideoPacketOutcome.FAR_JUMP);
        assertThat(b.insert(any.seq() - 20_000, any.ts(), true, any.payload(), t))
                .isEqualTo(VideoPacketOutcome.FAR_JUMP);
        assertThat(out).hasSize(4);

        // The sender restarts 20000 sequence numbers on: three single-packet delta frames, then a keyframe.
        VideoStream jumped = new VideoStream(34, s.nextSeq() + 20_000, 5_000_000, 200);
        List<Frame> after = List.of(jumped.delta(50), jumped.delta(50), jumped.delta(50));
        Frame key = jumped.key(800);
        Frame delta = jumped.delta(300);
        List<VideoPacketOutcome> outcomes = new ArrayList<>();
        for (Packet p : jumped.packets()) {
            outcomes.add(insert(b, p, t));
            if (outcomes.size() == 3) {
                assertThat(b.takeKeyFrameRequest()).isTrue();
            }
            b.poll(t, out::add);
            t += MS;
        }
        assertThat(outcomes.subList(0, 3)).containsExactly(VideoPacketOutcome.FAR_JUMP, VideoPacketOutcome.FAR_JUMP,
                VideoPacketOutcome.RESYNCED);
        assertThat(outcomes.subList(3, outcomes.size())).containsOnly(VideoPacketOutcome.STORED);
        assertThat(out).hasSize(6);
        assertFrame(out.get(4), key);
        assertFrame(out.get(5), delta);
        VideoFrameBufferStats st = b.stats();
        assertThat(st.resyncs()).isEqualTo(1);
        assertThat(st.packetsFarJump()).isEqualTo(4);
        assertThat(st.framesSkipped()).isEqualTo(1); // the delta frame the resync started at
        assertThat(after.get(2).first().seq()).isEqualTo(key.first().seq() - 1);
    }

    @Test
    void seededFuzzNeverThrowsNeverExceedsTheCapacityAndCountsEveryPacket() {
        int capacity = 64;
        VideoFrameBuffer b = new VideoFrameBuffer(new VideoFrameBufferConfig(capacity, 20_000, 30 * MS));
        Random r = new Random(20240611L);
        byte[] headers = {0x65, 0x41, 0x67, 0x68, 0x09, 0x06, 0x78, 0x7c, 0x5c, 0x1e, 0x1f, 0x00, 0x79, 0x7d, (byte) 0xfc};
        Map<VideoPacketOutcome, Integer> outcomes = new EnumMap<>(VideoPacketOutcome.class);
        int center = r.nextInt(65_536);
        long t = 0;
        int inserts = 200_000;
        for (int i = 0; i < inserts; i++) {
            int seq = r.nextInt(50) == 0 ? r.nextInt(65_536) : center + r.nextInt(90) - 30;
            if (r.nextInt(4) != 0) {
                center += r.nextInt(3);
            }
            long ts = r.nextInt(8) == 0 ? r.nextLong() : 3000L * ((seq & 0xffff) / 4 + r.nextInt(2));
            int size = switch (r.nextInt(8)) {
                case 0 -> 0;
                case 1 -> 1 + r.nextInt(3);
                case 2 -> 1600;
                default -> 4 + r.nextInt(300);
            };
            byte[] payload = new byte[size];
            r.nextBytes(payload);
            if (size > 0) {
                payload[0] = headers[r.nextInt(headers.length)];
            }
            if (size > 3 && r.nextBoolean()) {
                payload[1] = (byte) (r.nextBoolean() ? 0x85 : 0x45); // FU-A start/end of an IDR, or a STAP-A size
                payload[2] = (byte) r.nextInt(4);
            }
            int offset = r.nextInt(10) == 0 ? r.nextInt(7) - 3 : 0;
            int length = r.nextInt(10) == 0 ? r.nextInt(size + 5) - 2 : size - Math.max(0, offset);
            VideoPacketOutcome o = b.insert(seq, ts, r.nextInt(3) == 0, r.nextInt(200) == 0 ? null : payload,
                    offset, length, t);
            outcomes.merge(o, 1, Integer::sum);
            assertThat(b.bufferedPackets()).isLessThanOrEqualTo(capacity);
            if (r.nextInt(3) == 0) {
                b.poll(t, f -> {
                    assertThat(f.nalUnits()).isNotEmpty();
                    assertThat(f.sizeBytes()).isPositive().isLessThanOrEqualTo(20_000);
                    out.add(f);
                });
                long deadline = b.nextDeadlineNanos();
                assertThat(deadline).isGreaterThanOrEqualTo(0);
            }
            if (r.nextInt(5) == 0) {
                b.takeKeyFrameRequest();
            }
            t += r.nextInt(3) * MS;
        }
        b.poll(t, out::add);
        assertThat(out).isNotEmpty();
        VideoFrameBufferStats st = b.stats();
        assertThat(st.packetsReceived()).isEqualTo(inserts);
        assertThat(st.bufferedPackets()).isLessThanOrEqualTo(capacity);
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.DUPLICATE, 0)).isEqualTo((int) st.packetsDuplicate());
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.LATE, 0)).isEqualTo((int) st.packetsLate());
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.INVALID, 0)).isEqualTo((int) st.packetsInvalid());
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.FAR_JUMP, 0)).isEqualTo((int) st.packetsFarJump());
        // An unusable packet reports INVALID even when it also overflowed or resynced.
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.RESYNCED, 0)).isPositive()
                .isLessThanOrEqualTo((int) st.resyncs());
        assertThat(outcomes.getOrDefault(VideoPacketOutcome.OVERFLOWED, 0)).isPositive()
                .isLessThanOrEqualTo((int) st.overflows());
        // Every kept packet was delivered in a frame, thrown away, or is still held, but for padding packets that
        // were passed over between frames.
        long kept = inserts - st.packetsDuplicate() - st.packetsLate() - st.packetsFarJump();
        long accounted = deliveredPackets() + st.packetsFlushed() + st.bufferedPackets();
        assertThat(accounted).isBetween(kept - st.packetsPadding(), kept);
        assertThat(st.framesDelivered()).isEqualTo(out.size());
        assertThat(st.framesDropped()).isPositive();

        // Whatever the garbage left behind, a clean stream is followed: three padding packets (enough to resync if
        // it is far from where the garbage left the buffer), a keyframe and delta frames.
        VideoStream clean = new VideoStream(35, center + 5000, 0, 200);
        clean.padding();
        clean.padding();
        clean.padding();
        List<Frame> frames = clean.keyThenDeltas(5);
        int before = out.size();
        t += 1000 * MS;
        for (Packet p : clean.packets()) {
            insert(b, p, t);
            b.poll(t, out::add);
            t += MS;
        }
        assertThat(out).hasSize(before + frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertFrame(out.get(before + i), frames.get(i));
        }
    }

    private long deliveredPackets() {
        return out.stream().mapToLong(f -> ((f.lastSequence() - f.firstSequence()) & 0xffff) + 1).sum();
    }
}
