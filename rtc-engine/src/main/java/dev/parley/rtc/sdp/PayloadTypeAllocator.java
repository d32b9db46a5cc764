package dev.parley.rtc.sdp;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out payload types for Parley's own offers. One allocator per offer, so bundled m= sections never give one
 * number two meanings (RFC 8843 §9.1). Types 64-95 are never used: with rtcp-mux they collide with RTCP packet types
 * (RFC 5761 §4).
 */
final class PayloadTypeAllocator {
    private final Set<Integer> used = new HashSet<>();

    int take(int preferred) {
        if (usable(preferred) && used.add(preferred)) {
            return preferred;
        }
        for (int pt = 96; pt <= 127; pt++) { // RFC 3551 §3 dynamic range first
            if (used.add(pt)) {
                return pt;
            }
        }
        for (int pt = 35; pt <= 63; pt++) { // then the unassigned low range, as browsers do
            if (used.add(pt)) {
                return pt;
            }
        }
        throw new IllegalStateException("More codecs than free RTP payload types.");
    }

    private static boolean usable(int pt) {
        return pt >= 0 && pt <= 127 && (pt < 64 || pt > 95);
    }
}
