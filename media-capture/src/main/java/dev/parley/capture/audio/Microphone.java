package dev.parley.capture.audio;

import dev.parley.capture.AudioCaptureDevice;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceKind;
import dev.parley.capture.DeviceProblem;
import dev.parley.capture.OpenResult;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.TargetDataLine;

/**
 * A Java Sound microphone as an {@link AudioSource}: 48 kHz mono 16-bit PCM in 10 ms frames, each passed through a
 * {@link NoiseGate} (on by default) and measured by a {@link LevelMeter} (on the raw input, before the gate, so a
 * person sees the microphone hears them even while the gate mutes room noise).
 *
 * <p>Threads: {@link #open} runs on the caller's thread. The capture thread ("parley-microphone", a daemon) reads the
 * line, calls the sink with each frame (timestamped with {@link System#nanoTime()} when read; the frame and its array
 * are lent for the call and reused for the next frame), and records a {@link #failure()} instead of dying silently.
 * The capture line is not trusted as a clock: one that delivers faster than real time (ALSA's null device returns
 * zeros instantly) is paced down to about 100 frames per second. {@link #setSink}, {@link #level()},
 * {@link #noiseGate()}, the counters and {@link #close()} are safe from any thread.
 *
 * <p>A read that fails, or a line that delivers nothing for {@value #STALL_MILLIS} ms, ends the thread with
 * {@link DeviceProblem#lost}. A read stuck inside the driver shows as an old {@link #lastActivityNanos()}.
 *
 * <p>Acoustic echo cancellation (removing the speaker's sound from the microphone) is not done here; it is a later
 * issue. Until then, headphones avoid echo.
 */
public final class Microphone implements AudioCaptureDevice {

    static final int FRAME_SAMPLES = AudioFrame.SAMPLES_PER_10_MS;
    static final int LINE_BUFFER_MILLIS = 100;
    static final long STALL_MILLIS = 1_000;
    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final DeviceInfo device;
    private final TargetDataLine line;
    private final NoiseGate gate = new NoiseGate();
    private final LevelMeter meter = new LevelMeter();
    private final byte[] bytes = new byte[FRAME_SAMPLES * 2];
    private final short[] pcm = new short[FRAME_SAMPLES];
    private final RealTimeCap cap = new RealTimeCap(FRAME_NANOS, BURST_NANOS);
    private final BooleanSupplier keepRunning = () -> this.running;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong shortReads = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private volatile AudioSink sink;
    private volatile boolean running = true;
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile DeviceProblem failure;
    private volatile Thread thread;

    private Microphone(DeviceInfo device, TargetDataLine line) {
        this.device = device;
        this.line = line;
    }

    /**
     * Opens a microphone listed by {@link SoundDevices#microphones()} and starts capturing. Never throws for the
     * device's own failures: a device not present gives {@link DeviceProblem#noMicrophone()}, one in use
     * {@code microphoneBusy}, one the system refuses {@code microphonePermissionDenied}, one without a 48 kHz 16-bit
     * mono line {@code formatUnsupported}, anything else {@code failed}.
     *
     * @throws IllegalArgumentException if {@code device} is not a hardware microphone (a programming error)
     */
    public static OpenResult<Microphone> open(DeviceInfo device) {
        if (device == null || device.kind() != DeviceKind.MICROPHONE || device.synthetic()) {
            throw new IllegalArgumentException("not a hardware microphone: " + device);
        }
        LineOpening.Result<TargetDataLine> opened = LineOpening.open(SoundDevices.mixerOf(device),
                TargetDataLine.class, LINE_BUFFER_MILLIS, SoundDevices.MONO);
        switch (opened.outcome()) {
            case OPENED:
                Microphone microphone = new Microphone(device, opened.line());
                microphone.thread = DeviceThread.start("parley-microphone", microphone::capture);
                return OpenResult.opened(microphone);
            case NO_DEVICE:
                return OpenResult.failed(DeviceProblem.noMicrophone());
            case BUSY:
                return OpenResult.failed(DeviceProblem.microphoneBusy(device, opened.detail()));
            case PERMISSION_DENIED:
                return OpenResult.failed(DeviceProblem.microphonePermissionDenied(device, opened.detail()));
            case FORMAT_UNSUPPORTED:
                return OpenResult.failed(DeviceProblem.formatUnsupported(device, opened.detail()));
            default:
                return OpenResult.failed(DeviceProblem.failed(device, opened.detail()));
        }
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
        return failure;
    }

    /** The level of the microphone's input (before the noise gate); any thread. */
    public AudioLevel level() {
        return meter.level();
    }

    /** The noise gate every frame passes through: switch it with {@link NoiseGate#setEnabled}. */
    public NoiseGate noiseGate() {
        return gate;
    }

    public long framesCaptured() {
        return frames.get();
    }

    /** Reads that returned less than a frame (a failing or stopping line). */
    public long shortReads() {
        return shortReads.get();
    }

    /** Frames whose sink threw; the microphone keeps going. */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    /** Stops capturing and releases the line, within about {@value #CLOSE_TIMEOUT_MILLIS} ms. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            DeviceThread.stop(t, () -> {
                line.stop();
                line.flush();
            }, "parley-microphone-close", CLOSE_TIMEOUT_MILLIS);
        }
    }

    private void capture() {
        try {
            line.start();
            long lastDelivered = System.nanoTime();
            cap.restart(lastDelivered);
            while (running) {
                int n = line.read(bytes, 0, bytes.length);
                if (!running) {
                    break;
                }
                long now = System.nanoTime();
                if (n < bytes.length) {
                    shortReads.incrementAndGet();
                    if (!line.isOpen() || now - lastDelivered > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                        fail("the capture line stopped delivering audio (" + shortReads.get() + " short reads)");
                        break;
                    }
                    LockSupport.parkNanos(FRAME_NANOS / 2);
                    continue;
                }
                lastDelivered = now;
                for (int i = 0; i < FRAME_SAMPLES; i++) {
                    pcm[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
                }
                meter.update(pcm, 0, FRAME_SAMPLES);
                gate.process(pcm, 0, FRAME_SAMPLES);
                lastActivityNanos = now;
                frames.incrementAndGet();
                deliver(AudioFrame.wrap(pcm, 0, 1, FRAME_SAMPLES, now));
                cap.frameDone(keepRunning);
            }
        } catch (RuntimeException e) {
            if (running) {
                fail(LineOpening.describe(e));
            }
        } finally {
            LineOpening.closeQuietly(line);
        }
    }

    private void deliver(AudioFrame frame) {
        AudioSink s = sink;
        if (s == null) {
            return;
        }
        try {
            s.onAudioFrame(frame);
        } catch (RuntimeException e) {
            sinkErrors.incrementAndGet();
        }
    }

    private void fail(String detail) {
        failure = DeviceProblem.lost(device, detail);
        running = false;
    }
}
