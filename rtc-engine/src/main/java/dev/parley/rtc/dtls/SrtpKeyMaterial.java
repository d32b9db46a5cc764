package dev.parley.rtc.dtls;

/**
 * What DTLS-SRTP hands to SRTP: the negotiated profile and the master key and salt for each direction
 * (RFC 5764 section 4.2). {@code local*} protects what this side sends; {@code remote*} unprotects what it receives.
 */
public record SrtpKeyMaterial(SrtpProtectionProfile profile, byte[] localMasterKey, byte[] localMasterSalt,
                              byte[] remoteMasterKey, byte[] remoteMasterSalt) {

    /** Splits exported keying material: client key, server key, client salt, server salt (RFC 5764 section 4.2). */
    static SrtpKeyMaterial split(SrtpProtectionProfile profile, byte[] exported, boolean isClient) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] clientKey = java.util.Arrays.copyOfRange(exported, 0, k);
        byte[] serverKey = java.util.Arrays.copyOfRange(exported, k, 2 * k);
        byte[] clientSalt = java.util.Arrays.copyOfRange(exported, 2 * k, 2 * k + s);
        byte[] serverSalt = java.util.Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s);
        return isClient
                ? new SrtpKeyMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeyMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    /** The number of bytes to export for a profile: two keys and two salts. */
    static int exportLength(SrtpProtectionProfile profile) {
        return 2 * (profile.keyLength() + profile.saltLength());
    }
}
