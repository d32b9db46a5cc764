package dev.parley.rtc.rtp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * The transport-wide sequence number element (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): 2 bytes,
 * one counter over all media of the transport, used by transport-cc feedback.
 */
public final class TransportSequenceNumber {
    public static final String URI =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    private TransportSequenceNumber() {
    }

    /** The 16-bit sequence number in an element, or -1 if it is not 2 bytes. */
    public static int read(byte[] b, int off, int len) {
        return len == 2 ? NetworkOrder.u16(b, off) : -1;
    }

    /** The value of the element with this id, or -1 if absent or malformed. */
    public static int read(RtpPacket p, int id) {
        HeaderExtensionReader r = p.extensions();
        return r.find(id) ? read(r.buffer(), r.dataOffset(), r.dataLength()) : -1;
    }

    public static void put(HeaderExtensionSet set, int id, int seq) {
        set.putUnsigned(id, seq & 0xffff, 2);
    }
}
