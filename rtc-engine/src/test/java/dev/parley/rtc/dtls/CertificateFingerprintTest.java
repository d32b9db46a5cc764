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
        java.nio.file.Path interop = java.nio.file.Path.of("../../shared/interop");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(interop),
                "shared/interop is beside the checkout in every workspace and in CI");
        int seen = 0;
        try (var files = java.nio.file.Files.list(interop)) {
            for (java.nio.file.Path sdp : files.filter(f -> f.toString().endsWith(".sdp")).toList()) {
                for (String line : java.nio.file.Files.readAllLines(sdp)) {
                    if (line.startsWith("a=fingerprint:")) {
                        String value = line.substring("a=fingerprint:".length()).strip();
                        assertThat(CertificateFingerprint.parse(value).map(CertificateFingerprint::toSdpValue))
                                .as(sdp.getFileName().toString()).contains(value);
                        seen++;
                    }
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
