package dev.parley.rtc.dtls;

import org.bouncycastle.tls.CipherSuite;

/** The cipher suites WebRTC peers use with ECDSA certificates, in Parley's order of preference. */
final class DtlsCipherSuites {

    static final int[] ECDSA = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    private DtlsCipherSuites() {
    }
}
