package dev.parley.rtc.codec.h264;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte stream format (H.264 Annex B): NAL units separated by start code prefixes 0x000001, optionally with a
 * leading zero_byte (the 4-byte form 0x00000001). Splitting returns NAL units without start codes; joining writes
 * the 4-byte form before every unit.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * Splits a byte stream into NAL units. Bytes before the first start code are ignored (leading_zero_8bits, or
     * garbage), trailing zero bytes of a unit are trailing_zero_8bits (B.2) and are dropped, and empty units (two
     * start codes in a row) are skipped. Never throws; the output never holds more bytes than the input.
     */
    public static List<byte[]> split(byte[] stream) {
        return split(stream, 0, stream.length);
    }

    public static List<byte[]> split(byte[] b, int off, int len) {
        List<byte[]> units = new ArrayList<>();
        int end = off + len;
        int payloadStart = -1;
        int i = off;
        while (i + 2 < end) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                if (payloadStart >= 0) {
                    addUnit(units, b, payloadStart, i);
                }
                i += 3;
                payloadStart = i;
            } else {
                i++;
            }
        }
        if (payloadStart >= 0) {
            addUnit(units, b, payloadStart, end);
        }
        return units;
    }

    private static void addUnit(List<byte[]> units, byte[] b, int from, int to) {
        while (to > from && b[to - 1] == 0) {
            to--; // trailing_zero_8bits, or the zero_byte of a following 4-byte start code
        }
        if (to > from) {
            units.add(Arrays.copyOfRange(b, from, to));
        }
    }

    /** Joins NAL units into a byte stream, each preceded by 0x00000001. */
    public static byte[] join(List<byte[]> nalUnits) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nalUnits) {
            out.writeBytes(START_CODE);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
