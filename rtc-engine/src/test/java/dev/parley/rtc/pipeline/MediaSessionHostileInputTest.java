package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.net.EventLoop;
import dev.parley.rtc.rtp.RtpPacketWriter;
import dev.parley.rtc.sdp.LocalTrack;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The receive side of a whole media session fed garbage: random bytes, truncated and mutated RTP and RTCP, packets
 * with the right SSRCs and payload types but nonsense payloads. Nothing escapes, the session keeps its threads and
 * still answers (sends RTCP).
 */
class MediaSessionHostileInputTest {

    @Test
    void randomAndMutatedPacketsNeverEscapeAndTheSessionCarriesOn() throws Exception {
        List<MediaSection> sections = PipelineFixtures.receivingFromChromium();
        AtomicInteger rtcpSent = new AtomicInteger();
        PacketOutput output = new PacketOutput() {
            @Override
            public boolean sendRtp(byte[] p, int o, int l) {
                return true;
            }

            @Override
            public boolean sendRtcp(byte[] p, int o, int l) {
                rtcpSent.incrementAndGet();
                return true;
            }
        };
        try (EventLoop loop = new EventLoop("hostile")) {
            MediaSession session = new MediaSession(sections, loop, output, new MediaSession.LocalMedia() {
                @Override
                public void attachAudio(LocalTrack track, AudioSendStream stream) {
                }

                @Override
                public VideoTrackEncoder videoEncoder(LocalTrack track) {
                    throw new AssertionError("sends nothing");
                }
            }, "cname");
            Random random = new Random(20261124);
            int[] ssrcs = {(int) 2985597226L, (int) 2353133340L, (int) 3579947204L, random.nextInt()};
            int[] pts = {111, 108, 109, 63, 0, 8, 127, 35};
            CompletableFuture<Void> done = new CompletableFuture<>();
            loop.execute(() -> {
                try {
                    session.start();
                    RtpPacketWriter w = new RtpPacketWriter();
                    byte[] buf = new byte[1600];
                    for (int i = 0; i < 30_000; i++) {
                        byte[] payload = new byte[random.nextInt(1200)];
                        random.nextBytes(payload);
                        if (payload.length > 0 && random.nextBoolean()) {
                            payload[0] = (byte) (random.nextBoolean() ? 0x7C : 0x78); // FU-A / STAP-A headers
                        }
                        w.marker(random.nextInt(4) == 0).payloadType(pts[random.nextInt(pts.length)])
                                .sequenceNumber(random.nextInt(8) == 0 ? random.nextInt() : i)
                                .timestamp(i / 3 * 3000L).ssrc(ssrcs[random.nextInt(ssrcs.length)]);
                        int n = w.write(buf, 0, payload, 0, payload.length);
                        if (random.nextInt(5) == 0) {
                            buf[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8)); // a flipped bit
                        }
                        int cut = random.nextInt(6) == 0 ? random.nextInt(n + 1) : n;
                        session.onRtp(buf, 0, cut);
                        byte[] rtcp = new byte[random.nextInt(200)];
                        random.nextBytes(rtcp);
                        if (rtcp.length >= 4) {
                            rtcp[0] = (byte) (0x80 | random.nextInt(32));
                            rtcp[1] = (byte) (200 + random.nextInt(8));
                            rtcp[2] = 0;
                            rtcp[3] = (byte) random.nextInt(rtcp.length / 4 + 2);
                        }
                        session.onRtcp(rtcp, 0, rtcp.length);
                    }
                    done.complete(null);
                } catch (Throwable t) {
                    done.completeExceptionally(t);
                }
            });
            done.get(60, TimeUnit.SECONDS);
            Thread.sleep(1600); // report and tick timers still fire
            assertThat(rtcpSent.get()).as("RTCP still goes out").isPositive();
            assertThat(loop.failures()).as("tasks that threw on the network thread").isZero();
            assertThat(session.malformedRtp() + session.unroutedRtp()).isPositive();
            session.close();
        }
    }
}
