package dev.parley.rtc.codec.g711;

/**
 * Decodes G.711 payloads into 48 kHz mono PCM16: each byte is one 8 kHz sample, interpolated by 6. Every byte
 * value is a valid code, so only a payload's length can be wrong: one longer than the output has room for is
 * refused with -1 (and counted), never thrown. Stateful (the resampler's history): one decoder per stream.
 */
public final class G711Decoder {

    private final G711 law;
    private final Upsampler8To48 upsampler = new Upsampler8To48();
    private short[] narrow = new short[160];
    private long oversizedPayloads;

    public G711Decoder(G711 law) {
        this.law = law;
    }

    /**
     * Decodes {@code length} payload bytes into {@code 6 * length} samples of {@code pcm} from {@code pcmOffset}.
     *
     * @return the number of 48 kHz samples written, or -1 if the payload does not fit (nothing is written)
     */
    public int decode(byte[] payload, int offset, int length, short[] pcm, int pcmOffset) {
        if (payload == null || offset < 0 || length < 0 || offset > payload.length - length
                || pcmOffset < 0 || pcmOffset > pcm.length
                || (long) length * ResamplingFilter.FACTOR > pcm.length - pcmOffset) {
            oversizedPayloads++;
            return -1;
        }
        if (narrow.length < length) {
            narrow = new short[length];
        }
        law.decode(payload, offset, narrow, 0, length);
        return upsampler.process(narrow, 0, length, pcm, pcmOffset);
    }

    /** Payloads refused because they were malformed slices or did not fit the output. */
    public long oversizedPayloads() {
        return oversizedPayloads;
    }

    public G711 law() {
        return law;
    }
}
