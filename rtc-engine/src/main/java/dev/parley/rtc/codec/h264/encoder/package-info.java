/**
 * Parley's own H.264 Constrained Baseline encoder ({@link dev.parley.rtc.codec.h264.encoder.H264Encoder}).
 *
 * <p>One frame goes: {@code H264Encoder} (keyframe decision, SPS/PPS, slices, frame_num) -> {@code RateController}
 * (frame QP, then a QP per macroblock row) -> for every macroblock {@code MacroblockEncoder}: in P slices the P_Skip
 * vector ({@code MotionVectorPrediction}, §8.4.1.1) and a skip trial, else {@code MotionSearch} (candidates, small
 * diamond, half- then quarter-sample refinement on {@code HalfPelPlanes}) and, where motion fails, intra; in I
 * slices Intra 16x16 vs Intra 4x4 by SATD ({@code Intra16x16Predictor}, {@code Intra4x4Predictor},
 * {@code IntraChromaPredictor}) -> {@code ResidualCoder} (forward transform, quantiser, decimation, and the
 * decoder's own dequantisation and inverse transform into the reconstruction) -> {@code MacroblockWriter} +
 * {@code CavlcWriter} (syntax, §7.3.5 and §9.2) -> after the last macroblock the {@code Deblocker} (§8.7) filters
 * the reconstruction, which becomes the reference picture.
 *
 * <p>Every decoder-side step (intra and inter prediction, dequantisation, inverse transforms, deblocking) follows
 * the spec to the bit, and each is tested against jcodec's decoder; the whole encoder is tested frame by frame
 * against jcodec and ffmpeg, so the encoder's reference is exactly what receivers see: no drift.
 *
 * <p>Not used (Constrained Baseline allows them but they would not pay here): partitions smaller than 16x16,
 * multiple reference frames, Intra 8x8 (High profile), CABAC (Main profile).
 */
package dev.parley.rtc.codec.h264.encoder;
