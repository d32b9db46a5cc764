package dev.parley.rtc.srtp;

import java.util.Arrays;

/**
 * Splits the DTLS-SRTP exporter output into the two master keys and salts (RFC 5764 §4.2): the keying material,
 * exported with label "EXTRACTOR-dtls_srtp" and {@code 2 * (keyLength + saltLength)} bytes long, is
 * client_write_key || server_write_key || client_write_salt || server_write_salt. The DTLS client protects with
 * the client key; the server with the server key.
 */
public final class SrtpKeyingMaterial {
    /** RFC 5764 §4.2: the TLS exporter label. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    private final SrtpProfile profile;
    private final byte[] localKey;
    private final byte[] localSalt;
    private final byte[] remoteKey;
    private final byte[] remoteSalt;

    private SrtpKeyingMaterial(SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey,
            byte[] remoteSalt) {
        this.profile = profile;
        this.localKey = localKey;
        this.localSalt = localSalt;
        this.remoteKey = remoteKey;
        this.remoteSalt = remoteSalt;
    }

    /** The exporter length the profile needs. */
    public static int exportLength(SrtpProfile profile) {
        return 2 * (profile.keyLength() + profile.saltLength());
    }

    /**
     * @param material    the exporter output, {@link #exportLength} bytes
     * @param localIsClient whether we were the DTLS client
     */
    public static SrtpKeyingMaterial fromDtlsExport(SrtpProfile profile, byte[] material, boolean localIsClient) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        if (material.length != exportLength(profile)) {
            throw new IllegalArgumentException(profile + " needs " + exportLength(profile)
                    + " bytes of DTLS-SRTP keying material, got " + material.length);
        }
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return localIsClient
                ? new SrtpKeyingMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeyingMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    /** The profile DTLS negotiated. */
    public SrtpProfile profile() {
        return profile;
    }

    /** A session protecting what we send, with our write key. */
    public SrtpOutboundSession outbound(SrtpOptions options) {
        return SrtpSession.outbound(profile, localKey, localSalt, options);
    }

    /** A session unprotecting what the peer sends, with its write key. */
    public SrtpInboundSession inbound(SrtpOptions options) {
        return SrtpSession.inbound(profile, remoteKey, remoteSalt, options);
    }
}
