package dev.parley.rtc.testing;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;

/** An audio sink for call tests: keeps the first seconds of mono PCM (the first channel) it is given. */
public final class ReceivedAudio implements AudioSink {

    private final short[] pcm;
    private int length;
    private long frames;

    public ReceivedAudio(int seconds) {
        pcm = new short[seconds * AudioFrame.SAMPLE_RATE];
    }

    @Override
    public synchronized void onAudioFrame(AudioFrame frame) {
        frames++;
        short[] s = frame.samples();
        for (int i = 0; i < frame.samplesPerChannel() && length < pcm.length; i++) {
            pcm[length++] = s[frame.offset() + i * frame.channels()];
        }
    }

    public synchronized short[] samples() {
        return java.util.Arrays.copyOf(pcm, length);
    }

    public synchronized long frames() {
        return frames;
    }
}
