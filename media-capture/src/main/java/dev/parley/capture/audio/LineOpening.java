package dev.parley.capture.audio;

import java.util.Locale;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/**
 * Opens a Java Sound data line and sorts whatever goes wrong into the few situations a person is told about, so
 * {@link Microphone} and {@link Speaker} map them to their own {@link dev.parley.capture.DeviceProblem}s.
 */
final class LineOpening {

    enum Outcome { OPENED, NO_DEVICE, BUSY, PERMISSION_DENIED, FORMAT_UNSUPPORTED, FAILED }

    /** The opened line (with its format) or why there is none. */
    record Result<L extends DataLine>(Outcome outcome, L line, AudioFormat format, String detail) {

        static <L extends DataLine> Result<L> failed(Outcome outcome, String detail) {
            return new Result<>(outcome, null, null, detail);
        }
    }

    private LineOpening() {
    }

    /**
     * Opens (not starts) the first of {@code formats} the mixer offers as a {@code lineClass} line, with a buffer of
     * about {@code bufferMillis}.
     */
    static <L extends DataLine> Result<L> open(Mixer.Info mixerInfo, Class<L> lineClass, int bufferMillis,
                                               AudioFormat... formats) {
        if (mixerInfo == null) {
            return Result.failed(Outcome.NO_DEVICE, "the device is not present");
        }
        Mixer mixer;
        try {
            mixer = AudioSystem.getMixer(mixerInfo);
            if (!mixer.isLineSupported(new Line.Info(lineClass))) {
                return Result.failed(Outcome.NO_DEVICE, mixerInfo.getName() + " has no " + lineClass.getSimpleName());
            }
        } catch (IllegalArgumentException e) {
            return Result.failed(Outcome.NO_DEVICE, describe(e));
        } catch (SecurityException e) {
            return Result.failed(Outcome.PERMISSION_DENIED, describe(e));
        } catch (RuntimeException | LinkageError e) {
            return Result.failed(Outcome.FAILED, describe(e));
        }
        for (AudioFormat format : formats) {
            if (!SoundDevices.supports(mixer, lineClass, format)) {
                continue;
            }
            L line = null;
            try {
                line = lineClass.cast(mixer.getLine(new DataLine.Info(lineClass, format)));
                int frameBytes = format.getFrameSize();
                int bufferBytes = Math.round(format.getFrameRate() * bufferMillis / 1000f) * frameBytes;
                if (line instanceof SourceDataLine source) {
                    source.open(format, bufferBytes);
                } else if (line instanceof TargetDataLine target) {
                    target.open(format, bufferBytes);
                } else {
                    line.open();
                }
                return new Result<>(Outcome.OPENED, line, format, "");
            } catch (LineUnavailableException e) {
                closeQuietly(line);
                return Result.failed(mentionsPermission(e) ? Outcome.PERMISSION_DENIED : Outcome.BUSY, describe(e));
            } catch (IllegalArgumentException e) {
                closeQuietly(line);
                return Result.failed(Outcome.FORMAT_UNSUPPORTED, describe(e));
            } catch (SecurityException e) {
                closeQuietly(line);
                return Result.failed(Outcome.PERMISSION_DENIED, describe(e));
            } catch (RuntimeException | LinkageError e) {
                closeQuietly(line);
                return Result.failed(mentionsPermission(e) ? Outcome.PERMISSION_DENIED
                        : mentionsBusy(e) ? Outcome.BUSY : Outcome.FAILED, describe(e));
            }
        }
        return Result.failed(Outcome.FORMAT_UNSUPPORTED, mixerInfo.getName() + " offers no "
                + lineClass.getSimpleName() + " for " + formats[0]);
    }

    static void closeQuietly(Line line) {
        if (line == null) {
            return;
        }
        try {
            line.close();
        } catch (RuntimeException e) {
            // Closing a line that failed to open; nothing more to release.
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean mentionsPermission(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("permission") || m.contains("denied") || m.contains("not permitted");
    }

    private static boolean mentionsBusy(Throwable e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("busy") || m.contains("in use");
    }
}
