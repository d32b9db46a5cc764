package dev.parley.rtc.codec.h264.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.encoder.H264EncoderConfig;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: valid access units with seeded random damage (bit flips, byte overwrites, truncated or shortened
 * slices) never make the decoder throw or hang; a damaged picture is either refused (Failed, with every delta
 * picture after it refused until the next IDR) or decoded; and from the next IDR on every picture is exactly the
 * undamaged decoding again. Truncations are always caught, other damage about nine times in ten (the rest parses:
 * no decoder can tell).
 */
class ParleyH264DecoderFuzzTest {
    private static final int GOP = 8;

    @TempDir
    Path dir;

    @Test
    void parleyEncoderStream() {
        DecodedFrames.Stream s = DecodedFrames.encode(H264EncoderConfig.rateControlled(160, 96, 600_000, 30)
                .withMaxSliceBytes(250).withKeyFrameInterval(GOP), SyntheticVideo.of(Kind.CUTS, 160, 96, 3),
                2 * GOP, i -> false);
        fuzz(s.units(), 1);
    }

    @Test
    void x264StreamWithSeveralReferencesAndPartitions() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(X264.available(), "ffmpeg with libx264 is not installed");
        byte[] stream = X264.encode(dir, SyntheticVideo.of(Kind.SHAPES, 160, 96, 4), 2 * GOP, "baseline",
                "keyint=" + GOP + ":min-keyint=" + GOP + ":partitions=all:ref=3:slices=2");
        fuzz(DecodedFrames.Stream.annexB(stream).units(), 2);
    }

    private static void fuzz(List<List<byte[]>> units, long seed) {
        assertThat(units).hasSize(2 * GOP);
        List<byte[]> clean;
        try (ParleyH264Decoder d = new ParleyH264Decoder()) {
            clean = DecodedFrames.decodeAll(d, units);
        }
        Random rnd = new Random(seed);
        int[] tried = new int[4];
        int[] caught = new int[4];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int trial = 0; trial < 300; trial++) {
                int damaged = rnd.nextInt(GOP);
                int kind = rnd.nextInt(4);
                try (ParleyH264Decoder decoder = new ParleyH264Decoder()) {
                    for (int i = 0; i < damaged; i++) {
                        assertThat(decoder.decode(units.get(i), i)).isInstanceOf(VideoDecodeResult.Decoded.class);
                    }
                    VideoDecodeResult r = decoder.decode(damage(units.get(damaged), kind, rnd), damaged);
                    tried[kind]++;
                    if (r instanceof VideoDecodeResult.Failed f) {
                        caught[kind]++;
                        assertThat(f.reason()).doesNotContain("internal error");
                        assertThat(f.needsKeyFrame() || f.reason().startsWith("unsupported")).as(f.reason()).isTrue();
                        for (int i = damaged + 1; i < GOP; i++) {
                            VideoDecodeResult next = decoder.decode(units.get(i), i);
                            if (damaged == 0) { // no IDR decoded yet: deltas wait for one
                                assertThat(next).isInstanceOf(VideoDecodeResult.Pending.class);
                            } else {
                                assertThat(next).isInstanceOfSatisfying(VideoDecodeResult.Failed.class,
                                        g -> assertThat(g.reason()).contains("refused"));
                            }
                        }
                    } else if (r instanceof VideoDecodeResult.Pending) {
                        assertThat(damaged).as("Pending only for a first picture no longer an IDR").isZero();
                    } else {
                        for (int i = damaged + 1; i < GOP; i++) {
                            assertThat(decoder.decode(units.get(i), i)).isNotNull();
                        }
                    }
                    for (int i = GOP; i < 2 * GOP; i++) {
                        VideoDecodeResult good = decoder.decode(units.get(i), i);
                        assertThat(good).isInstanceOf(VideoDecodeResult.Decoded.class);
                        assertThat(DecodedFrames.packed(((VideoDecodeResult.Decoded) good).frame()))
                                .as("picture %d after damage of kind %d to picture %d", i, kind, damaged)
                                .isEqualTo(clean.get(i));
                    }
                }
            }
        });
        // Measured: every truncation and nearly every removal caught, 9 in 10 flips and overwrites or more.
        assertThat(caught[1]).as("truncated slices caught").isGreaterThanOrEqualTo(tried[1] * 95 / 100);
        assertThat(caught[2]).as("shortened slices caught").isGreaterThanOrEqualTo(tried[2] * 9 / 10);
        assertThat(caught[0] + caught[3]).as("flipped or overwritten bits caught")
                .isGreaterThanOrEqualTo((tried[0] + tried[3]) * 8 / 10);
    }

    /**
     * Damages one slice of the access unit: 0 flips 1..8 bits, 1 cuts it short, 2 removes a run of bytes from its
     * middle, 3 overwrites 1..4 bytes. The NAL header byte is left alone (a changed type is another test's matter).
     */
    private static List<byte[]> damage(List<byte[]> unit, int kind, Random rnd) {
        List<byte[]> out = new ArrayList<>();
        List<Integer> slices = new ArrayList<>();
        for (byte[] nal : unit) {
            if (NalUnitType.isSlice(NalHeader.type(nal[0]))) {
                slices.add(out.size());
            }
            out.add(nal.clone());
        }
        int which = slices.get(rnd.nextInt(slices.size()));
        byte[] nal = out.get(which);
        switch (kind) {
            case 0 -> {
                for (int k = 1 + rnd.nextInt(8); k > 0; k--) {
                    int bit = 8 + rnd.nextInt((nal.length - 1) * 8);
                    nal[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                }
            }
            case 1 -> nal = Arrays.copyOf(nal, 1 + rnd.nextInt(nal.length - 1));
            case 2 -> {
                int from = 1 + rnd.nextInt(nal.length - 1);
                int len = 1 + rnd.nextInt(Math.max(1, Math.min(40, nal.length - from)));
                byte[] cut = new byte[nal.length - Math.min(len, nal.length - from)];
                System.arraycopy(nal, 0, cut, 0, from);
                System.arraycopy(nal, from + (nal.length - cut.length), cut, from, cut.length - from);
                nal = cut;
            }
            default -> {
                for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
                    nal[1 + rnd.nextInt(nal.length - 1)] = (byte) rnd.nextInt(256);
                }
            }
        }
        out.set(which, nal);
        return out;
    }
}
