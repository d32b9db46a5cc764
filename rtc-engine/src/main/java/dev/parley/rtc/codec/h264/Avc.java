package dev.parley.rtc.codec.h264;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The length-prefixed ("AVC", ISO/IEC 14496-15 §5.3.4.2) form of an access unit: each NAL unit preceded by its size
 * as a big-endian integer of 1, 2 or 4 bytes.
 */
public final class Avc {
    private Avc() {
    }

    public static byte[] toLengthPrefixed(List<byte[]> nalUnits, int lengthSize) {
        checkLengthSize(lengthSize);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nalUnits) {
            if (lengthSize < 4 && nal.length >= 1 << (8 * lengthSize)) {
                throw new IllegalArgumentException("NAL unit of " + nal.length + " bytes needs more than " + lengthSize + " length bytes");
            }
            for (int s = lengthSize - 1; s >= 0; s--) {
                out.write(nal.length >>> (8 * s));
            }
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    /** Splits length-prefixed NAL units; a length running past the end or a zero length is an error. */
    public static List<byte[]> fromLengthPrefixed(byte[] b, int lengthSize) throws H264ParseException {
        checkLengthSize(lengthSize);
        List<byte[]> units = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            if (b.length - i < lengthSize) {
                throw new H264ParseException("truncated length field at offset " + i);
            }
            long len = 0;
            for (int s = 0; s < lengthSize; s++) {
                len = len << 8 | (b[i++] & 0xff);
            }
            if (len == 0 || len > b.length - i) {
                throw new H264ParseException("NAL unit length " + len + " at offset " + (i - lengthSize)
                        + " with " + (b.length - i) + " bytes left");
            }
            units.add(Arrays.copyOfRange(b, i, i + (int) len));
            i += (int) len;
        }
        return units;
    }

    private static void checkLengthSize(int lengthSize) {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("length size " + lengthSize + " is not 1, 2 or 4");
        }
    }
}
