package dev.parley.rtc.dtls;

/** Which side of the DTLS handshake this peer takes (RFC 5763 section 5: setup:active is the client). */
public enum DtlsRole {
    CLIENT,
    SERVER
}
