/**
 * H.264 bitstream layer and RFC 6184 RTP payload format; Parley's encoder is in {@code codec.h264.encoder}, the
 * jcodec-backed decoder in {@code codec.h264.decoder} (docs/h264.md).
 *
 * <ul>
 *   <li>Bits: {@link dev.parley.rtc.codec.h264.BitWriter}, {@link dev.parley.rtc.codec.h264.BitReader} (bounded:
 *       reading past the end is an {@link dev.parley.rtc.codec.h264.H264ParseException}), Exp-Golomb (§9.1),
 *       {@link dev.parley.rtc.codec.h264.EmulationPrevention} (§7.4.1).</li>
 *   <li>NAL units: {@link dev.parley.rtc.codec.h264.NalHeader}, {@link dev.parley.rtc.codec.h264.AnnexB},
 *       {@link dev.parley.rtc.codec.h264.Avc} (length-prefixed).</li>
 *   <li>Parameter sets: {@link dev.parley.rtc.codec.h264.SeqParameterSet} /
 *       {@link dev.parley.rtc.codec.h264.SpsWriter} / {@link dev.parley.rtc.codec.h264.SpsParser},
 *       {@link dev.parley.rtc.codec.h264.PicParameterSet} / {@link dev.parley.rtc.codec.h264.PpsWriter} /
 *       {@link dev.parley.rtc.codec.h264.PpsParser}; Constrained Baseline 42e01f with frame cropping.</li>
 *   <li>{@link dev.parley.rtc.codec.h264.PcmIntraWriter}: lossless I_PCM IDR pictures, a test vehicle for the
 *       bitstream layer and the decoder; {@link dev.parley.rtc.codec.h264.VuiParameters} and
 *       {@link dev.parley.rtc.codec.h264.H264Level}: the SPS's VUI and the level choice (Table A-1).</li>
 *   <li>RTP: {@link dev.parley.rtc.codec.h264.H264Packetizer} and {@link dev.parley.rtc.codec.h264.H264Depacketizer}
 *       (packetization-mode 1: single NAL unit, STAP-A, FU-A), on payload bytes, marker bits and sequence numbers,
 *       independent of the {@code rtp} package's packet classes.</li>
 * </ul>
 *
 * <p>Parsers take hostile input: they throw the checked {@code H264ParseException} or, for the depacketizer, return
 * a counted {@link dev.parley.rtc.codec.h264.DepacketizedFrame.Dropped}; no unchecked exception escapes, and no
 * allocation exceeds the input size or a configured bound.
 */
package dev.parley.rtc.codec.h264;
