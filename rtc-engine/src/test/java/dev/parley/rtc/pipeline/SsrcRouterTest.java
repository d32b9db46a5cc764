package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpPacketWriter;
import dev.parley.rtc.rtp.SdesMid;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing SSRCs to receive streams: signalled, learnt by mid or payload type, replaced, and bounded. */
class SsrcRouterTest {

    private AudioReceiveStream audio;
    private VideoReceiveStream video;
    private SsrcRouter router;

    private void setUp() throws Exception {
        List<MediaSection> sections = PipelineFixtures.receivingFromChromium();
        LipSync sync = new LipSync();
        audio = new AudioReceiveStream(sections.get(0), sync);
        video = new VideoReceiveStream(sections.get(1), sync);
        router = new SsrcRouter(sections, List.of(audio, video));
    }

    @AfterEach
    void close() {
        if (video != null) {
            video.close();
        }
    }

    private static RtpPacket packet(int ssrc, int pt, String mid) {
        RtpPacketWriter w = new RtpPacketWriter().payloadType(pt).sequenceNumber(1).timestamp(1).ssrc(ssrc);
        if (mid != null) {
            SdesMid.put(w.extensions(), 4, mid); // chromium-offer.sdp: extmap 4 is sdes:mid
        }
        byte[] b = new byte[200];
        int n = w.write(b, 0, new byte[] {1, 2, 3}, 0, 3);
        RtpPacket p = new RtpPacket();
        p.wrap(b, 0, n);
        return p;
    }

    @Test
    void signalledSsrcsAreRoutedBeforeAnyPacket() throws Exception {
        setUp();
        assertThat(router.media((int) 2985597226L)).isSameAs(audio);
        assertThat(router.media((int) 2353133340L)).isSameAs(video);
        assertThat(router.route(packet((int) 3579947204L, 109, null)))
                .isEqualTo(new SsrcRouter.Repair(video));
        assertThat(audio.statistics().ssrc()).isEqualTo((int) 2985597226L);
    }

    @Test
    void anUnsignalledSsrcIsLearntByItsMidElseByItsPayloadTypeAndReplacesTheOldOne() throws Exception {
        setUp();
        // payload type 111 (opus) is audio's, but the mid says video: the mid wins (RFC 8843 §9.2)
        assertThat(router.route(packet(7, 111, "1"))).isEqualTo(new SsrcRouter.Media(video));
        assertThat(router.media((int) 2353133340L)).as("the signalled video SSRC was replaced").isNull();
        assertThat(video.statistics().ssrc()).isEqualTo(7);
        assertThat(router.route(packet(8, 111, null))).isEqualTo(new SsrcRouter.Media(audio));
        assertThat(router.route(packet(9, 109, null))).as("rtx by payload type").isEqualTo(new SsrcRouter.Repair(video));
        assertThat(router.route(packet(10, 35, null))).as("a payload type nobody negotiated").isNull();
    }

    @Test
    void aFloodOfInventedSsrcsIsBounded() throws Exception {
        setUp();
        int routed = 0;
        for (int i = 0; i < 1000; i++) {
            if (router.route(packet(1000 + i, 109, null)) != null) {
                routed++;
            }
        }
        assertThat(routed).isLessThanOrEqualTo(SsrcRouter.MAX_ROUTES);
        assertThat(router.media((int) 2985597226L)).as("real streams keep their routes").isSameAs(audio);
    }
}
