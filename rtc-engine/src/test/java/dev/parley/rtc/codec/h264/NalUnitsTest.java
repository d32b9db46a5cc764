package dev.parley.rtc.codec.h264;

import static dev.parley.rtc.codec.h264.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NalUnitsTest {
    @Test
    void emulationPreventionGoldenBytes() throws Exception {
        // §7.4.1: 0x03 is inserted after 00 00 when the next byte is 00, 01, 02 or 03, and not before 04.
        assertThat(EmulationPrevention.escape(hex("ab000000 ab000001 ab000002 ab000003 ab000004")))
                .isEqualTo(hex("ab00000300 ab00000301 ab00000302 ab00000303 ab000004"));
        // The zero count restarts after an inserted byte: 00 00 00 00 01 -> 00 00 03 00 00 03 01.
        assertThat(EmulationPrevention.escape(hex("00000000 01"))).isEqualTo(hex("000003 000003 01"));
        // A trailing zero byte gets a final 03 (cabac_zero_word case).
        assertThat(EmulationPrevention.escape(hex("ab00"))).isEqualTo(hex("ab0003"));
        assertThat(EmulationPrevention.unescape(hex("ab00000300 ab00000301 ab000004"))).isEqualTo(hex("ab000000 ab000001 ab000004"));
        assertThatThrownBy(() -> EmulationPrevention.unescape(hex("ff000001"))).isInstanceOf(H264ParseException.class);
    }

    @Test
    void emulationPreventionRoundTripsRandomZeroHeavyData() throws Exception {
        Random rnd = new Random(1);
        for (int round = 0; round < 2000; round++) {
            byte[] rbsp = new byte[rnd.nextInt(40)];
            for (int i = 0; i < rbsp.length; i++) {
                rbsp[i] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(4));
            }
            byte[] escaped = EmulationPrevention.escape(rbsp);
            for (int i = 0; i + 2 < escaped.length; i++) {
                assertThat(escaped[i] == 0 && escaped[i + 1] == 0 && (escaped[i + 2] & 0xff) <= 2).isFalse();
            }
            byte[] back = EmulationPrevention.unescape(escaped);
            if (back.length == rbsp.length + 1) {
                // the 0x03 appended after a trailing 0x00 stays, unless it followed 00 00 and was read as an escape
                assertThat(back).startsWith(rbsp).endsWith((byte) 3);
            } else {
                assertThat(back).isEqualTo(rbsp);
            }
        }
    }

    @Test
    void nalHeaderFields() {
        NalHeader h = NalHeader.parse((byte) 0x67);
        assertThat(h).isEqualTo(new NalHeader(false, 3, NalUnitType.SPS));
        assertThat(h.toByte()).isEqualTo((byte) 0x67);
        assertThat(NalHeader.parse((byte) 0x85)).isEqualTo(new NalHeader(true, 0, 5));
        assertThat(NalHeader.of(2, NalUnitType.SLICE_NON_IDR).toByte()).isEqualTo((byte) 0x41);
    }

    @Test
    void annexBSplitsThreeAndFourByteStartCodes() {
        byte[] stream = hex("00 00 00 01 67 42 e0 1f   00 00 01 68 ce 3c 80   00 00 00 01 65 88 00 00 03 01 84 00 00");
        List<byte[]> units = AnnexB.split(stream);
        assertThat(units).hasSize(3);
        assertThat(units.get(0)).isEqualTo(hex("6742e01f"));
        assertThat(units.get(1)).isEqualTo(hex("68ce3c80"));
        assertThat(units.get(2)).isEqualTo(hex("6588000003 0184"));
        assertThat(AnnexB.join(units)).isEqualTo(hex("00000001 6742e01f 00000001 68ce3c80 00000001 6588000003 0184"));
        assertThat(AnnexB.split(AnnexB.join(units))).usingRecursiveComparison().isEqualTo(units);
    }

    @Test
    void annexBIgnoresLeadingGarbageAndEmptyUnits() {
        assertThat(AnnexB.split(hex("ff ee 000001 000001 09f0 00000000 01 41"))).extracting(Hex::str)
                .containsExactly("09f0", "41");
        assertThat(AnnexB.split(hex(""))).isEmpty();
        assertThat(AnnexB.split(hex("0000"))).isEmpty();
    }

    @Test
    void avcLengthPrefixedRoundTrip() throws Exception {
        List<byte[]> units = List.of(hex("6742e01f"), hex("68ce3c80"), hex("65888400"));
        byte[] avc = Avc.toLengthPrefixed(units, 4);
        assertThat(avc).isEqualTo(hex("00000004 6742e01f 00000004 68ce3c80 00000004 65888400"));
        assertThat(Avc.fromLengthPrefixed(avc, 4)).usingRecursiveComparison().isEqualTo(units);
        assertThat(Avc.fromLengthPrefixed(Avc.toLengthPrefixed(units, 2), 2)).usingRecursiveComparison().isEqualTo(units);
        assertThatThrownBy(() -> Avc.fromLengthPrefixed(hex("00000005 6742e01f"), 4)).isInstanceOf(H264ParseException.class);
        assertThatThrownBy(() -> Avc.fromLengthPrefixed(hex("0000"), 4)).isInstanceOf(H264ParseException.class);
        assertThatThrownBy(() -> Avc.fromLengthPrefixed(hex("ffffffff 00"), 4)).isInstanceOf(H264ParseException.class);
    }

    @Test
    void fuzzedSplitterAndUnescapeNeverThrowUnchecked() {
        Random rnd = new Random(3);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[rnd.nextInt(64)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(4) == 0 ? rnd.nextInt(256) : rnd.nextInt(2));
            }
            List<byte[]> units = AnnexB.split(b);
            int total = 0;
            for (byte[] u : units) {
                assertThat(u).isNotEmpty();
                total += u.length;
                try {
                    EmulationPrevention.unescape(u);
                } catch (H264ParseException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
            assertThat(total).isLessThanOrEqualTo(b.length);
            try {
                Avc.fromLengthPrefixed(b, 1 << rnd.nextInt(3));
            } catch (H264ParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(new ArrayList<>()).isEmpty();
    }
}
