package dev.parley.rtc.codec.h264;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.lang.reflect.Field;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.decode.FrameReader;
import org.jcodec.codecs.h264.decode.MBlock;
import org.jcodec.codecs.h264.decode.SliceReader;
import org.jcodec.codecs.h264.io.model.MBType;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * End-to-end check of the bitstream layer against jcodec 0.2.5 (a test-only oracle). jcodec's full decoder accepts
 * the stream and reports the cropped size, but it cannot check the pixels: its I_PCM macroblock decoder never copies
 * the samples it parsed into the picture (MBlockDecoderIPCM only collects predictors; the output stays mid-grey).
 * So the samples are checked one level down, through jcodec's own slice parser ({@code FrameReader} ->
 * {@code SliceReader.readMacroblock}): every macroblock must parse as I_PCM and carry exactly the input samples
 * (edge-replicated where the picture is cropped). I_PCM is lossless, so this is the bit-exact check.
 */
class PcmIntraWriterJcodecTest {
    @ParameterizedTest
    @CsvSource({"176,144", "320,240", "100,60", "2,2", "18,34", "640,360"})
    void jcodecParsesTheExactSamples(int width, int height) throws Exception {
        Random rnd = new Random(width * 31L + height);
        PcmIntraWriter writer = new PcmIntraWriter(width, height);
        for (int frame = 0; frame < 2; frame++) {
            byte[][] planes = testPicture(width, height, rnd, frame);
            List<byte[]> au = writer.writeIdr(planes[0], planes[1], planes[2]);
            assertThat(au).extracting(n -> NalHeader.type(n[0])).containsExactly(7, 8, 5);

            // Through RTP too: packetized at a typical budget and reassembled before decoding.
            H264RtpTestSupport.assertRtpRoundTrip(au, 1188);

            Picture pic = decode(au, writer.sps());
            assertThat(pic.getCroppedWidth()).isEqualTo(width);
            assertThat(pic.getCroppedHeight()).isEqualTo(height);
            assertMacroblockSamples(au, writer.sps(), planes, width, height);
        }
    }

    /** Reads every macroblock with jcodec's slice parser and compares its I_PCM samples with the source. */
    private static void assertMacroblockSamples(List<byte[]> au, SeqParameterSet sps, byte[][] planes, int w, int h)
            throws Exception {
        List<ByteBuffer> nals = new java.util.ArrayList<>();
        for (byte[] nal : au) {
            nals.add(ByteBuffer.wrap(nal.clone())); // jcodec unescapes in place (shared/codec/CODEC-NOTES.md)
        }
        List<SliceReader> slices = new FrameReader().readFrame(nals);
        assertThat(slices).hasSize(1);
        SliceReader slice = slices.get(0);
        int mbW = sps.picWidthInMbs();
        int total = mbW * sps.frameHeightInMbs();
        Field ipcmField = MBlock.class.getField("ipcm");
        int count = 0;
        MBlock mb = new MBlock(ColorSpace.YUV420J);
        while (count < total && slice.readMacroblock(mb)) {
            assertThat(mb.curMbType).isEqualTo(MBType.I_PCM);
            Object ipcm = ipcmField.get(mb);
            Field lumaField = ipcm.getClass().getField("samplesLuma");
            Field chromaField = ipcm.getClass().getField("samplesChroma");
            lumaField.setAccessible(true);
            chromaField.setAccessible(true);
            int[] luma = (int[]) lumaField.get(ipcm);
            int[] chroma = (int[]) chromaField.get(ipcm);
            int mbX = mb.mbIdx % mbW;
            int mbY = mb.mbIdx / mbW;
            for (int i = 0; i < 256; i++) {
                assertSample(luma[i], planes[0], w, h, mbX * 16 + i % 16, mbY * 16 + i / 16, "Y", mb.mbIdx);
            }
            for (int i = 0; i < 64; i++) {
                assertSample(chroma[i], planes[1], w / 2, h / 2, mbX * 8 + i % 8, mbY * 8 + i / 8, "U", mb.mbIdx);
                assertSample(chroma[64 + i], planes[2], w / 2, h / 2, mbX * 8 + i % 8, mbY * 8 + i / 8, "V", mb.mbIdx);
            }
            count++;
            mb = new MBlock(ColorSpace.YUV420J);
        }
        assertThat(count).isEqualTo(total);
    }

    private static void assertSample(int got, byte[] plane, int pw, int ph, int x, int y, String name, int mbIdx) {
        int expected = plane[Math.min(y, ph - 1) * pw + Math.min(x, pw - 1)] & 0xff;
        if (got != expected) {
            throw new AssertionError(name + " sample (" + x + "," + y + ") of macroblock " + mbIdx + ": expected "
                    + expected + ", jcodec parsed " + got);
        }
    }

    @Test
    void parsesItsOwnParameterSets() throws Exception {
        PcmIntraWriter writer = new PcmIntraWriter(100, 60);
        List<byte[]> au = writer.writeIdr(new byte[6000], new byte[1500], new byte[1500]);
        SeqParameterSet sps = SpsParser.parse(au.get(0));
        assertThat(sps.width()).isEqualTo(100);
        assertThat(sps.height()).isEqualTo(60);
        assertThat(sps.profileLevelId()).isEqualTo("42e01f");
        assertThat(PpsParser.parse(au.get(1)).deblockingFilterControlPresent()).isTrue();
    }

    private static Picture decode(List<byte[]> au, SeqParameterSet sps) {
        int w = sps.picWidthInMbs() * 16;
        int h = sps.frameHeightInMbs() * 16;
        byte[][] buffer = new byte[3][w * h];
        // jcodec unescapes in place (shared/codec/CODEC-NOTES.md): it gets a fresh copy.
        Picture pic = new H264Decoder().decodeFrame(ByteBuffer.wrap(AnnexB.join(au)), buffer);
        assertThat(pic).as("jcodec decoded a picture").isNotNull();
        return pic;
    }

    // Gradients, a moving square, noise, and runs of 0x00/0x01 bytes so emulation prevention is exercised.
    private static byte[][] testPicture(int w, int h, Random rnd, int frame) {
        byte[][] p = {new byte[w * h], new byte[w * h / 4], new byte[w * h / 4]};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 3 + y * 2 + frame * 7) & 0xff;
                if (x / 8 % 5 == 0) {
                    v = rnd.nextInt(256);
                } else if (y / 4 % 7 == 3) {
                    v = rnd.nextInt(3);
                }
                p[0][y * w + x] = (byte) v;
            }
        }
        for (int i = 0; i < p[1].length; i++) {
            p[1][i] = (byte) (i % 9 < 4 ? 0 : rnd.nextInt(256));
            p[2][i] = (byte) (i % 5 == 0 ? 1 : 255 - (i & 0xff));
        }
        return p;
    }
}
