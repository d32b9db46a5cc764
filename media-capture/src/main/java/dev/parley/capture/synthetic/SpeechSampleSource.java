package dev.parley.capture.synthetic;

import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A microphone stand-in that speaks: a 6.9 s English sentence (espeak-ng, assets/sounds/speech-sample.wav, shipped
 * in this jar) looped seamlessly as 48 kHz mono PCM16 in 10 ms frames on its own real-time clock thread
 * ("parley-speech-sample"). Unlike a tone it has the pauses, pitch and spectrum of speech, for trying codecs, the
 * noise gate and voice activity detection. Needs no sound card: the file is read with Java Sound's file reader only.
 *
 * <p>Threads: the clock thread calls the sink; the frame and its array are lent for the call and reused for the next
 * frame. {@link #setSink} and {@link #close()} are safe from any thread.
 */
public final class SpeechSampleSource implements AudioSource, AutoCloseable {

    /** Where the clip is on the class path. */
    public static final String RESOURCE = "/dev/parley/capture/sounds/speech-sample.wav";

    private static final AudioFormat FORMAT = new AudioFormat(AudioFrame.SAMPLE_RATE, 16, 1, true, false);
    private static volatile short[] cached;

    private final LoopedPcmSource source;

    /**
     * Loads the clip (once per JVM) and starts the clock.
     *
     * @throws UncheckedIOException  if the clip is missing from the class path or unreadable (a packaging bug)
     */
    public SpeechSampleSource() {
        this.source = new LoopedPcmSource(samples(), "parley-speech-sample");
    }

    @Override
    public void setSink(AudioSink sink) {
        source.setSink(sink);
    }

    public long framesProduced() {
        return source.framesProduced();
    }

    @Override
    public void close() {
        source.close();
    }

    /** The whole clip, 48 kHz mono; shared, never to be written. */
    static short[] samples() {
        short[] s = cached;
        if (s == null) {
            s = load();
            cached = s;
        }
        return s;
    }

    private static short[] load() {
        InputStream raw = SpeechSampleSource.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new UncheckedIOException(new IOException(RESOURCE + " is not on the class path"));
        }
        try (AudioInputStream file = AudioSystem.getAudioInputStream(new BufferedInputStream(raw));
             AudioInputStream pcm = asParleyFormat(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pcm.transferTo(bytes);
            byte[] b = bytes.toByteArray();
            short[] samples = new short[b.length / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
            }
            if (samples.length == 0) {
                throw new IOException(RESOURCE + " holds no audio");
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(RESOURCE + " cannot be read as 48 kHz mono PCM", e));
        }
    }

    private static AudioInputStream asParleyFormat(AudioInputStream file) {
        AudioFormat f = file.getFormat();
        if (f.getSampleRate() != AudioFrame.SAMPLE_RATE || f.getChannels() != 1) {
            throw new IllegalArgumentException("the clip is " + f + ", not 48 kHz mono");
        }
        return FORMAT.matches(f) ? file : AudioSystem.getAudioInputStream(FORMAT, file);
    }
}
