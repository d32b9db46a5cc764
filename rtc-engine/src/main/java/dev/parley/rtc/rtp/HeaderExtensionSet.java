package dev.parley.rtc.rtp;

import dev.parley.rtc.net.NetworkOrder;

import java.util.Arrays;

/**
 * The RFC 8285 elements to write into an outgoing packet: a small reusable set keyed by local id.
 *
 * <p>{@link #write} picks the one-byte form (RFC 8285 §4.2) when every id is 1..14 and every element 1..16 bytes,
 * else the two-byte form (§4.3, ids 1..255, 0..255 bytes, needs {@code a=extmap-allow-mixed}); {@link
 * #forceTwoByte} always uses it. Misuse by the caller (bad id, too long) throws IllegalArgumentException.
 */
public final class HeaderExtensionSet {
    /** At most this many elements; WebRTC sends four to eight. */
    public static final int MAX_ELEMENTS = 16;

    private final int[] ids = new int[MAX_ELEMENTS];
    private final int[] lengths = new int[MAX_ELEMENTS];
    private final byte[] data = new byte[MAX_ELEMENTS * 255];
    private final byte[] scratch = new byte[8];
    private int count;
    private boolean forceTwoByte;

    public HeaderExtensionSet clear() {
        count = 0;
        return this;
    }

    public HeaderExtensionSet forceTwoByte(boolean force) {
        this.forceTwoByte = force;
        return this;
    }

    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Adds or replaces the element with this id. */
    public HeaderExtensionSet put(int id, byte[] src, int off, int len) {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("RFC 8285 element id must be 1..255: " + id);
        }
        if (len < 0 || len > 255) {
            throw new IllegalArgumentException("RFC 8285 element length must be 0..255: " + len);
        }
        int slot = indexOf(id);
        if (slot < 0) {
            if (count == MAX_ELEMENTS) {
                throw new IllegalArgumentException("more than " + MAX_ELEMENTS + " header extension elements");
            }
            slot = count++;
        }
        ids[slot] = id;
        lengths[slot] = len;
        System.arraycopy(src, off, data, slot * 255, len);
        return this;
    }

    public HeaderExtensionSet put(int id, byte[] value) {
        return put(id, value, 0, value.length);
    }

    /** Adds the low {@code bytes} bytes of {@code value}, big-endian. */
    public HeaderExtensionSet putUnsigned(int id, long value, int bytes) {
        if (bytes < 1 || bytes > 8) {
            throw new IllegalArgumentException("1..8 bytes: " + bytes);
        }
        for (int i = 0; i < bytes; i++) {
            scratch[i] = (byte) (value >>> (8 * (bytes - 1 - i)));
        }
        return put(id, scratch, 0, bytes);
    }

    public HeaderExtensionSet remove(int id) {
        int slot = indexOf(id);
        if (slot >= 0) {
            count--;
            ids[slot] = ids[count];
            lengths[slot] = lengths[count];
            System.arraycopy(data, count * 255, data, slot * 255, lengths[slot]);
        }
        return this;
    }

    private int indexOf(int id) {
        for (int i = 0; i < count; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@link #write} will use the two-byte form. */
    public boolean usesTwoByteForm() {
        if (forceTwoByte) {
            return true;
        }
        for (int i = 0; i < count; i++) {
            if (ids[i] > 14 || lengths[i] < 1 || lengths[i] > 16) {
                return true;
            }
        }
        return false;
    }

    /** Bytes {@link #write} produces: 0 when empty, else the 4-byte header and the elements padded to 32 bits. */
    public int encodedLength() {
        if (count == 0) {
            return 0;
        }
        int header = usesTwoByteForm() ? 2 : 1;
        int body = 0;
        for (int i = 0; i < count; i++) {
            body += header + lengths[i];
        }
        return 4 + ((body + 3) & ~3);
    }

    /** Writes the whole extension block (RFC 3550 §5.3.1 header included) at {@code off}; returns its length. */
    public int write(byte[] dst, int off) {
        int total = encodedLength();
        if (total == 0) {
            return 0;
        }
        boolean two = usesTwoByteForm();
        NetworkOrder.put16(dst, off, two ? HeaderExtensionReader.TWO_BYTE_PROFILE : HeaderExtensionReader.ONE_BYTE_PROFILE);
        NetworkOrder.put16(dst, off + 2, (total - 4) / 4);
        int p = off + 4;
        for (int i = 0; i < count; i++) {
            if (two) {
                dst[p++] = (byte) ids[i];
                dst[p++] = (byte) lengths[i];
            } else {
                dst[p++] = (byte) (ids[i] << 4 | (lengths[i] - 1)); // RFC 8285 §4.2: L is length minus one
            }
            System.arraycopy(data, i * 255, dst, p, lengths[i]);
            p += lengths[i];
        }
        Arrays.fill(dst, p, off + total, (byte) 0);
        return total;
    }
}
