package dev.parley.rtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    @Test
    void sdpFormRoundTripsAndMatchesItsCertificate() {
        DtlsCertificate cert = DtlsCertificate.generate();
        String sdp = cert.fingerprint().toSdpValue();
        assertThat(sdp).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        CertificateFingerprint parsed = CertificateFingerprint.parse(sdp).orElseThrow();
        assertThat(parsed).isEqualTo(cert.fingerprint());
        assertThat(parsed.matches(cert.der())).isTrue();
        assertThat(parsed.matches(DtlsCertificate.generate().der())).isFalse();
        assertThat(CertificateFingerprint.parse(sdp.toLowerCase().replace("sha-256", "SHA-256"))).contains(parsed);
    }

    @Test
    void everyFingerprintInTheInteropOffersParsesAndPrintsBackTheSame() throws Exception {
        // The real offers and answers of shared/interop, as copied into the test resources.
        int seen = 0;
        for (String name : new String[] {"chromium-offer.sdp", "chromium-offer-mdns.sdp", "libwebrtc-offer.sdp",
                "chromium-to-libwebrtc-offer.sdp", "libwebrtc-answer-to-chromium.sdp"}) {
            String text;
            try (java.io.InputStream in = getClass().getResourceAsStream("/sdp/" + name)) {
                assertThat(in).as(name).isNotNull();
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            for (String line : text.split("\r?\n")) {
                if (line.startsWith("a=fingerprint:")) {
                    String value = line.substring("a=fingerprint:".length()).strip();
                    assertThat(CertificateFingerprint.parse(value).map(CertificateFingerprint::toSdpValue))
                            .as(name).contains(value);
                    seen++;
                }
            }
        }
        assertThat(seen).isGreaterThanOrEqualTo(5);
    }

    @Test
    void malformedValuesAreRejected() {
        String good = DtlsCertificate.generate().fingerprint().toSdpValue();
        for (String bad : new String[] {null, "", "sha-256", good + ":00", good.substring(0, good.length() - 3),
                good.replace("sha-256", "md5"), good.replace(':', '-'), good.replace(good.charAt(10), 'G'),
                "sha-256 " + "A".repeat(95), "x".repeat(1000)}) {
            assertThat(CertificateFingerprint.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
