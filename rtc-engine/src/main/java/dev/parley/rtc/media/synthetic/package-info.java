/**
 * Synthetic, seeded video clips ({@link dev.parley.rtc.media.synthetic.SyntheticVideo}): a noisy test card, a
 * sub-pixel pan over a detailed texture, moving shapes, pure noise and scene cuts, rendered frame by frame into
 * caller-owned I420 {@link dev.parley.rtc.media.VideoFrame}s.
 */
package dev.parley.rtc.media.synthetic;
