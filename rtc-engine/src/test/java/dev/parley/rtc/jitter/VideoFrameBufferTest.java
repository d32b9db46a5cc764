package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.VideoStream.MS;
import static dev.parley.rtc.jitter.VideoStream.assertFrame;
import static dev.parley.rtc.jitter.VideoStream.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.jitter.VideoStream.Frame;
import dev.parley.rtc.jitter.VideoStream.Packet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoFrameBufferTest {

    private static final long WAIT = 200 * MS;

    private final VideoFrameBuffer buffer = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
    private final List<AssembledFrame> out = new ArrayList<>();

    private int poll(long now) {
        return buffer.poll(now, out::add);
    }

    /** Inserts every packet of the frames, 1 ms apart from {@code t}, polling after each; returns the next time. */
    private long send(List<Frame> frames, long t) {
        for (Frame f : frames) {
            for (Packet p : f.packets()) {
                insert(buffer, p, t);
                poll(t);
                t += MS;
            }
        }
        return t;
    }

    private void assertDelivered(Frame... frames) {
        assertThat(out).hasSize(frames.length);
        for (int i = 0; i < frames.length; i++) {
            assertFrame(out.get(i), frames[i]);
        }
    }

    @Test
    void anInOrderStreamIsDeliveredFrameByFrameAsEachMarkerPacketArrives() {
        VideoStream s = new VideoStream(1);
        List<Frame> frames = s.keyThenDeltas(30);
        assertThat(frames.get(0).packets()).hasSizeGreaterThan(3); // STAP-A (SPS, PPS) + FU-A fragments
        assertThat(frames).anyMatch(f -> f.packets().size() == 1).anyMatch(f -> f.packets().size() > 2);
        long t = 0;
        for (Frame f : frames) {
            long firstArrival = t;
            for (Packet p : f.packets()) {
                assertThat(insert(buffer, p, t)).isEqualTo(VideoPacketOutcome.STORED);
                assertThat(poll(t)).isEqualTo(p.marker() ? 1 : 0);
                t += MS;
            }
            AssembledFrame a = out.get(f.index());
            assertFrame(a, f);
            assertThat(a.firstArrivalNanos()).isEqualTo(firstArrival);
            assertThat(a.lastArrivalNanos()).isEqualTo(t - MS);
            assertThat(a.outOfOrderPackets()).isZero();
        }
        assertThat(out).hasSize(31);
        assertThat(out.get(0).annexB()).startsWith(0, 0, 0, 1, VideoStream.SPS);
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.framesDelivered()).isEqualTo(31);
        assertThat(st.keyFramesDelivered()).isEqualTo(1);
        assertThat(st.framesDropped()).isZero();
        assertThat(st.packetsFlushed()).isZero();
        assertThat(st.bufferedPackets()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aFrameStillArrivingWithoutAGapHasNoDeadline() {
        VideoStream s = new VideoStream(2);
        Frame key = s.key(1000);
        insert(buffer, key.packets().get(0), 0);
        insert(buffer, key.packets().get(1), MS);
        assertThat(poll(MS)).isZero();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(poll(10_000 * MS)).isZero();
        assertThat(buffer.stats().framesDropped()).isZero();
        for (int i = 2; i < key.packets().size(); i++) {
            insert(buffer, key.packets().get(i), 10_000 * MS);
        }
        assertThat(poll(10_000 * MS)).isEqualTo(1);
        assertDelivered(key);
    }

    @Test
    void packetsReorderedWithinAndAcrossFramesAreDeliveredAsSent() {
        VideoStream s = new VideoStream(3);
        List<Frame> frames = s.keyThenDeltas(80);
        List<Packet> packets = new ArrayList<>(s.packets());
        Random r = new Random(3);
        for (int i = 0; i < packets.size(); i += 12) {
            Collections.shuffle(packets.subList(i, Math.min(i + 12, packets.size())), r);
        }
        long t = 0;
        for (Packet p : packets) {
            assertThat(insert(buffer, p, t)).isEqualTo(VideoPacketOutcome.STORED);
            poll(t);
            t += MS;
        }
        assertDelivered(frames.toArray(new Frame[0]));
        assertThat(out.stream().mapToInt(AssembledFrame::outOfOrderPackets).sum()).isPositive();
        assertThat(buffer.stats().framesDropped()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
    }

    @Test
    void aKeyframeWhosePacketsArriveBackwardsAtStreamStartIsDeliveredWhenTheFirstArrives() {
        VideoStream s = new VideoStream(4);
        Frame key = s.key(1200);
        List<Packet> reversed = new ArrayList<>(key.packets());
        Collections.reverse(reversed);
        long t = 0;
        for (Packet p : reversed) {
            assertThat(insert(buffer, p, t)).isEqualTo(VideoPacketOutcome.STORED);
            assertThat(poll(t)).isEqualTo(p == key.first() ? 1 : 0);
            t += MS;
        }
        assertDelivered(key);
        assertThat(out.get(0).outOfOrderPackets()).isEqualTo(key.packets().size() - 1);
    }

    /** A keyframe and eight delta frames of three FU-A packets each. */
    private static List<Frame> threePacketDeltas(VideoStream s, int deltas) {
        List<Frame> frames = new ArrayList<>();
        frames.add(s.key(1000));
        for (int i = 0; i < deltas; i++) {
            frames.add(s.delta(500));
        }
        for (Frame f : frames.subList(1, frames.size())) {
            assertThat(f.packets()).hasSize(3);
        }
        return frames;
    }

    @Test
    void aLostPacketRetransmittedBeforeTheDeadlineCompletesItsFrameAndReleasesTheOnesBehind() {
        VideoStream s = new VideoStream(5);
        List<Frame> frames = threePacketDeltas(s, 8);
        Packet lost = frames.get(4).packets().get(1);
        long t = 0;
        long gapEvidence = -1;
        for (Packet p : s.packets()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
                if (gapEvidence < 0 && p.seq() == lost.seq() + 1) {
                    gapEvidence = t;
                }
            }
            t += MS;
        }
        assertDelivered(frames.subList(0, 4).toArray(new Frame[0]));
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(gapEvidence + WAIT);
        long retransmitted = gapEvidence + WAIT - 1;
        assertThat(poll(retransmitted)).isZero();
        assertThat(insert(buffer, lost, retransmitted)).isEqualTo(VideoPacketOutcome.STORED);
        assertThat(poll(retransmitted)).isEqualTo(5);
        assertDelivered(frames.toArray(new Frame[0]));
        assertThat(out.get(4).lastArrivalNanos()).isEqualTo(retransmitted);
        assertThat(out.get(4).outOfOrderPackets()).isEqualTo(1);
        assertThat(buffer.stats().framesDropped()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLostPacketThatNeverComesIsGivenUpAtTheDeadlineAndTheNextKeyframeResumes() {
        VideoStream s = new VideoStream(6);
        List<Frame> frames = threePacketDeltas(s, 8);
        Packet lost = frames.get(4).packets().get(1);
        long t = 0;
        for (Packet p : s.packets()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
            }
            t += MS;
        }
        long deadline = buffer.nextDeadlineNanos();
        assertThat(poll(deadline - 1)).isZero();
        assertThat(buffer.stats().framesGivenUp()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();

        assertThat(poll(deadline)).isZero();
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.framesGivenUp()).isEqualTo(1);
        assertThat(st.framesUndecodable()).isEqualTo(4); // frames 5..8 refer to the lost one
        assertThat(st.bufferedPackets()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isTrue();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(insert(buffer, lost, deadline + MS)).isEqualTo(VideoPacketOutcome.LATE);

        Frame delta = s.delta(300);
        send(List.of(delta), deadline + 2 * MS);
        assertThat(buffer.stats().framesUndecodable()).isEqualTo(5);
        List<Frame> resumed = List.of(s.key(1000), s.delta(300), s.delta(40));
        send(resumed, deadline + 10 * MS);
        assertThat(out).hasSize(7);
        for (int i = 0; i < 3; i++) {
            assertFrame(out.get(4 + i), resumed.get(i));
        }
        assertThat(buffer.stats().keyFrameRequests()).isEqualTo(1);
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
    }

    @Test
    void aLostMarkerPacketHoldsBackTheNextFrameUntilItIsRetransmitted() {
        VideoStream s = new VideoStream(7);
        List<Frame> frames = threePacketDeltas(s, 4);
        Packet lost = frames.get(2).last();
        long t = send(frames.subList(0, 2), 0);
        insert(buffer, frames.get(2).packets().get(0), t);
        insert(buffer, frames.get(2).packets().get(1), t + MS);
        t = send(frames.subList(3, 5), t + 2 * MS);
        assertThat(out).hasSize(2);
        insert(buffer, lost, t);
        assertThat(poll(t)).isEqualTo(3);
        assertDelivered(frames.toArray(new Frame[0]));
    }

    @Test
    void aWholeFrameLostAtTheBoundaryKeepsTheNextDeltaFrameBack() {
        VideoStream s = new VideoStream(8);
        List<Frame> frames = threePacketDeltas(s, 7);
        long t = send(frames.subList(0, 4), 0);
        long afterGap = t;
        t = send(frames.subList(5, 8), t); // frame 4 never arrives; 5, 6 and 7 are complete
        assertThat(out).hasSize(4);
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(afterGap + WAIT);
        poll(afterGap + WAIT);
        assertThat(out).hasSize(4);
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.framesGivenUp()).isEqualTo(1); // the gap with frame 5, which cannot be proven to start there
        assertThat(st.framesUndecodable()).isEqualTo(2);
        assertThat(buffer.takeKeyFrameRequest()).isTrue();
    }

    @Test
    void aLostSinglePacketFrameAtTheBoundaryKeepsTheNextDeltaFrameBack() {
        VideoStream s = new VideoStream(9);
        List<Frame> frames = new ArrayList<>(List.of(s.key(800)));
        for (int i = 0; i < 6; i++) {
            frames.add(s.delta(100));
        }
        send(frames.subList(0, 3), 0);
        send(frames.subList(4, 7), 50 * MS);
        assertThat(out).hasSize(3);
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(50 * MS + WAIT);
        insert(buffer, frames.get(3).first(), 60 * MS);
        assertThat(poll(60 * MS)).isEqualTo(4);
        assertDelivered(frames.toArray(new Frame[0]));
    }

    @Test
    void aCompleteKeyframeBehindAnIncompleteFrameIsDeliveredAtOnceAndTheOlderFrameIsSkipped() {
        VideoStream s = new VideoStream(10);
        List<Frame> frames = threePacketDeltas(s, 4);
        Packet lost = frames.get(4).packets().get(1);
        Frame key = s.key(1000);
        List<Frame> after = List.of(s.delta(500), s.delta(60));
        long t = 0;
        for (Packet p : frames.stream().flatMap(f -> f.packets().stream()).toList()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
            }
            t += MS;
        }
        t = send(List.of(key), t);
        assertThat(out).hasSize(5);
        assertFrame(out.get(4), key);
        assertThat(t).isLessThan(WAIT);
        assertThat(buffer.stats().framesSkipped()).isEqualTo(1);
        assertThat(insert(buffer, lost, t)).isEqualTo(VideoPacketOutcome.LATE);
        send(after, t);
        assertDelivered(frames.get(0), frames.get(1), frames.get(2), frames.get(3), key, after.get(0), after.get(1));
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(buffer.stats().framesGivenUp()).isZero();
    }

    @Test
    void aKeyframeStartingWithAnSpsIsProvenCompleteEvenWhenThePacketBeforeItIsMissing() {
        VideoStream s = new VideoStream(11);
        List<Frame> frames = threePacketDeltas(s, 3);
        Packet lost = frames.get(3).last();
        Frame key = s.key(1000);
        long t = 0;
        for (Packet p : s.packets()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
            }
            t += MS;
        }
        assertDelivered(frames.get(0), frames.get(1), frames.get(2), key);
        assertThat(buffer.stats().framesSkipped()).isEqualTo(1);
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
    }

    @Test
    void aGapAtTheEndOfAFrameIsTimedFromThePacketAfterIt() {
        VideoStream s = new VideoStream(21);
        List<Frame> frames = threePacketDeltas(s, 3);
        Frame key = s.key(1000);
        long t = send(frames.subList(0, 3), 0);
        insert(buffer, frames.get(3).packets().get(0), t);
        insert(buffer, frames.get(3).packets().get(1), t + MS);
        poll(t + MS);
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE); // no sign of loss yet
        // Its marker packet is lost; of the keyframe after it only the SPS/PPS packet arrives.
        insert(buffer, key.first(), t + 5 * MS);
        poll(t + 5 * MS);
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(t + 5 * MS + WAIT);
        poll(t + 5 * MS + WAIT);
        assertThat(buffer.stats().framesGivenUp()).isEqualTo(1);
        assertThat(buffer.takeKeyFrameRequest()).isTrue();
        assertThat(out).hasSize(3);
    }

    @Test
    void aKeyframeWithoutItsFirstPacketIsNeverDeliveredInPart() {
        VideoStream s = new VideoStream(12);
        List<Frame> frames = threePacketDeltas(s, 2);
        Frame key = s.key(1000);
        Frame next = s.delta(500);
        Packet lost = key.first();
        long t = 0;
        long afterGap = -1;
        for (Packet p : s.packets()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
                afterGap = afterGap < 0 && p.seq() == lost.seq() + 1 ? t : afterGap;
            }
            t += MS;
        }
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(afterGap + WAIT);
        poll(afterGap + WAIT);
        assertDelivered(frames.get(0), frames.get(1), frames.get(2));
        assertThat(buffer.stats().framesGivenUp()).isEqualTo(1);
        assertThat(buffer.stats().framesUndecodable()).isEqualTo(1);
        assertThat(buffer.takeKeyFrameRequest()).isTrue();
        assertThat(next.packets()).hasSize(3);
    }

    @Test
    void paddingOnlyPacketsCountAsPresentBetweenFrames() {
        VideoStream s = new VideoStream(13);
        List<Frame> frames = new ArrayList<>();
        frames.add(s.key(900));
        s.padding();
        s.padding();
        for (int i = 0; i < 5; i++) {
            frames.add(s.delta(s.randomDeltaSize()));
            s.padding();
        }
        long t = 0;
        for (Packet p : s.packets()) {
            assertThat(insert(buffer, p, t))
                    .isEqualTo(p.padding() ? VideoPacketOutcome.PADDING : VideoPacketOutcome.STORED);
            poll(t);
            t += MS;
        }
        assertDelivered(frames.toArray(new Frame[0]));
        assertThat(buffer.stats().packetsPadding()).isEqualTo(7);
        assertThat(buffer.stats().framesDropped()).isZero();
        assertThat(buffer.bufferedPackets()).isZero();
    }

    @Test
    void aPaddingPacketArrivingLateReleasesTheFrameAfterIt() {
        VideoStream s = new VideoStream(14);
        Frame key = s.key(700);
        Packet pad = s.padding();
        Frame delta = s.delta(500);
        send(List.of(key, delta), 0);
        assertDelivered(key);
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(key.packets().size() * MS + WAIT);
        insert(buffer, pad, 20 * MS);
        assertThat(poll(20 * MS)).isEqualTo(1);
        assertDelivered(key, delta);
    }

    @Test
    void aPaddingPacketProvesTheFrameAfterItStartsThereWhateverItsTimestamp() {
        VideoStream s = new VideoStream(22);
        List<Frame> frames = threePacketDeltas(s, 2);
        Packet pad = s.padding();
        Frame key = s.key(1000);
        Packet lost = frames.get(2).packets().get(1);
        long t = 0;
        for (Packet p : s.packets()) {
            if (p == pad) {
                // Padding stamped with the next frame's timestamp: still no part of it.
                buffer.insert(p.seq(), key.ts(), false, p.payload(), t);
            } else if (p != lost) {
                insert(buffer, p, t);
            }
            poll(t);
            t += MS;
        }
        assertDelivered(frames.get(0), frames.get(1), key);
    }

    @Test
    void duplicatesAreDroppedWhilePendingAndLateOnceTheirFrameIsDelivered() {
        VideoStream s = new VideoStream(15);
        List<Frame> frames = s.keyThenDeltas(10);
        long t = 0;
        int packets = 0;
        for (Packet p : s.packets()) {
            assertThat(insert(buffer, p, t)).isEqualTo(VideoPacketOutcome.STORED);
            assertThat(insert(buffer, p, t)).isEqualTo(VideoPacketOutcome.DUPLICATE);
            poll(t);
            assertThat(insert(buffer, p, t))
                    .isEqualTo(p.marker() ? VideoPacketOutcome.LATE : VideoPacketOutcome.DUPLICATE);
            poll(t);
            t += MS;
            packets++;
        }
        assertDelivered(frames.toArray(new Frame[0]));
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.packetsReceived()).isEqualTo(3L * packets);
        assertThat(st.packetsLate()).isEqualTo(frames.size());
        assertThat(st.packetsDuplicate()).isEqualTo(2L * packets - frames.size());
    }

    @Test
    void sequenceNumbersWrapAt65535WithReorderingAndARetransmissionAcrossTheWrap() {
        VideoStream s = new VideoStream(16, 65_500, 90_000, 200);
        List<Frame> frames = s.keyThenDeltas(70);
        List<Packet> packets = new ArrayList<>(s.packets());
        Packet zero = packets.stream().filter(p -> p.seq() == 0).findFirst().orElseThrow();
        assertThat(packets.stream().anyMatch(p -> p.seq() == 65_535)).isTrue();
        packets.remove(zero);
        Random r = new Random(16);
        for (int i = 0; i < packets.size(); i += 6) {
            Collections.shuffle(packets.subList(i, Math.min(i + 6, packets.size())), r);
        }
        assertThat(packets).hasSizeGreaterThan(120);
        long t = 0;
        for (int i = 0; i < packets.size(); i++) {
            insert(buffer, packets.get(i), t);
            poll(t);
            t += MS;
            if (i == 100) {
                assertThat(out).hasSizeLessThan(frames.size() / 2);
                assertThat(buffer.nextDeadlineNanos()).isGreaterThan(t); // a retransmission in time
                assertThat(insert(buffer, zero, t)).isEqualTo(VideoPacketOutcome.STORED);
            }
        }
        assertDelivered(frames.toArray(new Frame[0]));
        assertThat(buffer.stats().framesDropped()).isZero();
    }

    @Test
    void packetsReorderedBeforeTheFirstOneAcrossTheWrapAndALossAmongThem() {
        VideoStream s = new VideoStream(23, 65_533, 90_000, 200);
        List<Frame> frames = s.keyThenDeltas(3);
        List<Packet> key = frames.get(0).packets();
        assertThat(key.size()).isGreaterThan(5);
        Packet first = key.stream().filter(p -> p.seq() == 1).findFirst().orElseThrow();
        Packet lost = key.stream().filter(p -> p.seq() == 65_535).findFirst().orElseThrow();
        insert(buffer, first, 0); // the first to arrive; the ones before it are numbered below it
        long t = MS;
        for (Packet p : s.packets()) {
            if (p != first && p != lost) {
                insert(buffer, p, t);
                poll(t);
                t += MS;
            }
        }
        assertThat(out).isEmpty();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(WAIT); // seq 1, after the gap, arrived at 0
        insert(buffer, lost, 100 * MS);
        assertThat(poll(100 * MS)).isEqualTo(4);
        assertDelivered(frames.toArray(new Frame[0]));
    }

    @Test
    void timestampsAreUnwrappedAcrossTheirWrap() {
        long start = (1L << 32) - 4 * VideoStream.TICKS_PER_FRAME + 500;
        VideoStream s = new VideoStream(17, 1000, start, 200);
        List<Frame> frames = s.keyThenDeltas(9);
        send(frames, 0);
        assertDelivered(frames.toArray(new Frame[0]));
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).rtpTimestamp()).isEqualTo(start + i * VideoStream.TICKS_PER_FRAME);
        }
        assertThat(out.get(9).rtpTimestamp()).isGreaterThan(1L << 32);
    }

    @Test
    void aStreamThatStartsWithDeltaFramesAsksForAKeyframeAfterTheWait() {
        VideoStream s = new VideoStream(18);
        List<Frame> deltas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            deltas.add(s.delta(500)); // joined mid-stream: no keyframe
        }
        for (Frame f : deltas) {
            long t = f.index() * 33 * MS;
            for (Packet p : f.packets()) {
                insert(buffer, p, t);
                poll(t);
            }
        }
        assertThat(out).isEmpty();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(WAIT);
        poll(WAIT - 1);
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        poll(WAIT);
        assertThat(buffer.takeKeyFrameRequest()).isTrue();
        assertThat(buffer.stats().framesGivenUp()).isEqualTo(1);
        assertThat(buffer.stats().framesUndecodable()).isEqualTo(5);

        // More delta frames: the request is raised again once per wait, in case the first was lost.
        int raised = 0;
        long t = WAIT;
        for (int i = 0; i < 8; i++) {
            t += 33 * MS;
            send(List.of(s.delta(300)), t);
            if (buffer.takeKeyFrameRequest()) {
                raised++;
                assertThat(t).isGreaterThanOrEqualTo(2 * WAIT);
            }
        }
        assertThat(raised).isEqualTo(1);
        assertThat(out).isEmpty();
        List<Frame> resumed = List.of(s.key(1000), s.delta(300));
        send(resumed, t + 33 * MS);
        assertDelivered(resumed.toArray(new Frame[0]));
    }

    @Test
    void theMaxWaitCanBeAdaptedAtRunTime() {
        VideoStream s = new VideoStream(19);
        List<Frame> frames = threePacketDeltas(s, 3);
        Packet lost = frames.get(2).packets().get(1);
        buffer.setMaxWaitNanos(50 * MS);
        long t = 0;
        long afterGap = -1;
        for (Packet p : s.packets()) {
            if (p != lost) {
                insert(buffer, p, t);
                poll(t);
                afterGap = afterGap < 0 && p.seq() == lost.seq() + 1 ? t : afterGap;
            }
            t += MS;
        }
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(afterGap + 50 * MS);
        buffer.setMaxWaitNanos(-5);
        assertThat(buffer.maxWaitNanos()).isZero();
        assertThat(buffer.nextDeadlineNanos()).isEqualTo(afterGap);
        poll(afterGap);
        assertThat(buffer.stats().framesGivenUp()).isEqualTo(1);
    }

    @Test
    void aMalformedFrameBreaksTheChainUntilTheNextKeyframe() {
        VideoStream s = new VideoStream(20);
        List<Frame> frames = List.of(s.key(900), s.delta(100), s.delta(100), s.delta(100), s.delta(100));
        Packet bad = frames.get(2).first();
        long t = 0;
        for (Packet p : s.packets()) {
            byte[] payload = p == bad ? new byte[] {0x1e, 1, 2, 3} : p.payload(); // undefined NAL type 30
            buffer.insert(p.seq(), p.ts(), p.marker(), payload, t);
            poll(t);
            t += MS;
        }
        assertDelivered(frames.get(0), frames.get(1));
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.framesMalformed()).isEqualTo(1);
        assertThat(st.framesUndecodable()).isEqualTo(2);
        assertThat(st.keyFrameRequests()).isEqualTo(1);
        List<Frame> resumed = List.of(s.key(900), s.delta(100));
        send(resumed, t);
        assertDelivered(frames.get(0), frames.get(1), resumed.get(0), resumed.get(1));
        assertThat(buffer.takeKeyFrameRequest()).isFalse(); // the keyframe came before the request was taken
    }
}
