package dev.parley.rtc.dtls;

import dev.parley.rtc.sdp.Fingerprint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The fingerprint DTLS checks a peer's certificate against: an SDP {@link Fingerprint} (RFC 8122 section 5)
 * restricted to the hashes DTLS-SRTP peers use, with the hashing of a certificate to compare it.
 */
public final class CertificateFingerprint {

    private final Fingerprint value;

    private CertificateFingerprint(Fingerprint value) {
        this.value = value;
    }

    /** The sha-256 fingerprint of a DER-encoded certificate (the only hash Parley offers). */
    public static CertificateFingerprint sha256(byte[] der) {
        return new CertificateFingerprint(new Fingerprint("sha-256", digest("SHA-256", der)));
    }

    /** The peer's fingerprint from its SDP; empty when its hash is not sha-1, sha-256, sha-384 or sha-512. */
    public static Optional<CertificateFingerprint> of(Fingerprint fromSdp) {
        return jcaName(fromSdp.hashFunction()) == null ? Optional.empty()
                : Optional.of(new CertificateFingerprint(fromSdp));
    }

    /** Reads an SDP fingerprint value such as {@code sha-256 AB:CD:…}; empty when malformed or unsupported. */
    public static Optional<CertificateFingerprint> parse(String sdpValue) {
        if (sdpValue == null || sdpValue.length() > 300) {
            return Optional.empty();
        }
        try {
            return of(Fingerprint.parse(sdpValue));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public String algorithm() {
        return value.hashFunction();
    }

    /** As SDP's {@code a=fingerprint} carries it. */
    public Fingerprint sdp() {
        return value;
    }

    /** True when {@code der} hashes to this fingerprint (compared in constant time). */
    public boolean matches(byte[] der) {
        return value.matches(digest(jcaName(value.hashFunction()), der));
    }

    /** The SDP form: algorithm, space, upper-case hex octets joined by colons. */
    public String toSdpValue() {
        return value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint f && f.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return toSdpValue();
    }

    private static String jcaName(String sdpName) {
        return switch (sdpName) {
            case "sha-1" -> "SHA-1";
            case "sha-256" -> "SHA-256";
            case "sha-384" -> "SHA-384";
            case "sha-512" -> "SHA-512";
            default -> null;
        };
    }

    private static byte[] digest(String jcaName, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is part of every JDK", e);
        }
    }
}
