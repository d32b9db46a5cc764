package dev.parley.rtc.fec.red;

/**
 * Reads an RFC 2198 RED payload: zero or more redundant blocks described by 4-byte headers (F=1, block payload type,
 * 14-bit timestamp offset, 10-bit length), then a 1-byte header (F=0, payload type) for the primary block, which is
 * the rest of the payload (RFC 2198 §3). A reusable view over the caller's bytes; {@link #parse} says whether the
 * layout is consistent, and nothing is ever read outside the given range.
 */
public final class RedPayload {

    /** RFC 2198 puts no limit on blocks; more than this is not a real sender. */
    public static final int MAX_BLOCKS = 16;

    private final int[] types = new int[MAX_BLOCKS];
    private final int[] offsets = new int[MAX_BLOCKS];
    private final int[] lengths = new int[MAX_BLOCKS];
    private final int[] timestampOffsets = new int[MAX_BLOCKS];
    private int redundant;
    private int primaryType;
    private int primaryOffset;
    private int primaryLength;

    /** Parses {@code b[off, off+len)}; false when the headers do not fit the payload (nothing is valid then). */
    public boolean parse(byte[] b, int off, int len) {
        redundant = 0;
        if (b == null || off < 0 || len < 1 || off > b.length - len) {
            return false;
        }
        int end = off + len;
        int p = off;
        int dataLength = 0;
        while ((b[p] & 0x80) != 0) {
            if (redundant == MAX_BLOCKS || end - p < 4) {
                return false;
            }
            types[redundant] = b[p] & 0x7F;
            timestampOffsets[redundant] = ((b[p + 1] & 0xFF) << 6) | ((b[p + 2] & 0xFC) >>> 2);
            lengths[redundant] = ((b[p + 2] & 0x03) << 8) | (b[p + 3] & 0xFF);
            dataLength += lengths[redundant];
            redundant++;
            p += 4;
            if (p >= end) {
                return false;
            }
        }
        primaryType = b[p] & 0x7F;
        p++;
        if (dataLength > end - p) {
            return false;
        }
        for (int i = 0; i < redundant; i++) {
            offsets[i] = p;
            p += lengths[i];
        }
        primaryOffset = p;
        primaryLength = end - p;
        return true;
    }

    public int primaryPayloadType() {
        return primaryType;
    }

    public int primaryOffset() {
        return primaryOffset;
    }

    /** May be 0 (a RED packet that only carries redundancy). */
    public int primaryLength() {
        return primaryLength;
    }

    public int redundantBlocks() {
        return redundant;
    }

    public int redundantPayloadType(int i) {
        return types[i];
    }

    public int redundantOffset(int i) {
        return offsets[i];
    }

    public int redundantLength(int i) {
        return lengths[i];
    }

    /** How much earlier than the packet's timestamp the redundant block's data was (RTP clock units). */
    public int redundantTimestampOffset(int i) {
        return timestampOffsets[i];
    }
}
