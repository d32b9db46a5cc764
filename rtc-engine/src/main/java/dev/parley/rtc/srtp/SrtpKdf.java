package dev.parley.rtc.srtp;

/**
 * The SRTP key derivation function: AES-CM as a PRF keyed with the master key (RFC 3711 §4.3.1 and §4.3.3), with
 * key_derivation_rate 0 so every session key is derived once. GCM profiles use the same KDF with a 96-bit master
 * salt, left-aligned in the 112-bit salt field and zero-padded (RFC 7714 §11), and AES-256 for 256-bit keys
 * (RFC 6188 §7).
 */
final class SrtpKdf {
    /** RFC 3711 §4.3.2: labels for SRTP (0..2) and SRTCP (3..5) keys. */
    static final int RTP_ENCRYPTION = 0x00;
    static final int RTP_AUTH = 0x01;
    static final int RTP_SALT = 0x02;
    static final int RTCP_ENCRYPTION = 0x03;
    static final int RTCP_AUTH = 0x04;
    static final int RTCP_SALT = 0x05;

    private final AesCounterMode prf;
    private final byte[] masterSalt;

    SrtpKdf(byte[] masterKey, byte[] masterSalt) {
        this.prf = new AesCounterMode(masterKey);
        this.masterSalt = masterSalt.clone();
    }

    /** RFC 3711 §4.3.1: x = key_id XOR master_salt, key_id = label || r (r = 0 as kdr = 0); output AES-CM(x * 2^16). */
    byte[] derive(int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, Math.min(14, masterSalt.length));
        iv[7] ^= (byte) label; // the label is the byte above the 48-bit r in the 112-bit value
        byte[] out = new byte[length];
        prf.apply(iv, out, 0, length);
        return out;
    }
}
