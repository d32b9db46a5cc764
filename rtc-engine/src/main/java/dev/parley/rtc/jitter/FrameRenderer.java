package dev.parley.rtc.jitter;

import dev.parley.rtc.codec.opus.OpusDecodeStatus;
import dev.parley.rtc.codec.opus.OpusDecoder;
import java.util.Arrays;

/**
 * Turns one playout decision into exactly one frame of PCM with the Opus decoder: decode, FEC, conceal or
 * silence. Whatever the packet holds, the frame comes out whole: a packet shorter than the frame (or one the
 * decoder rejects) is completed with concealment. Owned by the playout thread.
 */
final class FrameRenderer {

    private final OpusDecoder decoder;
    private final int frameSamples;
    private final int channels;
    private final short[] pcm;

    FrameRenderer(int channels, int frameSamples) {
        this.decoder = new OpusDecoder(channels);
        this.channels = channels;
        this.frameSamples = frameSamples;
        this.pcm = new short[frameSamples * channels];
    }

    /** The output buffer every method writes (whole, from 0). */
    short[] pcm() {
        return pcm;
    }

    PlayoutKind silence() {
        Arrays.fill(pcm, (short) 0);
        return PlayoutKind.SILENCE;
    }

    PlayoutKind decode(byte[] packet) {
        // The output has room for one frame only: a longer packet is reported corrupt and concealed.
        int got = decoder.decode(packet, 0, packet.length, pcm, 0);
        return complete(got, kind(decoder.lastStatus()));
    }

    /** Decodes {@code skipped} for the decoder's continuity, discards it, and plays {@code packet}. */
    PlayoutKind decodeAfterDiscarding(byte[] skipped, byte[] packet) {
        decoder.decode(skipped, 0, skipped.length, pcm, 0);
        return decode(packet);
    }

    /** Rebuilds the missing frame before {@code next} from its in-band FEC, or conceals if it carries none. */
    PlayoutKind recover(byte[] next) {
        int got = decoder.decodeFec(next, 0, next.length, pcm, 0, frameSamples);
        return complete(got, kind(decoder.lastStatus()));
    }

    PlayoutKind conceal() {
        decoder.conceal(pcm, 0, frameSamples);
        return PlayoutKind.CONCEALED;
    }

    private PlayoutKind complete(int got, PlayoutKind kind) {
        // Every Opus duration is a multiple of 2.5 ms (120 samples), so the remainder is concealable.
        while (got > 0 && got < frameSamples) {
            got += decoder.conceal(pcm, got * channels, frameSamples - got);
        }
        return kind;
    }

    private static PlayoutKind kind(OpusDecodeStatus status) {
        switch (status) {
            case DECODED:
                return PlayoutKind.DECODED;
            case FEC_RECOVERED:
                return PlayoutKind.FEC_RECOVERED;
            case CORRUPT:
                return PlayoutKind.CORRUPT;
            default:
                return PlayoutKind.CONCEALED;
        }
    }
}
