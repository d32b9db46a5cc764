package dev.parley.rtc.codec.h264.decoder;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parley's decoder on a foreign encoder's streams (x264 through ffmpeg, fed Parley's synthetic clips): every
 * picture bit-exact with ffmpeg's decoder, and with jcodec's where jcodec decodes the stream right (it always
 * deblocks): several slices, up to five reference frames, every P partition and sub-partition, deblocking offsets,
 * intra refresh, QPs low and high. {@link ParleyH264DecoderRewrittenStreamsTest} has more. Skipped without ffmpeg
 * and libx264.
 */
class ParleyH264DecoderForeignStreamsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsX264() {
        assumeTrue(X264.available(), "ffmpeg with libx264 is not installed: the foreign streams are skipped");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "PAN;    keyint=30:partitions=all:subme=7:ref=1",
        "SHAPES; keyint=4:partitions=all:subme=7:ref=5:slices=4",
        "CUTS;   keyint=30:partitions=all:ref=3:slices=3:deblock=-3,2",
        "NOISE;  keyint=30:partitions=all:ref=2:deblock=3,-3:qp=40",
        "STATIC; keyint=30:partitions=all:ref=4:deblock=6,6:slice-max-size=400",
        "PAN;    keyint=30:partitions=all:ref=2:deblock=-6,-6:qp=12",
        "SHAPES; keyint=30:partitions=all:intra-refresh=1:ref=1",
    })
    void baselineStreamsMatchFfmpegAndJcodec(Kind kind, String params) throws Exception {
        byte[] stream = X264.encode(dir, SyntheticVideo.of(kind, 176, 144, 2), 6, "baseline", params);
        List<byte[]> own = decodeAndCompareWithFfmpeg(DecodedFrames.Stream.annexB(stream), 176, 144);
        try (JcodecH264Decoder jcodec = new JcodecH264Decoder()) {
            DecodedFrames.assertSame("jcodec", DecodedFrames.decodeAll(jcodec,
                    DecodedFrames.Stream.annexB(stream).units()), own, 176, 144);
        }
    }

    private List<byte[]> decodeAndCompareWithFfmpeg(DecodedFrames.Stream s, int w, int h) throws Exception {
        List<byte[]> own;
        try (ParleyH264Decoder d = new ParleyH264Decoder()) {
            own = DecodedFrames.decodeAll(d, s.units());
        }
        DecodedFrames.assertSame("ffmpeg", Ffmpeg.decode(dir, "f", s.annexB()), own, w, h);
        return new ArrayList<>(own);
    }
}
