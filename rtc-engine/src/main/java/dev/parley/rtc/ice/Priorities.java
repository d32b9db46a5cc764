package dev.parley.rtc.ice;

/** The priority arithmetic of ICE. */
public final class Priorities {

    /** The highest local preference, for the one address a host prefers (RFC 8445 section 5.1.2.1). */
    public static final int MAX_LOCAL_PREFERENCE = 65_535;

    private Priorities() {
    }

    /** RFC 8445 section 5.1.2.1: 2^24 * type preference + 2^8 * local preference + (256 - component). */
    public static long candidate(CandidateType type, int localPreference, int component) {
        if (localPreference < 0 || localPreference > MAX_LOCAL_PREFERENCE || component < 1 || component > 256) {
            throw new IllegalArgumentException("local preference 0..65535, component 1..256");
        }
        return ((long) type.typePreference() << 24) + ((long) localPreference << 8) + (256 - component);
    }

    /**
     * RFC 8445 section 6.1.2.3: 2^32 * MIN(G,D) + 2 * MAX(G,D) + (G > D ? 1 : 0), where G is the controlling
     * agent's candidate priority and D the controlled agent's.
     */
    public static long pair(long controllingPriority, long controlledPriority) {
        long min = Math.min(controllingPriority, controlledPriority);
        long max = Math.max(controllingPriority, controlledPriority);
        return (min << 32) + 2 * max + (controllingPriority > controlledPriority ? 1 : 0);
    }

    /**
     * Local preference for one of several host addresses (RFC 8421 section 4): IPv6 before IPv4, then the
     * order in which the OS lists interfaces, so the preferred address gets the highest value.
     */
    public static int hostLocalPreference(boolean ipv6, int index) {
        int base = ipv6 ? MAX_LOCAL_PREFERENCE : MAX_LOCAL_PREFERENCE - 1_000;
        return Math.max(0, base - Math.min(index, 1_000) * 10);
    }
}
