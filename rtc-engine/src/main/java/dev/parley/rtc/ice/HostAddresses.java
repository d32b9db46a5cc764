package dev.parley.rtc.ice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The local addresses that can carry ICE host candidates: every address of every interface that is up,
 * IPv4 and IPv6, without link-local and, unless asked for (tests), without loopback.
 */
public final class HostAddresses {

    private HostAddresses() {
    }

    /** What to gather. */
    public record Options(boolean includeLoopback, boolean ipv6) {
        public static Options defaults() {
            return new Options(false, true);
        }

        /** Every IPv4 address including loopback: for tests and same-machine calls. */
        public static Options loopbackOnly() {
            return new Options(true, false);
        }
    }

    /** Usable addresses, preferred first (IPv6 global before IPv4, as RFC 8421 suggests). */
    public static List<InetAddress> find(Options options) {
        List<InetAddress> v6 = new ArrayList<>();
        List<InetAddress> v4 = new ArrayList<>();
        List<NetworkInterface> interfaces;
        try {
            interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException | NullPointerException e) {
            // No interfaces visible (sandboxes): no host candidates, relays may still work.
            return List.of();
        }
        for (NetworkInterface nif : interfaces) {
            try {
                if (!nif.isUp()) {
                    continue;
                }
                boolean loopback = nif.isLoopback();
                if (loopback && !options.includeLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (usable(address, options)) {
                        (address instanceof Inet6Address ? v6 : v4).add(address);
                    }
                }
            } catch (SocketException e) {
                // This interface went away while we looked: skip it.
            }
        }
        List<InetAddress> all = new ArrayList<>(v6.size() + v4.size());
        all.addAll(v6);
        all.addAll(v4);
        return all;
    }

    static boolean usable(InetAddress address, Options options) {
        if (address.isLoopbackAddress()) {
            return options.includeLoopback() && (address instanceof Inet4Address || options.ipv6());
        }
        if (address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet6Address v6) {
            // Site-local (fec0::/10) is deprecated; IPv4-mapped and 6to4 relay addresses are not real interfaces.
            return options.ipv6() && !v6.isSiteLocalAddress() && !v6.isIPv4CompatibleAddress();
        }
        return address instanceof Inet4Address;
    }
}
