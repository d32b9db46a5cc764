package dev.parley.rtc.codec.opus;

import dev.parley.rtc.media.AudioFrame;
import io.github.jaredmdobson.concentus.OpusException;
import java.util.Arrays;

/**
 * Decodes Opus packets into 48 kHz PCM16 (interleaved when stereo), conceals lost frames and recovers them from
 * in-band FEC.
 *
 * <p>Every call writes audio and returns the number of samples per channel written; {@link #lastStatus()} says
 * what that audio is. Packet content never makes a call throw: a malformed or undecodable packet is counted
 * ({@link #corruptPackets()}), reported as {@link OpusDecodeStatus#CORRUPT}, and replaced by concealment of the
 * last frame's duration. Only caller mistakes (an output buffer with no room) throw.
 *
 * <p>Give the output room for 120 ms ({@link OpusFormat#MAX_PACKET_SAMPLES} per channel) to accept every legal
 * packet; a packet longer than the room is treated as corrupt. Not thread-safe: one audio thread decodes.
 */
public final class OpusDecoder {

    /** RFC 6716 §2.1.4 / §3.1: frame durations are multiples of 2.5 ms, 120 samples at 48 kHz. */
    private static final int GRANULE = 120;

    private final int channels;
    private io.github.jaredmdobson.concentus.OpusDecoder decoder;
    private OpusDecodeStatus lastStatus = OpusDecodeStatus.CONCEALED;
    private int lastFrameSamples = AudioFrame.SAMPLES_PER_20_MS;
    private long decodedPackets;
    private long concealedFrames;
    private long fecRecoveredFrames;
    private long corruptPackets;
    private long resets;

    /** A decoder producing mono (1) or stereo (2) output, whatever the packets carry. */
    public OpusDecoder(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2, was " + channels);
        }
        this.channels = channels;
        this.decoder = newDecoder(channels);
    }

    /**
     * Decodes one packet into {@code pcm} from {@code pcmOffset}. A {@code null} packet means it was lost and is
     * concealed (as {@link #conceal} with the last frame's duration).
     *
     * @return samples per channel written, always positive
     */
    public int decode(byte[] packet, int offset, int length, short[] pcm, int pcmOffset) {
        int room = room(pcm, pcmOffset);
        if (packet == null) {
            return conceal(pcm, pcmOffset, concealDuration(room));
        }
        if (offset < 0 || length <= 0 || offset > packet.length - length) {
            // RFC 6716 §3.4 R1: a packet has at least one byte; a bad slice is no packet either.
            return corrupt(pcm, pcmOffset, concealDuration(room));
        }
        int n = OpusPackets.samples(packet, offset, length);
        if (n <= 0 || n > room) {
            return corrupt(pcm, pcmOffset, concealDuration(room));
        }
        try {
            int got = decoder.decode(packet, offset, length, pcm, pcmOffset, room, false);
            if (got <= 0) {
                return corrupt(pcm, pcmOffset, concealDuration(room));
            }
            lastFrameSamples = got;
            decodedPackets++;
            lastStatus = OpusDecodeStatus.DECODED;
            return got;
        } catch (OpusException e) {
            // A packet Concentus rejects before decoding (framing): the decoder state is intact.
            return corrupt(pcm, pcmOffset, concealDuration(room));
        } catch (RuntimeException | AssertionError e) {
            // Index errors, or the AssertionError Concentus's internal checks throw whether -ea is on or not:
            // hostile content that failed half-way through, so the decoder state is suspect.
            reset();
            return corrupt(pcm, pcmOffset, concealDuration(room));
        }
    }

    /** Conceals one lost frame of {@code samplesPerChannel} (a multiple of 120, up to 5760) samples. */
    public int conceal(short[] pcm, int pcmOffset, int samplesPerChannel) {
        checkDuration(pcm, pcmOffset, samplesPerChannel);
        lastStatus = OpusDecodeStatus.CONCEALED;
        concealedFrames++;
        return plc(pcm, pcmOffset, samplesPerChannel);
    }

    /**
     * Rebuilds the lost frame that came just before {@code nextPacket} from that packet's in-band FEC data. Call
     * it instead of {@link #conceal} when the next packet has arrived, then {@link #decode} the next packet as
     * usual. If the next packet carries no FEC, or its frames last other than {@code samplesPerChannel}, the frame
     * is concealed ({@link OpusDecodeStatus#CONCEALED}).
     *
     * @param samplesPerChannel duration of the lost frame (a multiple of 120, up to 5760)
     */
    public int decodeFec(byte[] nextPacket, int offset, int length, short[] pcm, int pcmOffset,
                         int samplesPerChannel) {
        checkDuration(pcm, pcmOffset, samplesPerChannel);
        if (nextPacket == null) {
            return conceal(pcm, pcmOffset, samplesPerChannel);
        }
        if (offset < 0 || length <= 0 || offset > nextPacket.length - length
                || OpusPackets.samples(nextPacket, offset, length) <= 0) {
            return corrupt(pcm, pcmOffset, samplesPerChannel);
        }
        // The LBRR data covers one frame of the next packet's duration: only a lost frame that long is rebuilt.
        if (!OpusPackets.hasFec(nextPacket, offset, length)
                || OpusPackets.samplesPerFrame(nextPacket, offset, length) != samplesPerChannel) {
            return conceal(pcm, pcmOffset, samplesPerChannel);
        }
        try {
            int got = decoder.decode(nextPacket, offset, length, pcm, pcmOffset, samplesPerChannel, true);
            if (got != samplesPerChannel) {
                return corrupt(pcm, pcmOffset, samplesPerChannel);
            }
            lastFrameSamples = got;
            fecRecoveredFrames++;
            lastStatus = OpusDecodeStatus.FEC_RECOVERED;
            return got;
        } catch (OpusException e) {
            return corrupt(pcm, pcmOffset, samplesPerChannel);
        } catch (RuntimeException | AssertionError e) {
            reset();
            return corrupt(pcm, pcmOffset, samplesPerChannel);
        }
    }

    /** What the last call produced. */
    public OpusDecodeStatus lastStatus() {
        return lastStatus;
    }

    public int channels() {
        return channels;
    }

    public long decodedPackets() {
        return decodedPackets;
    }

    /** Frames concealed because no packet (or no FEC) was there; corrupt packets are counted separately. */
    public long concealedFrames() {
        return concealedFrames;
    }

    public long fecRecoveredFrames() {
        return fecRecoveredFrames;
    }

    public long corruptPackets() {
        return corruptPackets;
    }

    /** Times hostile input failed inside Concentus and the decoder was replaced by a fresh one. */
    public long resets() {
        return resets;
    }

    /** Counts a bad packet and conceals {@code samplesPerChannel} (a multiple of 120) in its place. */
    private void reset() {
        resets++;
        decoder = newDecoder(channels);
    }

    private int corrupt(short[] pcm, int pcmOffset, int samplesPerChannel) {
        corruptPackets++;
        lastStatus = OpusDecodeStatus.CORRUPT;
        return plc(pcm, pcmOffset, samplesPerChannel);
    }

    /** The duration to conceal when a packet of unknown length is missing: the last frame's, if there is room. */
    private int concealDuration(int room) {
        return Math.min(lastFrameSamples, room) / GRANULE * GRANULE;
    }

    private int plc(short[] pcm, int pcmOffset, int samplesPerChannel) {
        try {
            int got = decoder.decode(null, 0, 0, pcm, pcmOffset, samplesPerChannel, false);
            if (got > 0) {
                return got;
            }
        } catch (OpusException | RuntimeException | AssertionError e) {
            // A decoder whose state a hostile packet damaged: start afresh and output silence this once.
            reset();
        }
        Arrays.fill(pcm, pcmOffset, pcmOffset + samplesPerChannel * channels, (short) 0);
        return samplesPerChannel;
    }

    private int room(short[] pcm, int pcmOffset) {
        if (pcm == null || pcmOffset < 0 || pcmOffset > pcm.length) {
            throw new IllegalArgumentException("no output buffer at offset " + pcmOffset);
        }
        int room = Math.min((pcm.length - pcmOffset) / channels, OpusFormat.MAX_PACKET_SAMPLES);
        if (room < GRANULE) {
            throw new IllegalArgumentException("output needs room for at least 2.5 ms (" + GRANULE * channels
                    + " samples), has " + (pcm.length - pcmOffset));
        }
        return room;
    }

    private void checkDuration(short[] pcm, int pcmOffset, int samplesPerChannel) {
        if (samplesPerChannel <= 0 || samplesPerChannel % GRANULE != 0
                || samplesPerChannel > OpusFormat.MAX_PACKET_SAMPLES) {
            throw new IllegalArgumentException("frame duration must be a multiple of 2.5 ms up to 120 ms, was "
                    + samplesPerChannel + " samples");
        }
        if (room(pcm, pcmOffset) < samplesPerChannel) {
            throw new IllegalArgumentException("output has no room for " + samplesPerChannel + " samples per channel");
        }
    }

    private static io.github.jaredmdobson.concentus.OpusDecoder newDecoder(int channels) {
        try {
            return new io.github.jaredmdobson.concentus.OpusDecoder(AudioFrame.SAMPLE_RATE, channels);
        } catch (OpusException e) {
            throw new IllegalStateException("Concentus refused a 48 kHz decoder: " + e.getMessage(), e);
        }
    }
}
