package dev.parley.rtc.codec.h264.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.h264.EmulationPrevention;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import dev.parley.rtc.codec.h264.SpsParser;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.synthetic.SyntheticVideo;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.VUIParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parameter sets the encoder puts in its stream, read back by jcodec's SPS parser (an independent reading of
 * §7.3.2.1.1 and Annex E.1.1): Constrained Baseline (profile_idc 66, constraint_set0/1/2: {@code 42e0xx}), the lowest
 * level of Table A-1 that holds the picture size, frame rate and bitrate, VUI timing that gives back the frame rate,
 * a bitstream restriction that promises no reordering and a one-frame buffer, cropping for sizes that are not
 * multiples of 16; and SPS + PPS in front of every IDR (first frame, on request, on the keyframe interval, after a
 * size change) and in front of nothing else.
 */
class ParameterSetsInStreamTest {

    @ParameterizedTest(name = "{0}x{1} at {2} fps, {3} bit/s: level {4}")
    @CsvSource({
            // MaxFS / MaxMBPS / MaxBR of Table A-1; bitrate 0 is a fixed-QP encoder (no bitrate constraint)
            "640,  480,  30,    1000000, 30", // 1200 MBs, 36000 MB/s: > 2.2's 20250 MB/s, within 3.0's 40500
            "640,  480,  30,    2500000, 30",
            "1280, 720,  30,    2500000, 31", // 3600 MBs, 108000 MB/s: 3.1 exactly
            "1920, 1080, 30,    4000000, 40", // 8160 MBs, 244800 MB/s: within 4.0's 245760
            "320,  240,  15,    300000,  12", // 300 MBs, 4500 MB/s: > 1.1's 3000, within 1.2's 6000 and 384 kbit/s
            "320,  240,  15,    0,       12",
            "320,  240,  15,    500000,  13", // the bitrate is over 1.2's 384 kbit/s: 1.3 (768 kbit/s)
            "320,  240,  30,    300000,  13", // 9000 MB/s: 1.3's 11880
            "176,  144,  15,    64000,   10", // QCIF: 99 MBs, 1485 MB/s: level 1
            "1280, 720,  60,    4000000, 32", // 216000 MB/s: 3.2
    })
    void spsIsConstrainedBaselineAtTheLowestFittingLevelWithVuiTiming(int w, int h, double fps, int bitrate,
                                                                        int level) throws Exception {
        H264EncoderConfig config = bitrate > 0
                ? H264EncoderConfig.rateControlled(w, h, bitrate, fps)
                : H264EncoderConfig.fixedQp(w, h, 30, fps);
        H264Encoder encoder = new H264Encoder(config);
        EncodedVideoFrame first = encoder.encode(VideoFrame.black(w, h, 0));
        assertThat(first.keyFrame()).isTrue();
        byte[] spsNal = first.nalUnits().get(0);
        assertThat(NalHeader.type(spsNal[0])).isEqualTo(NalUnitType.SPS);
        assertThat(spsNal[1] & 0xff).as("profile_idc").isEqualTo(66);
        assertThat(spsNal[2] & 0xff).as("constraint flags").isEqualTo(0xe0);
        assertThat(spsNal[3] & 0xff).as("level_idc").isEqualTo(level);

        SeqParameterSet sps = jcodecSps(spsNal);
        assertThat(sps.profileIdc).isEqualTo(66);
        assertThat(sps.constraintSet0Flag).isTrue();
        assertThat(sps.constraintSet1Flag).isTrue(); // A.2.1.1: Constrained Baseline
        assertThat(sps.levelIdc).isEqualTo(level);
        assertThat(sps.numRefFrames).isEqualTo(1);
        assertThat(sps.frameMbsOnlyFlag).isTrue();
        assertThat(16 * (sps.picWidthInMbsMinus1 + 1) - 2 * (sps.frameCropLeftOffset + sps.frameCropRightOffset))
                .isEqualTo(w);
        assertThat(16 * (sps.picHeightInMapUnitsMinus1 + 1) - 2 * (sps.frameCropTopOffset + sps.frameCropBottomOffset))
                .isEqualTo(h);

        VUIParameters vui = sps.vuiParams;
        assertThat(vui).as("VUI").isNotNull();
        assertThat(vui.timingInfoPresentFlag).isTrue();
        // E.2.1: a frame is two ticks of num_units_in_tick / time_scale seconds
        assertThat(vui.timeScale / (2.0 * vui.numUnitsInTick)).isCloseTo(fps, offset(1e-9));
        assertThat(vui.bitstreamRestriction).as("bitstream restriction").isNotNull();
        assertThat(vui.bitstreamRestriction.numReorderFrames).isZero();
        assertThat(vui.bitstreamRestriction.maxDecFrameBuffering).isEqualTo(1);

        // Parley's own parser agrees on what it reads
        dev.parley.rtc.codec.h264.SeqParameterSet own = SpsParser.parse(spsNal);
        assertThat(own.profileLevelId()).isEqualTo(String.format("42e0%02x", level));
        assertThat(own.width()).isEqualTo(w);
        assertThat(own.height()).isEqualTo(h);
        assertThat(own.vuiParametersPresent()).isTrue();
    }

    @Test
    void ntscFrameRateSurvivesTheVuiTiming() throws Exception {
        H264Encoder encoder = new H264Encoder(H264EncoderConfig.rateControlled(640, 360, 800_000, 30000 / 1001.0));
        SeqParameterSet sps = jcodecSps(encoder.encode(VideoFrame.black(640, 360, 0)).nalUnits().get(0));
        VUIParameters vui = sps.vuiParams;
        assertThat(vui.timeScale / (2.0 * vui.numUnitsInTick)).isCloseTo(29.97, offset(1e-3));
        assertThat(sps.levelIdc).isEqualTo(30); // 920 MBs at 27600 MB/s: more than 2.2's 20250
    }

    @Test
    void sizesThatAreNotMultiplesOf16AreCropped() throws Exception {
        H264Encoder encoder = new H264Encoder(H264EncoderConfig.fixedQp(100, 60, 28, 30));
        SeqParameterSet sps = jcodecSps(encoder.encode(VideoFrame.black(100, 60, 0)).nalUnits().get(0));
        // 7x4 macroblocks (112x64); §7.4.2.1.1 crop units of 2 samples for 4:2:0 frames
        assertThat(sps.picWidthInMbsMinus1).isEqualTo(6);
        assertThat(sps.picHeightInMapUnitsMinus1).isEqualTo(3);
        assertThat(sps.frameCroppingFlag).isTrue();
        assertThat(sps.frameCropLeftOffset).isZero();
        assertThat(sps.frameCropRightOffset).isEqualTo(6);
        assertThat(sps.frameCropTopOffset).isZero();
        assertThat(sps.frameCropBottomOffset).isEqualTo(2);
        assertThat(sps.levelIdc).isEqualTo(10); // 28 MBs at 840 MB/s

        H264Encoder aligned = new H264Encoder(H264EncoderConfig.fixedQp(320, 240, 28, 30));
        assertThat(jcodecSps(aligned.encode(VideoFrame.black(320, 240, 0)).nalUnits().get(0)).frameCroppingFlag)
                .isFalse();
    }

    @Test
    void everyIdrAndOnlyAnIdrCarriesSpsAndPps() {
        int interval = 25;
        H264Encoder encoder = new H264Encoder(
                H264EncoderConfig.rateControlled(176, 144, 200_000, 30).withKeyFrameInterval(interval));
        SyntheticVideo clip = SyntheticVideo.of(Kind.CUTS, 176, 144, 4);
        SyntheticVideo small = SyntheticVideo.of(Kind.SHAPES, 96, 64, 4);
        VideoFrame frame = clip.newFrame();
        VideoFrame smallFrame = small.newFrame();
        List<Integer> expectedKeys = List.of(0, 17, 18, 43, 68, 70, 71, 96);
        byte[] firstSps = null;
        byte[] firstPps = null;
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            VideoFrame in;
            if (i == 70) {
                small.render(i, smallFrame); // a size change restarts the stream with a keyframe
                in = smallFrame;
            } else {
                clip.render(i, frame);
                in = frame;
            }
            if (i == 17 || i == 18) {
                encoder.requestKeyFrame();
            }
            EncodedVideoFrame au = encoder.encode(in.withTimestamp(i * 33_333_333L));
            int[] types = au.nalUnits().stream().mapToInt(n -> NalHeader.type(n[0])).toArray();
            if (au.keyFrame()) {
                keys.add(i);
                assertThat(types.length).as("frame %d", i).isGreaterThanOrEqualTo(3);
                assertThat(Arrays.copyOf(types, 3)).as("frame %d", i).containsExactly(
                        NalUnitType.SPS, NalUnitType.PPS, NalUnitType.SLICE_IDR);
                assertThat(Arrays.copyOfRange(types, 2, types.length)).as("frame %d", i)
                        .containsOnly(NalUnitType.SLICE_IDR);
                if (i == 0) {
                    firstSps = au.nalUnits().get(0);
                    firstPps = au.nalUnits().get(1);
                } else if (i != 70) {
                    assertThat(au.nalUnits().get(0)).as("frame %d", i).isEqualTo(firstSps);
                    assertThat(au.nalUnits().get(1)).as("frame %d", i).isEqualTo(firstPps);
                } else {
                    assertThat(au.width()).isEqualTo(96);
                    assertThat(au.nalUnits().get(0)).isNotEqualTo(firstSps);
                }
            } else {
                assertThat(types).as("frame %d", i).isNotEmpty().containsOnly(NalUnitType.SLICE_NON_IDR);
            }
        }
        // the interval counts from the last keyframe, whatever made it
        assertThat(keys).isEqualTo(expectedKeys);
    }

    /** jcodec's reading of an SPS NAL unit (header byte, escaped payload). */
    private static SeqParameterSet jcodecSps(byte[] nal) throws Exception {
        assertThat(NalHeader.type(nal[0])).isEqualTo(NalUnitType.SPS);
        return SeqParameterSet.read(ByteBuffer.wrap(EmulationPrevention.unescape(nal, 1, nal.length - 1)));
    }
}
