package dev.parley.rtc.jitter;

import static dev.parley.rtc.jitter.VideoStream.MS;
import static dev.parley.rtc.jitter.VideoStream.assertFrame;
import static dev.parley.rtc.jitter.VideoStream.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.jitter.VideoStream.Frame;
import dev.parley.rtc.jitter.VideoStream.Packet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A 20 s call over a lossy path: every transmission is lost with 5 % probability and NACK-retransmitted 30-60 ms
 * after it was sent (retransmissions can be lost too; the third one always arrives), with 0-10 ms of jitter that
 * reorders packets. The worst case arrives 215 ms after the first send, inside the 200 ms wait that starts when a
 * later packet (25 ms or more after that send) shows the gap.
 */
class VideoFrameBufferLossSimulationTest {

    private record Arrival(long at, Packet packet) {
    }

    @Test
    void fivePercentLossWithRetransmissionsDeliversEveryFrameExactlyOnceInOrder() {
        Random r = new Random(77);
        // Near both wraps: sequence numbers pass 65535 and timestamps pass 2^32 during the call.
        VideoStream s = new VideoStream(77, 64_000, (1L << 32) - 300 * VideoStream.TICKS_PER_FRAME, 200);
        List<Arrival> arrivals = new ArrayList<>();
        int lostTransmissions = 0;
        int paddingPackets = 0;
        for (int i = 0; i < 600; i++) {
            long frameTime = i * 100 * MS / 3;
            Frame f = i % 150 == 0 ? s.key(2500 + r.nextInt(1000)) : s.delta(s.randomDeltaSize());
            List<Packet> sent = new ArrayList<>(f.packets());
            if (r.nextInt(10) == 0) {
                for (int p = r.nextInt(3); p >= 0; p--) {
                    sent.add(s.padding());
                    paddingPackets++;
                }
            }
            for (int k = 0; k < sent.size(); k++) {
                Packet p = sent.get(k);
                long send = frameTime + k * MS * 3 / 10;
                // Padding is never lost here: it is not kept for retransmission, so a lost one stalls the stream.
                int attempt = 0;
                while (!p.padding() && attempt < 3 && r.nextInt(20) == 0) {
                    lostTransmissions++;
                    send += (30 + r.nextInt(31)) * MS;
                    attempt++;
                }
                arrivals.add(new Arrival(send + 25 * MS + r.nextInt(10_000) * 1000L, p));
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at));

        VideoFrameBuffer buffer = new VideoFrameBuffer(VideoFrameBufferConfig.defaults());
        List<AssembledFrame> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            for (long d = buffer.nextDeadlineNanos(); d <= a.at(); d = buffer.nextDeadlineNanos()) {
                int before = out.size();
                long dropped = buffer.stats().framesDropped();
                buffer.poll(d, out::add);
                assertThat(out.size() > before || buffer.stats().framesDropped() > dropped).isTrue();
            }
            insert(buffer, a.packet(), a.at());
            buffer.poll(a.at(), out::add);
        }
        buffer.poll(arrivals.get(arrivals.size() - 1).at() + 10_000 * MS, out::add);

        List<Frame> frames = s.frames();
        assertThat(out).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertFrame(out.get(i), frames.get(i));
        }
        for (int i = 1; i < out.size(); i++) {
            assertThat(out.get(i).rtpTimestamp() - out.get(i - 1).rtpTimestamp())
                    .isEqualTo(VideoStream.TICKS_PER_FRAME);
        }
        VideoFrameBufferStats st = buffer.stats();
        assertThat(st.framesDropped()).isZero();
        assertThat(st.keyFramesDelivered()).isEqualTo(4);
        assertThat(st.keyFrameRequests()).isZero();
        assertThat(st.packetsLate() + st.packetsDuplicate()).isZero();
        assertThat(st.packetsPadding()).isEqualTo(paddingPackets).isPositive();
        assertThat(st.bufferedPackets()).isZero();
        assertThat(buffer.takeKeyFrameRequest()).isFalse();
        assertThat(lostTransmissions).isGreaterThan(60);
        // Frames completed by a retransmission waited for it.
        assertThat(out.stream().filter(f -> f.lastArrivalNanos() - f.firstArrivalNanos() > 40 * MS).count())
                .isGreaterThan(50);
        assertThat(out.get(out.size() - 1).rtpTimestamp()).isGreaterThan(1L << 32);
    }
}
