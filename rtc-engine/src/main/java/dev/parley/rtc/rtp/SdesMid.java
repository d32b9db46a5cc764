package dev.parley.rtc.rtp;

import java.nio.charset.StandardCharsets;

/** The {@code urn:ietf:params:rtp-hdrext:sdes:mid} element (RFC 8843 §15): the media section's MID as text. */
public final class SdesMid {
    public static final String URI = "urn:ietf:params:rtp-hdrext:sdes:mid";

    private SdesMid() {
    }

    /** The MID in an element, or null if it is empty or not printable ASCII (RFC 8843 MIDs are SDP tokens). */
    public static String read(byte[] b, int off, int len) {
        if (len < 1) {
            return null;
        }
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0x21 || b[i] > 0x7e) {
                return null;
            }
        }
        return new String(b, off, len, StandardCharsets.US_ASCII);
    }

    /** The MID of the element with this id, or null if absent or malformed. */
    public static String read(RtpPacket p, int id) {
        HeaderExtensionReader r = p.extensions();
        return r.find(id) ? read(r.buffer(), r.dataOffset(), r.dataLength()) : null;
    }

    /** Adds the MID; 1..16 characters keeps the one-byte form possible (RFC 8843 §15 recommends short MIDs). */
    public static void put(HeaderExtensionSet set, int id, String mid) {
        byte[] bytes = mid.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length == 0 || bytes.length > 255) {
            throw new IllegalArgumentException("MID must be 1..255 characters: " + mid);
        }
        set.put(id, bytes);
    }
}
