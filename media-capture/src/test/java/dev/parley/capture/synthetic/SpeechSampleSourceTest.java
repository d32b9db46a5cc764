package dev.parley.capture.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.media.AudioFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechSampleSourceTest {

    private static double rmsDbfs(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return 20 * Math.log10(Math.sqrt(sum / (to - from)) / 32768);
    }

    @Test
    void theClipLoadsFromTheClassPathAsSpeech() {
        short[] clip = SpeechSampleSource.samples();
        double seconds = clip.length / (double) AudioFrame.SAMPLE_RATE;
        assertThat(seconds).isBetween(6.5, 7.5);
        assertThat(rmsDbfs(clip, 0, clip.length)).isBetween(-35.0, -6.0);
        // Speech, not a tone or noise: it pauses. Some 100 ms stretches are far quieter than the loudest.
        double loudest = -200;
        double quietest = 0;
        for (int i = 0; i + 4800 <= clip.length; i += 4800) {
            double level = rmsDbfs(clip, i, i + 4800);
            loudest = Math.max(loudest, level);
            quietest = Math.min(quietest, level);
        }
        assertThat(loudest - quietest).isGreaterThan(30);
    }

    @Test
    void loopsSeamlesslyWhateverTheFrameSize() {
        short[] clip = SpeechSampleSource.samples();
        for (int frame : new int[] {480, 960, 7}) {
            LoopingPcm loop = new LoopingPcm(clip);
            int reads = (clip.length * 2 + 1_000) / frame;
            short[] out = new short[reads * frame];
            for (int r = 0; r < reads; r++) {
                loop.read(out, r * frame, frame);
            }
            int mismatch = -1;
            for (int i = 0; i < out.length && mismatch < 0; i++) {
                if (out[i] != clip[i % clip.length]) {
                    mismatch = i;
                }
            }
            assertThat(mismatch).as("first sample off the loop, frame size %d", frame).isEqualTo(-1);
            assertThat(loop.position()).isEqualTo(out.length % clip.length);
        }
    }

    @Test
    void playsTheClipAtRealTimeRateIn10MsFrames() throws Exception {
        List<short[]> frames = Collections.synchronizedList(new ArrayList<>());
        List<String> shapes = Collections.synchronizedList(new ArrayList<>());
        try (SpeechSampleSource source = new SpeechSampleSource()) {
            source.setSink(f -> {
                frames.add(f.copy().samples());
                shapes.add(f.channels() + "x" + f.samplesPerChannel());
            });
            Thread.sleep(1_000);
            assertThat(frames.size()).isBetween(85, 110);
            assertThat(source.framesProduced()).isGreaterThanOrEqualTo(frames.size());
        }
        assertThat(shapes).containsOnly("1x480");
        // The frames are the clip, in order, from where it was when the sink was set.
        short[] clip = SpeechSampleSource.samples();
        short[] got = new short[frames.size() * 480];
        for (int i = 0; i < frames.size(); i++) {
            System.arraycopy(frames.get(i), 0, got, i * 480, 480);
        }
        int start = -1;
        for (int s = 0; s < clip.length && start < 0; s += 480) {
            if (Arrays.equals(got, 0, 480, clip, s, s + 480)) {
                start = s;
            }
        }
        assertThat(start).isBetween(0, 10 * 480);
        assertThat(Arrays.equals(got, Arrays.copyOfRange(clip, start, start + got.length))).isTrue();
        assertThat(rmsDbfs(got, 0, got.length)).isGreaterThan(-40.0);
    }

    @Test
    void closeStopsTheClock() throws Exception {
        SpeechSampleSource source = new SpeechSampleSource();
        Thread.sleep(100);
        source.close();
        long frames = source.framesProduced();
        Thread.sleep(60);
        assertThat(source.framesProduced()).isEqualTo(frames);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("parley-speech-sample"));
    }
}
