package dev.parley.rtc.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real SDP captured from Chromium and libwebrtc (shared/interop/INTEROP.md). */
final class Fixtures {
    static final String CHROMIUM_OFFER = "chromium-offer.sdp";
    static final String CHROMIUM_OFFER_MDNS = "chromium-offer-mdns.sdp";
    static final String LIBWEBRTC_OFFER = "libwebrtc-offer.sdp";
    static final String CHROMIUM_TO_LIBWEBRTC_OFFER = "chromium-to-libwebrtc-offer.sdp";
    static final String LIBWEBRTC_ANSWER = "libwebrtc-answer-to-chromium.sdp";
    static final List<String> ALL = List.of(CHROMIUM_OFFER, CHROMIUM_OFFER_MDNS, LIBWEBRTC_OFFER,
            CHROMIUM_TO_LIBWEBRTC_OFFER, LIBWEBRTC_ANSWER);
    static final List<String> OFFERS = List.of(CHROMIUM_OFFER, LIBWEBRTC_OFFER, CHROMIUM_TO_LIBWEBRTC_OFFER);

    private Fixtures() {
    }

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Sdp parse(String name) throws SdpParseException {
        return SdpParser.parse(text(name));
    }
}
