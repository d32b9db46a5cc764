package dev.parley.rtc.peer;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.dtls.DtlsSettings;
import dev.parley.rtc.ice.IceConfig;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * How a {@link PeerConnection} is set up (W3C RTCConfiguration, as far as this engine implements it): the ICE
 * settings (STUN servers, which host addresses to use), the DTLS certificate (a fresh one when null) and DTLS tunables.
 */
public record RtcConfiguration(IceConfig ice, DtlsCertificate certificate, DtlsSettings dtls) {

    public static RtcConfiguration defaults() {
        return new RtcConfiguration(IceConfig.defaults(), null, DtlsSettings.defaults());
    }

    /** Loopback addresses included: for tests and for two Parley windows on one machine. */
    public static RtcConfiguration loopback() {
        return new RtcConfiguration(IceConfig.loopback(), null, DtlsSettings.defaults());
    }

    public RtcConfiguration withStunServers(List<InetSocketAddress> servers) {
        return new RtcConfiguration(ice.withStunServers(servers), certificate, dtls);
    }

    public RtcConfiguration withCertificate(DtlsCertificate cert) {
        return new RtcConfiguration(ice, cert, dtls);
    }
}
