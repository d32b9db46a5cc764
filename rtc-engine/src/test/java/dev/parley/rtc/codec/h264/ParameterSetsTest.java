package dev.parley.rtc.codec.h264;

import static dev.parley.rtc.codec.h264.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParameterSetsTest {
    @Test
    void constrainedBaselineSpsGoldenBytes() throws Exception {
        // §7.3.2.1.1 field by field for 640x480: 42 e0 1f | sps_id ue(0)=1 | log2_max_frame_num_minus4 ue(4)=00101
        // | poc_type ue(2)=011 | max_num_ref_frames ue(1)=010 | gaps 0 | width_mbs-1 ue(39)=00000101000
        // | height_map_units-1 ue(29)=000011110 | frame_mbs_only 1 | direct_8x8 1 | cropping 0 | vui 0 | stop bit 1
        SeqParameterSet sps = SeqParameterSet.constrainedBaseline(640, 480, SeqParameterSet.LEVEL_3_1);
        assertThat(SpsWriter.write(sps)).isEqualTo(hex("67 42e01f 95a0280f64"));
        assertThat(sps.profileLevelId()).isEqualTo("42e01f");
        assertThat(sps.isConstrainedBaseline()).isTrue();
        // 100x60: 7x4 macroblocks, frame_cropping_flag 1, right offset ue(6)=00111, bottom ue(2)=011 (crop units of 2)
        assertThat(SpsWriter.write(SeqParameterSet.constrainedBaseline(100, 60, 31))).isEqualTo(hex("67 42e01f 95a1c9e7b4"));
    }

    @Test
    void ppsGoldenBytes() throws Exception {
        // §7.3.2.2: pps_id 1 | sps_id 1 | cavlc 0 | bottom_field 0 | slice_groups-1 1 | l0-1 1 | l1-1 1 | weighted 0
        // | bipred 00 | qp-26 1 | qs-26 1 | chroma_offset 1 | deblocking_control 1 | constrained_intra 0
        // | redundant 0 | stop bit 1 -> 1100 1110 0011 1100 1000 0000
        byte[] nal = PpsWriter.write(PicParameterSet.constrainedBaseline(0, 0));
        assertThat(nal).isEqualTo(hex("68 ce3c80"));
        assertThat(PpsParser.parse(nal)).isEqualTo(PicParameterSet.constrainedBaseline(0, 0));
    }

    @Test
    void spsRoundTripsForManySizes() throws Exception {
        for (int w = 2; w <= 1920; w += (w < 64 ? 2 : 46)) {
            for (int h : new int[] {2, 14, 16, 60, 144, 240, 360, 404, 1080}) {
                SeqParameterSet sps = SeqParameterSet.constrainedBaseline(w, h, 31);
                SeqParameterSet parsed = SpsParser.parse(SpsWriter.write(sps));
                assertThat(parsed).isEqualTo(sps);
                assertThat(parsed.width()).isEqualTo(w);
                assertThat(parsed.height()).isEqualTo(h);
                assertThat(parsed.frameCropping()).isEqualTo(w % 16 != 0 || h % 16 != 0);
            }
        }
    }

    @Test
    void highProfileSpsRoundTrips() throws Exception {
        SeqParameterSet high = new SeqParameterSet(100, 0, 40, 3, 1, false, 8, 8, 6, 0, 7, 4, false, 120, 68, true, true,
                0, 0, 0, 4, false);
        assertThat(SpsParser.parse(SpsWriter.write(high))).isEqualTo(high);
        assertThat(high.height()).isEqualTo(1080);
        assertThat(high.profileLevelId()).isEqualTo("640028");
    }

    @Test
    void parsesRealSpsFromPublicSources() throws Exception {
        int parsed = 0;
        for (String line : fixtureLines("real-sps.hex")) {
            String[] f = line.split("\\s+", 4);
            byte[] bytes = hex(f[3]);
            SeqParameterSet sps = f[2].equals("nal")
                    ? SpsParser.parse(bytes)
                    : SpsParser.parseRbsp(new BitReader(bytes));
            assertThat(sps.width() + "x" + sps.height()).as(line).isEqualTo(f[0]);
            assertThat(sps.profileLevelId()).isEqualTo(f[1]);
            parsed++;
        }
        assertThat(parsed).isEqualTo(5);
    }

    @Test
    void rejectsMalformedAndOversizedSps() {
        byte[] good = SpsWriter.write(SeqParameterSet.constrainedBaseline(640, 480, 31));
        assertThatThrownBy(() -> SpsParser.parse(hex("68 42e01f95"))).hasMessageContaining("not an SPS");
        assertThatThrownBy(() -> SpsParser.parse(hex("67 42e0"))).hasMessageContaining("too short");
        // every truncation fails cleanly
        for (int len = 0; len < good.length; len++) {
            byte[] cut = Arrays.copyOf(good, len);
            assertThatThrownBy(() -> SpsParser.parse(cut)).isInstanceOf(H264ParseException.class);
        }
        // pic_width_in_mbs_minus1 = 5000: too wide
        assertThatThrownBy(() -> SpsParser.parse(spsWith(5000, 10, null))).hasMessageContaining("pic_width_in_mbs_minus1");
        // 1000x1000 macroblocks: each side fits, the area does not
        assertThatThrownBy(() -> SpsParser.parse(spsWith(999, 999, null))).hasMessageContaining("too large");
        // cropping away the whole picture
        assertThatThrownBy(() -> SpsParser.parse(spsWith(1, 1, new int[] {8, 8, 0, 0}))).hasMessageContaining("leaves no picture");
        // seq_parameter_set_id 32
        BitWriter w = new BitWriter();
        w.writeBits(0x42e01f, 24);
        w.writeUe(32);
        w.writeTrailingBits();
        assertThatThrownBy(() -> SpsParser.parse(Nal.withHeader(NalHeader.of(3, 7), w.toByteArray())))
                .hasMessageContaining("seq_parameter_set_id");
    }

    @Test
    void rejectsMalformedPps() {
        assertThatThrownBy(() -> PpsParser.parse(hex("67 ce3c80"))).hasMessageContaining("not a PPS");
        assertThatThrownBy(() -> PpsParser.parse(hex("68 ce"))).isInstanceOf(H264ParseException.class);
        // num_slice_groups_minus1 = 1: 1 1 0 0 010 ...
        assertThatThrownBy(() -> PpsParser.parse(hex("68 c4 ff"))).hasMessageContaining("slice groups");
    }

    @Test
    void fuzzedSpsAndPpsNeverThrowUnchecked() throws Exception {
        Random rnd = new Random(11);
        byte[][] seeds = {
            SpsWriter.write(SeqParameterSet.constrainedBaseline(100, 60, 31)),
            SpsWriter.write(new SeqParameterSet(100, 0, 40, 3, 1, false, 8, 8, 6, 0, 7, 4, false, 120, 68, true, true, 0, 0, 0, 4, false)),
            hex("67 7a001fbcd9405005ba1000000300c000002ae0f1831960"),
            PpsWriter.write(PicParameterSet.constrainedBaseline(0, 0)),
        };
        int ok = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] b = seeds[rnd.nextInt(seeds.length)].clone();
            int flips = 1 + rnd.nextInt(4);
            for (int i = 0; i < flips; i++) {
                int pos = 1 + rnd.nextInt(b.length - 1);
                b[pos] = rnd.nextBoolean() ? (byte) rnd.nextInt(256) : (byte) (b[pos] ^ (1 << rnd.nextInt(8)));
            }
            if (rnd.nextInt(4) == 0) {
                b = Arrays.copyOf(b, 1 + rnd.nextInt(b.length + 8));
            }
            try {
                if (NalHeader.type(b[0]) == NalUnitType.SPS) {
                    SeqParameterSet sps = SpsParser.parse(b);
                    assertThat(sps.width()).isPositive().isLessThanOrEqualTo(16384);
                    assertThat(sps.height()).isPositive().isLessThanOrEqualTo(16384);
                } else {
                    PpsParser.parse(b);
                }
                ok++;
            } catch (H264ParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(ok).isPositive();
    }

    private static byte[] spsWith(int widthMinus1, int heightMinus1, int[] crop) {
        BitWriter w = new BitWriter();
        w.writeBits(0x42e01f, 24);
        w.writeUe(0);
        w.writeUe(0);
        w.writeUe(2);
        w.writeUe(1);
        w.writeBit(false);
        w.writeUe(widthMinus1);
        w.writeUe(heightMinus1);
        w.writeBit(true);
        w.writeBit(true);
        w.writeBit(crop != null);
        if (crop != null) {
            for (int c : crop) {
                w.writeUe(c);
            }
        }
        w.writeBit(false);
        w.writeTrailingBits();
        return Nal.withHeader(NalHeader.of(3, 7), w.toByteArray());
    }

    private static String[] fixtureLines(String name) throws IOException {
        try (InputStream in = ParameterSetsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).toArray(String[]::new);
        }
    }
}
