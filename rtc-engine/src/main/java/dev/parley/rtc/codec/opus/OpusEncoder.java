package dev.parley.rtc.codec.opus;

import dev.parley.rtc.media.AudioFrame;
import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/**
 * Encodes 48 kHz {@link AudioFrame}s of 10 or 20 ms into Opus packets: VOIP application, voice signal, VBR,
 * in-band FEC on, DTX on.
 *
 * <p>{@link #encode} runs on one audio thread. The setters ({@link #setBitrate}, {@link #setPacketLossPercent},
 * {@link #setComplexity}) may be called from any thread (congestion control, the RTCP receiver): they store the
 * value and the next {@code encode} applies it. Out-of-range values are clamped, because they arrive from
 * estimators, not from people.
 *
 * <p>With DTX on, a silent stretch produces packets of at most {@value #DTX_MAX_BYTES} bytes (TOC only); the
 * caller need not send them ({@link #isDtx}), the far decoder generates comfort noise on its own. Opus's voice
 * activity detector takes a steady pure tone for background noise: after about a second of one it goes to DTX
 * as well. A synthetic tone source that must stay audible turns DTX off ({@link #setDtx}).
 */
public final class OpusEncoder {

    public static final int MIN_BITRATE = 6_000;
    public static final int MAX_BITRATE = 510_000;
    public static final int DEFAULT_BITRATE = 32_000;
    /** Complexity 9 as libwebrtc uses on desktops; 10 costs more CPU for little gain in speech. */
    public static final int DEFAULT_COMPLEXITY = 9;
    /** A packet this short carries no audio: DTX (RFC 6716 §3.2.1 allows a zero-length frame). */
    public static final int DTX_MAX_BYTES = 2;

    private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
    private final int channels;

    private volatile int bitrate = DEFAULT_BITRATE;
    private volatile int lossPercent;
    private volatile int complexity = DEFAULT_COMPLEXITY;
    private volatile boolean dtx = true;
    private int appliedBitrate = -1;
    private int appliedLoss = -1;
    private int appliedComplexity = -1;
    private boolean appliedDtx = true;

    /** An encoder for mono (1) or stereo (2) frames at the default bitrate, 0% expected loss. */
    public OpusEncoder(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
        this.channels = channels;
        try {
            encoder = new io.github.jaredmdobson.concentus.OpusEncoder(AudioFrame.SAMPLE_RATE, channels,
                    OpusApplication.OPUS_APPLICATION_VOIP);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a 48 kHz VOIP encoder: " + e.getMessage(), e);
        }
        encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
        encoder.setUseVBR(true);
        encoder.setUseInbandFEC(true);
        encoder.setUseDTX(true);
        apply();
    }

    /**
     * Encodes one frame into {@code out} from {@code outOffset} and returns the packet length in bytes.
     * Up to {@link OpusFormat#MAX_FRAME_BYTES} bytes are used; less room makes the encoder spend fewer bits.
     *
     * @throws IllegalArgumentException if the frame's channel count differs from the encoder's or there is no room
     */
    public int encode(AudioFrame frame, byte[] out, int outOffset) {
        if (frame.channels() != channels) {
            throw new IllegalArgumentException("encoder is for " + channels + " channel(s), frame has "
                    + frame.channels());
        }
        int room = Math.min(out.length - outOffset, OpusFormat.MAX_FRAME_BYTES);
        if (outOffset < 0 || room < 3) {
            throw new IllegalArgumentException("need at least 3 bytes of room at offset " + outOffset);
        }
        apply();
        try {
            return encoder.encode(frame.samples(), frame.offset(), frame.samplesPerChannel(), out, outOffset, room);
        } catch (OpusException e) {
            // Every argument was checked above: this is a Concentus failure, not bad input.
            throw new IllegalStateException("Opus encode failed: " + e.getMessage(), e);
        }
    }

    /** Whether a packet of this length is a DTX packet that carries no audio and need not be sent. */
    public static boolean isDtx(int packetLength) {
        return packetLength <= DTX_MAX_BYTES;
    }

    /** Target bitrate in bit/s, clamped to [{@value #MIN_BITRATE}, {@value #MAX_BITRATE}]. Any thread. */
    public void setBitrate(int bitsPerSecond) {
        bitrate = Math.max(MIN_BITRATE, Math.min(MAX_BITRATE, bitsPerSecond));
    }

    /** Expected packet loss in percent, clamped to [0, 100]: more loss makes the encoder spend more on FEC. */
    public void setPacketLossPercent(int percent) {
        lossPercent = Math.max(0, Math.min(100, percent));
    }

    /** Computational complexity, clamped to [0, 10]. Any thread. */
    public void setComplexity(int value) {
        complexity = Math.max(0, Math.min(10, value));
    }

    /** Discontinuous transmission on (the default) or off. Any thread. */
    public void setDtx(boolean on) {
        dtx = on;
    }

    public boolean dtx() {
        return dtx;
    }

    public int bitrate() {
        return bitrate;
    }

    public int packetLossPercent() {
        return lossPercent;
    }

    public int complexity() {
        return complexity;
    }

    public int channels() {
        return channels;
    }

    /** The encoder's look-ahead in samples per channel at 48 kHz: part of the codec delay. */
    public int lookaheadSamples() {
        return encoder.getLookahead();
    }

    private void apply() {
        int b = bitrate;
        if (b != appliedBitrate) {
            encoder.setBitrate(b);
            appliedBitrate = b;
        }
        int l = lossPercent;
        if (l != appliedLoss) {
            encoder.setPacketLossPercent(l);
            appliedLoss = l;
        }
        boolean d = dtx;
        if (d != appliedDtx) {
            encoder.setUseDTX(d);
            appliedDtx = d;
        }
        int c = complexity;
        if (c != appliedComplexity) {
            encoder.setComplexity(c);
            appliedComplexity = c;
        }
    }
}
