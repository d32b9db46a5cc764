package dev.parley.rtc.pipeline;

import dev.parley.rtc.sdp.AnswerBuilder;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.sdp.LocalParameters;
import dev.parley.rtc.sdp.LocalTrack;
import dev.parley.rtc.sdp.ParleyCodecs;
import dev.parley.rtc.sdp.Sdp;
import dev.parley.rtc.sdp.SdpParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Negotiated inputs shared by the pipeline tests, from the real SDP in the test resources. */
final class PipelineFixtures {

    private PipelineFixtures() {
    }

    /** A real offer or answer of shared/interop, parsed. */
    static Sdp sdp(String name) throws Exception {
        try (InputStream in = PipelineFixtures.class.getResourceAsStream("/sdp/" + name)) {
            return SdpParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The sections of Parley answering Chromium's offer with no track of its own: it only receives. */
    static List<MediaSection> receivingFromChromium() throws Exception {
        Sdp offer = sdp("chromium-offer.sdp");
        LocalParameters local = new LocalParameters("1", 2, "prly", "abcdefghijklmnopqrstuvwx",
                new Fingerprint("sha-256", new byte[32]), "cname");
        Sdp answer = new AnswerBuilder(local, ParleyCodecs.defaults(), List.of()).answer(offer);
        return Negotiation.sections(answer, offer, true, List.<LocalTrack>of());
    }
}
