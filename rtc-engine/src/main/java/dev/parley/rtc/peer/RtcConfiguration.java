package dev.parley.rtc.peer;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.dtls.DtlsSettings;
import dev.parley.rtc.ice.IceConfig;
import java.util.List;

/**
 * How a {@link PeerConnection} is set up (W3C RTCConfiguration, as far as this engine implements it): ICE servers,
 * the transport policy, the DTLS certificate (a fresh one when null), and engine tunables for ICE and DTLS.
 */
public record RtcConfiguration(List<IceServer> iceServers, IceTransportPolicy iceTransportPolicy,
                               DtlsCertificate certificate, IceConfig ice, DtlsSettings dtls, int videoBitrate) {

    /** What video aims at until congestion control or the receiver's estimate says otherwise. */
    public static final int DEFAULT_VIDEO_BITRATE = 1_000_000;

    public RtcConfiguration {
        iceServers = List.copyOf(iceServers);
        if (videoBitrate < 50_000 || videoBitrate > 50_000_000) {
            throw new IllegalArgumentException("video bitrate must be 50 kbit/s to 50 Mbit/s, was " + videoBitrate);
        }
    }

    public RtcConfiguration(List<IceServer> iceServers, IceTransportPolicy iceTransportPolicy,
                            DtlsCertificate certificate, IceConfig ice, DtlsSettings dtls) {
        this(iceServers, iceTransportPolicy, certificate, ice, dtls, DEFAULT_VIDEO_BITRATE);
    }

    /** The video send bitrate (bits per second) before any estimate lowers it. */
    public RtcConfiguration withVideoBitrate(int bitsPerSecond) {
        return new RtcConfiguration(iceServers, iceTransportPolicy, certificate, ice, dtls, bitsPerSecond);
    }

    public static RtcConfiguration defaults() {
        return new RtcConfiguration(List.of(), IceTransportPolicy.ALL, null, IceConfig.defaults(), DtlsSettings.defaults());
    }

    /** Loopback addresses included: for tests and for two Parley windows on one machine. */
    public static RtcConfiguration loopback() {
        return new RtcConfiguration(List.of(), IceTransportPolicy.ALL, null, IceConfig.loopback(), DtlsSettings.defaults());
    }

    public RtcConfiguration withIceServers(List<IceServer> servers) {
        return new RtcConfiguration(servers, iceTransportPolicy, certificate, ice, dtls, videoBitrate);
    }

    public RtcConfiguration withIceTransportPolicy(IceTransportPolicy policy) {
        return new RtcConfiguration(iceServers, policy, certificate, ice, dtls, videoBitrate);
    }

    /** Engine tunables for ICE (pacing, timeouts, which host addresses). */
    public RtcConfiguration withIce(IceConfig tunables) {
        return new RtcConfiguration(iceServers, iceTransportPolicy, certificate, tunables, dtls, videoBitrate);
    }

    public RtcConfiguration withCertificate(DtlsCertificate cert) {
        return new RtcConfiguration(iceServers, iceTransportPolicy, cert, ice, dtls, videoBitrate);
    }

    /** The agent's settings with the transport policy applied. */
    IceConfig iceConfig() {
        return ice.withRelayOnly(iceTransportPolicy == IceTransportPolicy.RELAY);
    }
}
