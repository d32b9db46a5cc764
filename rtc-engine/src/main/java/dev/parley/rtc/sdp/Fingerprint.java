package dev.parley.rtc.sdp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** An {@code a=fingerprint} value: hash function and certificate digest (RFC 8122 §5). Immutable. */
public final class Fingerprint {
    private static final int MAX_DIGEST_BYTES = 64; // sha-512, the longest hash RFC 8122 lists

    private final String hashFunction;
    private final byte[] digest;

    public Fingerprint(String hashFunction, byte[] digest) {
        if (!Syntax.isToken(hashFunction)) {
            throw new IllegalArgumentException("The fingerprint hash function must be a token such as sha-256.");
        }
        if (digest.length == 0 || digest.length > MAX_DIGEST_BYTES) {
            throw new IllegalArgumentException("A fingerprint digest must be 1 to 64 bytes long.");
        }
        this.hashFunction = hashFunction.toLowerCase(Locale.ROOT); // RFC 8122 §5: hash-func names are case-insensitive
        int expected = digestLength(this.hashFunction);
        if (expected > 0 && digest.length != expected) {
            throw new IllegalArgumentException("A " + this.hashFunction + " fingerprint must be " + expected
                    + " bytes long, got " + digest.length + ".");
        }
        this.digest = digest.clone();
    }

    /** Parses {@code sha-256 AB:CD:...}; hex digits of either case are accepted. */
    public static Fingerprint parse(String value) {
        List<String> t = Syntax.tokens(value);
        if (t.size() != 2) {
            throw new IllegalArgumentException("A fingerprint must read <hash-function> <hex bytes separated by colons>.");
        }
        String hex = t.get(1);
        if (hex.length() > MAX_DIGEST_BYTES * 3 || (hex.length() + 1) % 3 != 0) {
            throw new IllegalArgumentException("The fingerprint digest must be pairs of hex digits separated by colons.");
        }
        byte[] digest = new byte[(hex.length() + 1) / 3];
        for (int i = 0; i < digest.length; i++) {
            int hi = Character.digit(hex.charAt(i * 3), 16);
            int lo = Character.digit(hex.charAt(i * 3 + 1), 16);
            boolean sepOk = i == digest.length - 1 || hex.charAt(i * 3 + 2) == ':';
            if (hi < 0 || lo < 0 || !sepOk) {
                throw new IllegalArgumentException(
                        "The fingerprint digest must be pairs of hex digits separated by colons.");
            }
            digest[i] = (byte) (hi << 4 | lo);
        }
        return new Fingerprint(t.get(0), digest);
    }

    /** Digest size of the hash functions RFC 8122 §5 names, 0 for others (kept, but not length-checked). */
    private static int digestLength(String hashFunction) {
        return switch (hashFunction) {
            case "md2", "md5" -> 16;
            case "sha-1" -> 20;
            case "sha-224" -> 28;
            case "sha-256" -> 32;
            case "sha-384" -> 48;
            case "sha-512" -> 64;
            default -> 0;
        };
    }

    public String hashFunction() {
        return hashFunction;
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** Constant-time comparison with a digest computed over the peer's certificate. */
    public boolean matches(byte[] computedDigest) {
        return MessageDigest.isEqual(digest, computedDigest);
    }

    /** Upper-case colon-separated hex, as RFC 8122 §5 writes it. */
    public String hex() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    @Override
    public String toString() {
        return hashFunction + " " + hex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.hashFunction.equals(hashFunction) && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return hashFunction.hashCode() * 31 + Arrays.hashCode(digest);
    }
}
