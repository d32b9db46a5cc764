package dev.parley.rtc.sdp;

import java.util.HexFormat;
import java.util.List;

/** Parley-side inputs shared by the negotiation tests. */
final class NegotiationFixtures {
    static final Fingerprint FINGERPRINT = new Fingerprint("sha-256", HexFormat.of().parseHex(
            "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"));
    static final LocalParameters LOCAL = new LocalParameters("4611686018427387903", 2, "prly",
            "abcdefghijklmnopqrstuvwx", FINGERPRINT, "parleycname");
    static final LocalTrack MIC = new LocalTrack("audio", "parley", "mic", 1111L, null);
    static final LocalTrack CAMERA = new LocalTrack("video", "parley", "camera", 2222L, 3333L);

    private NegotiationFixtures() {
    }

    static Sdp answer(Sdp offer) throws SdpNegotiationException {
        return new AnswerBuilder(LOCAL, ParleyCodecs.defaults(), List.of(MIC, CAMERA)).answer(offer);
    }

    /** The offer's payload type of the first codec satisfying the test. */
    static int offeredPt(MediaDescription m, java.util.function.Predicate<RtpCodec> test) {
        return m.codecs().stream().filter(test).findFirst().orElseThrow().payloadType();
    }

    static boolean isCbH264Mode1(RtpCodec c) {
        return c.isNamed("H264") && "42e01f".equals(c.parameters().get("profile-level-id"))
                && "1".equals(c.parameters().get("packetization-mode"));
    }
}
