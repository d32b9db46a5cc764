package dev.parley.rtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A certificate fingerprint as SDP carries it ({@code a=fingerprint:sha-256 AB:CD:…}, RFC 8122 section 5).
 * The DTLS handshake fails unless the peer's certificate hashes to the fingerprint from its SDP.
 */
public final class CertificateFingerprint {

    private final String algorithm;
    private final byte[] value;

    private CertificateFingerprint(String algorithm, byte[] value) {
        this.algorithm = algorithm;
        this.value = value;
    }

    /** The sha-256 fingerprint of a DER-encoded certificate (the only hash Parley offers). */
    public static CertificateFingerprint sha256(byte[] der) {
        return new CertificateFingerprint("sha-256", digest("SHA-256", der));
    }

    /**
     * Reads an SDP fingerprint value such as {@code sha-256 AB:CD:…}; empty when malformed or when the
     * hash is not one of sha-1, sha-256, sha-384, sha-512.
     */
    public static Optional<CertificateFingerprint> parse(String sdpValue) {
        if (sdpValue == null || sdpValue.length() > 300) {
            return Optional.empty();
        }
        String[] parts = sdpValue.strip().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (jcaName(algorithm) == null) {
            return Optional.empty();
        }
        String[] octets = parts[1].split(":", -1);
        byte[] value = new byte[octets.length];
        try {
            for (int i = 0; i < octets.length; i++) {
                if (octets[i].length() != 2) {
                    return Optional.empty();
                }
                value[i] = (byte) HexFormat.fromHexDigits(octets[i]);
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (value.length != digestLength(algorithm)) {
            return Optional.empty();
        }
        return Optional.of(new CertificateFingerprint(algorithm, value));
    }

    public String algorithm() {
        return algorithm;
    }

    /** True when {@code der} hashes to this fingerprint (compared in constant time). */
    public boolean matches(byte[] der) {
        return MessageDigest.isEqual(value, digest(jcaName(algorithm), der));
    }

    /** The SDP form: algorithm, space, upper-case hex octets joined by colons. */
    public String toSdpValue() {
        StringBuilder out = new StringBuilder(algorithm.length() + 1 + value.length * 3);
        out.append(algorithm).append(' ');
        HexFormat hex = HexFormat.of().withUpperCase();
        for (int i = 0; i < value.length; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex.toHexDigits(value[i]));
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint f && f.algorithm.equals(algorithm)
                && MessageDigest.isEqual(f.value, value);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + java.util.Arrays.hashCode(value);
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

    private static int digestLength(String sdpName) {
        return switch (sdpName) {
            case "sha-1" -> 20;
            case "sha-256" -> 32;
            case "sha-384" -> 48;
            default -> 64;
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
