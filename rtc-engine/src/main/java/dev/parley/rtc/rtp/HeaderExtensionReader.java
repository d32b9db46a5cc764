package dev.parley.rtc.rtp;

/**
 * A cursor over the RFC 8285 elements of an RTP header extension, one-byte (0xBEDE) or two-byte (0x100X) form.
 *
 * <p>Never reads outside the extension block it was reset to: an element whose length runs past the block ends
 * the walk and sets {@link #malformed()}. Allocation-free; reused by {@link RtpPacket#extensions()}.
 */
public final class HeaderExtensionReader {
    /** RFC 8285 §4.2: "defined by profile" value of the one-byte header form. */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** RFC 8285 §4.3: the two-byte form is 0x100 followed by 4 application bits. */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private byte[] buf;
    private int start;
    private int end;
    private int pos;
    private boolean twoByte;
    private boolean supported;
    private boolean active;
    private boolean malformed;
    private int id;
    private int dataOffset;
    private int dataLength;

    /** Starts over on the block of {@code len} bytes at {@code off} (already bounds-checked by the caller). */
    public void reset(byte[] b, int profile, int off, int len) {
        this.buf = b;
        this.start = off;
        this.end = off + len;
        this.pos = off;
        this.malformed = false;
        this.id = 0;
        this.twoByte = (profile & 0xfff0) == TWO_BYTE_PROFILE;
        this.supported = b != null && (profile == ONE_BYTE_PROFILE || twoByte);
        this.active = supported;
    }

    /** True for the two-byte form. */
    public boolean twoByte() {
        return twoByte;
    }

    /** Moves to the next element; false at the end, on the RFC 8285 §4.2 stop id 15, or on a malformed element. */
    public boolean next() {
        while (active && pos < end) {
            int first = buf[pos] & 0xff;
            if (first == 0) {
                pos++; // RFC 8285 §4.2/§4.3: zero bytes are padding between elements.
                continue;
            }
            int elementId;
            int length;
            int header;
            if (twoByte) {
                if (pos + 2 > end) {
                    return fail();
                }
                elementId = first;
                length = buf[pos + 1] & 0xff;
                header = 2;
            } else {
                elementId = first >>> 4;
                if (elementId == 15) {
                    active = false; // RFC 8285 §4.2: id 15 stops processing of the whole extension.
                    return false;
                }
                if (elementId == 0) {
                    return fail(); // id 0 with a non-zero length is not padding and not an element
                }
                length = (first & 0x0f) + 1;
                header = 1;
            }
            if (length > end - pos - header) {
                return fail();
            }
            id = elementId;
            dataOffset = pos + header;
            dataLength = length;
            pos = dataOffset + length;
            return true;
        }
        active = false;
        return false;
    }

    private boolean fail() {
        malformed = true;
        active = false;
        return false;
    }

    /** Restarts from the first element and stops on the first one with this id; false if there is none. */
    public boolean find(int wanted) {
        pos = start;
        malformed = false;
        active = supported;
        while (next()) {
            if (id == wanted) {
                return true;
            }
        }
        return false;
    }

    /** True when the walk stopped on an element that did not fit. */
    public boolean malformed() {
        return malformed;
    }

    public int id() {
        return id;
    }

    public byte[] buffer() {
        return buf;
    }

    /** Absolute index in {@link #buffer()} of the current element's data. */
    public int dataOffset() {
        return dataOffset;
    }

    public int dataLength() {
        return dataLength;
    }
}
