/**
 * G.711 (ITU-T G.711) µ-law and A-law, the PCMU and PCMA fallback codecs of RFC 3551, with the resampling
 * between Parley's 48 kHz and G.711's 8 kHz.
 *
 * <p>{@link dev.parley.rtc.codec.g711.G711} holds the two companding laws (arithmetic, no tables for encoding;
 * a 256-entry table for decoding). {@link dev.parley.rtc.codec.g711.G711Encoder} turns a 48 kHz
 * {@link dev.parley.rtc.media.AudioFrame} (stereo is downmixed) into one byte per 8 kHz sample;
 * {@link dev.parley.rtc.codec.g711.G711Decoder} turns a payload back into 48 kHz mono PCM16.
 *
 * <p>Resampling is by 6 in both directions with one linear-phase FIR low-pass ({@code ResamplingFilter}): a
 * 144-tap windowed sinc, cut-off 3.7 kHz, Kaiser window with beta 7 (about 70 dB of stop-band attenuation from
 * about 4.4 kHz), run polyphase: {@code Downsampler48To8} computes only every sixth output (144 multiply-adds
 * per 8 kHz sample), {@code Upsampler8To48} only the non-zero taps (24 per 48 kHz sample). Each direction
 * delays the signal by 71.5 samples at 48 kHz, about 1.5 ms. The 4.0–4.4 kHz band is only partly rejected
 * and folds into 3.6–4.0 kHz, above the 300–3400 Hz telephone band.
 */
package dev.parley.rtc.codec.g711;
