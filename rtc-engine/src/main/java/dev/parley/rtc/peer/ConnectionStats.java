package dev.parley.rtc.peer;

import dev.parley.rtc.dtls.DtlsEndpoint;
import dev.parley.rtc.ice.CandidatePair;
import dev.parley.rtc.ice.IceConnectionState;
import dev.parley.rtc.srtp.SrtpInboundSession;
import dev.parley.rtc.stats.RtcStats;
import dev.parley.rtc.stats.StatsBuilder;
import java.util.List;
import java.util.Locale;

/**
 * The transport and candidate-pair stats objects of a connection. Candidate addresses are left out: stats are
 * exported and logged, and a user's IP address stays private (only the candidate types are reported).
 */
final class ConnectionStats {

    private ConnectionStats() {
    }

    static void transport(long micros, DtlsEndpoint dtls, SrtpInboundSession srtp, IceConnectionState ice,
                          PeerConnectionState state, long bytesSent, long bytesReceived, long packetsSent,
                          long packetsReceived, List<RtcStats> out) {
        out.add(new StatsBuilder("T01", "transport", micros)
                .put("dtlsState", dtls == null ? "new" : dtls.state().name().toLowerCase(Locale.ROOT))
                .put("dtlsRole", dtls == null ? null : dtls.role().name().toLowerCase(Locale.ROOT))
                .put("srtpCipher", srtp == null ? null : srtp.profile().name())
                .put("iceState", ice.name().toLowerCase(Locale.ROOT))
                .put("connectionState", state.name().toLowerCase(Locale.ROOT))
                .put("selectedCandidatePairId", "CP01")
                .put("bytesSent", bytesSent)
                .put("bytesReceived", bytesReceived)
                .put("packetsSent", packetsSent)
                .put("packetsReceived", packetsReceived)
                .build());
    }

    /** @param rtcpRttNanos the RTT measured from RTCP reports, -1 when unknown (used before a consent check) */
    static RtcStats candidatePair(long micros, CandidatePair pair, long bytesSent, long bytesReceived,
                                  long packetsSent, long packetsReceived, long rtcpRttNanos) {
        long rtt = pair.currentRoundTripNanos() >= 0 ? pair.currentRoundTripNanos() : rtcpRttNanos;
        return new StatsBuilder("CP01", "candidate-pair", micros)
                .put("transportId", "T01")
                .put("state", pair.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("nominated", pair.nominated())
                .put("localCandidateType", pair.local().type().sdpName())
                .put("remoteCandidateType", pair.remote().type().sdpName())
                .put("protocol", pair.local().transport().toLowerCase(Locale.ROOT))
                .put("currentRoundTripTime", rtt >= 0 ? rtt / 1e9 : null)
                .put("totalRoundTripTime", pair.totalRoundTripNanos() / 1e9)
                .put("responsesReceived", pair.responsesReceived())
                .put("bytesSent", bytesSent)
                .put("bytesReceived", bytesReceived)
                .put("packetsSent", packetsSent)
                .put("packetsReceived", packetsReceived)
                .build();
    }
}
