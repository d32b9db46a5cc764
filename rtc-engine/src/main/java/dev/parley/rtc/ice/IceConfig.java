package dev.parley.rtc.ice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * How an agent gathers and checks. Defaults follow RFC 8445 (Ta pacing, here 20 ms) and RFC 7675 (consent every
 * 5 s, lost after 30 s); {@code disconnectedAfter} is when the W3C state turns {@code disconnected}.
 *
 * @param stunServers server-reflexive candidates are gathered from these (IPv4 host sockets)
 * @param relayOnly   gather and signal relayed candidates only (W3C iceTransportPolicy "relay")
 */
public record IceConfig(List<InetSocketAddress> stunServers, HostAddresses.Options hosts, Duration pacing,
                        Duration checkRto, int checkAttempts, Duration consentInterval,
                        Duration disconnectedAfter, Duration consentLostAfter, Duration checkingTimeout,
                        boolean relayOnly) {

    public IceConfig {
        stunServers = List.copyOf(stunServers);
    }

    public static IceConfig defaults() {
        // Ta = 20 ms: RFC 8445 section 14.2 allows down to 5 ms for real-time media; one call's checks are few.
        return new IceConfig(List.of(), HostAddresses.Options.defaults(), Duration.ofMillis(20), Duration.ofMillis(250),
                7, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30), false);
    }

    /** Loopback only: for tests and for calls between two windows on one machine. */
    public static IceConfig loopback() {
        return defaults().withHosts(HostAddresses.Options.loopbackOnly());
    }

    public IceConfig withHosts(HostAddresses.Options options) {
        return new IceConfig(stunServers, options, pacing, checkRto, checkAttempts, consentInterval,
                disconnectedAfter, consentLostAfter, checkingTimeout, relayOnly);
    }

    public IceConfig withStunServers(List<InetSocketAddress> servers) {
        return new IceConfig(servers, hosts, pacing, checkRto, checkAttempts, consentInterval,
                disconnectedAfter, consentLostAfter, checkingTimeout, relayOnly);
    }

    /** Relayed candidates only (privacy): no host or server-reflexive address is gathered or signalled. */
    public IceConfig withRelayOnly(boolean only) {
        return new IceConfig(stunServers, hosts, pacing, checkRto, checkAttempts, consentInterval, disconnectedAfter,
                consentLostAfter, checkingTimeout, only);
    }

    /** Ta, the pause between ordinary checks (RFC 8445 section 14.2). */
    public IceConfig withPacing(Duration ta) {
        return new IceConfig(stunServers, hosts, ta, checkRto, checkAttempts, consentInterval, disconnectedAfter,
                consentLostAfter, checkingTimeout, relayOnly);
    }

    public IceConfig withChecks(Duration rto, int attempts) {
        return new IceConfig(stunServers, hosts, pacing, rto, attempts, consentInterval, disconnectedAfter,
                consentLostAfter, checkingTimeout, relayOnly);
    }

    public IceConfig withConsent(Duration interval, Duration disconnected, Duration lost) {
        return new IceConfig(stunServers, hosts, pacing, checkRto, checkAttempts, interval, disconnected, lost,
                checkingTimeout, relayOnly);
    }
}
