package dev.parley.rtc.pipeline;

import dev.parley.rtc.rtp.AbsSendTime;
import dev.parley.rtc.rtp.AudioLevel;
import dev.parley.rtc.rtp.SdesMid;
import dev.parley.rtc.rtp.TransportSequenceNumber;
import dev.parley.rtc.sdp.Extmap;
import java.util.List;

/**
 * The RFC 8285 header extension ids an m= section negotiated, 0 for those it did not. Only one-byte ids (1-14) are
 * written by Parley's senders; any id is read.
 */
public record ExtensionIds(int mid, int absSendTime, int transportSequence, int audioLevel) {

    public static final ExtensionIds NONE = new ExtensionIds(0, 0, 0, 0);

    /** The ids of the extensions Parley knows among an answer's extmap lines. */
    public static ExtensionIds of(List<Extmap> extmaps) {
        int mid = 0;
        int abs = 0;
        int tcc = 0;
        int level = 0;
        for (Extmap e : extmaps) {
            if (e.id() > 255) {
                continue;
            }
            switch (e.uri()) {
                case SdesMid.URI -> mid = e.id();
                case AbsSendTime.URI -> abs = e.id();
                case TransportSequenceNumber.URI -> tcc = e.id();
                case AudioLevel.URI -> level = e.id();
                default -> {
                }
            }
        }
        return new ExtensionIds(mid, abs, tcc, level);
    }

    /** Whether a sender may write this id (one-byte form, RFC 8285 §4.2). */
    static boolean writable(int id) {
        return id >= 1 && id <= 14;
    }
}
