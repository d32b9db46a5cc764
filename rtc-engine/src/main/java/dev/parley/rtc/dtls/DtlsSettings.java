package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpProfile;

import java.time.Duration;
import java.util.List;

/**
 * Tunables of a DTLS endpoint: SRTP profiles in order of preference, the first retransmission timeout
 * (doubling after each loss, RFC 6347 section 4.2.4.1), and how long the whole handshake may take.
 */
public record DtlsSettings(List<SrtpProfile> profiles, Duration initialResend, Duration handshakeTimeout) {

    /** GCM first (faster and smaller), then AES-CM with the 80-bit tag, as browsers order them. */
    public static DtlsSettings defaults() {
        return new DtlsSettings(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM,
                SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32),
                Duration.ofMillis(400), Duration.ofSeconds(20));
    }

    public DtlsSettings {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile");
        }
    }

    public DtlsSettings withProfiles(List<SrtpProfile> only) {
        return new DtlsSettings(only, initialResend, handshakeTimeout);
    }

    int resendMillis() {
        return (int) Math.max(50, Math.min(60_000, initialResend.toMillis()));
    }

    int timeoutMillis() {
        return (int) Math.max(1_000, Math.min(Integer.MAX_VALUE, handshakeTimeout.toMillis()));
    }
}
