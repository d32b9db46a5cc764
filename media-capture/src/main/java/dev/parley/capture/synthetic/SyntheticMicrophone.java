package dev.parley.capture.synthetic;

import dev.parley.capture.AudioCaptureDevice;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.DeviceProvider;
import dev.parley.capture.OpenResult;
import dev.parley.capture.audio.AudioLevel;
import dev.parley.capture.audio.LevelMeter;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.synthetic.ToneSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A microphone that needs no sound card, offered in the same pickers as real ones: a 440 Hz test tone (the engine's
 * {@link ToneSource}), a looped spoken sentence ({@link SpeechSampleSource}) or silence, as 48 kHz mono 10 ms frames on
 * a real-time clock, with the same {@link #level()} as a real {@link dev.parley.capture.audio.Microphone}.
 *
 * <p>Threads: the generator's clock thread ("parley-tone", "parley-speech-sample", "parley-silence") measures each
 * frame and calls the sink; the frame is lent for the call. Everything else is safe from any thread. It never fails
 * once open: {@link #failure()} is always {@code null}.
 */
public final class SyntheticMicrophone implements AudioCaptureDevice {

    public static final DeviceInfo TEST_TONE = DeviceInfo.synthetic(DeviceKind.MICROPHONE, "test-tone", "Test tone");
    public static final DeviceInfo SPEECH_SAMPLE =
            DeviceInfo.synthetic(DeviceKind.MICROPHONE, "speech-sample", "Speech sample");
    public static final DeviceInfo SILENCE = DeviceInfo.synthetic(DeviceKind.MICROPHONE, "silence", "Silence");

    static final double TONE_HZ = 440;
    static final double TONE_AMPLITUDE = 0.3;

    private static final List<DeviceInfo> DEVICES = List.of(TEST_TONE, SPEECH_SAMPLE, SILENCE);

    private final DeviceInfo device;
    private final LevelMeter meter = new LevelMeter();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private volatile AudioSink sink;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean closed;
    private volatile AutoCloseable generator;

    private SyntheticMicrophone(DeviceInfo device) {
        this.device = device;
    }

    /** The synthetic microphones: test tone, speech sample, silence. */
    public static List<DeviceInfo> devices() {
        return DEVICES;
    }

    /** A provider listing {@link #devices()}. */
    public static DeviceProvider provider() {
        return SyntheticMicrophone::devices;
    }

    /**
     * Starts the synthetic microphone {@code device} (one of {@link #devices()}). An unknown id gives
     * {@link DeviceProblem#noMicrophone()}; a speech sample missing from the class path gives {@code failed}.
     *
     * @throws IllegalArgumentException if {@code device} is not a synthetic microphone (a programming error)
     */
    public static OpenResult<SyntheticMicrophone> open(DeviceInfo device) {
        if (device == null || device.kind() != DeviceKind.MICROPHONE || !device.synthetic()) {
            throw new IllegalArgumentException("not a synthetic microphone: " + device);
        }
        SyntheticMicrophone microphone = new SyntheticMicrophone(device);
        try {
            switch (device.id()) {
                case "test-tone": {
                    ToneSource tone = new ToneSource(TONE_HZ, TONE_AMPLITUDE);
                    tone.setSink(microphone::forward);
                    microphone.generator = tone;
                    break;
                }
                case "speech-sample": {
                    SpeechSampleSource speech = new SpeechSampleSource();
                    speech.setSink(microphone::forward);
                    microphone.generator = speech;
                    break;
                }
                case "silence": {
                    LoopedPcmSource silence = new LoopedPcmSource(new short[AudioFrame.SAMPLES_PER_10_MS],
                            "parley-silence");
                    silence.setSink(microphone::forward);
                    microphone.generator = silence;
                    break;
                }
                default:
                    return OpenResult.failed(DeviceProblem.noMicrophone());
            }
        } catch (RuntimeException e) {
            return OpenResult.failed(DeviceProblem.failed(device, e.toString()));
        }
        return OpenResult.opened(microphone);
    }

    @Override
    public void setSink(AudioSink next) {
        sink = next;
    }

    @Override
    public DeviceInfo device() {
        return device;
    }

    @Override
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    @Override
    public DeviceProblem failure() {
        return null;
    }

    /** The level of the frames produced; any thread. */
    public AudioLevel level() {
        return meter.level();
    }

    public long framesProduced() {
        return frames.get();
    }

    /** Frames whose sink threw; the clock keeps going. */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            generator.close();
        } catch (Exception e) {
            // The generators' close only stops their clock thread; nothing to report.
        }
    }

    private void forward(AudioFrame frame) {
        if (closed) {
            return;
        }
        meter.update(frame);
        lastActivityNanos = System.nanoTime();
        frames.incrementAndGet();
        AudioSink s = sink;
        if (s != null) {
            try {
                s.onAudioFrame(frame);
            } catch (RuntimeException e) {
                sinkErrors.incrementAndGet();
            }
        }
    }
}
