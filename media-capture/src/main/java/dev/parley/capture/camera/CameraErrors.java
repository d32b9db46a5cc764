package dev.parley.capture.camera;

import com.github.sarxos.webcam.WebcamLockException;
import dev.parley.capture.DeviceInfo;
import dev.parley.capture.DeviceProblem;
import java.util.Locale;

/**
 * Turns what a camera driver threw into a {@link DeviceProblem} a person can act on. Drivers say little in their
 * types (sarxos wraps everything in {@code WebcamException}), so besides sarxos's {@link WebcamLockException} (another
 * Java program holds the camera) the whole cause chain's messages are searched for the words the operating systems
 * use: Linux's errno texts (EBUSY "Device or resource busy", EACCES "Permission denied", ENODEV "No such device"),
 * macOS's "not authorized", Windows's "Access is denied" and "The requested resource is in use".
 */
public final class CameraErrors {

    private static final int MAX_CAUSES = 16;
    private static final int MAX_DETAIL = 500;

    private static final String[] PERMISSION = {"permission denied", "eacces", "not authorized", "not authorised",
        "access denied", "access is denied", "operation not permitted", "eperm"};
    private static final String[] BUSY = {"busy", "in use", "already locked", "has already been locked",
        "already open", "used by another"};
    private static final String[] FORMAT = {"incorrect dimension", "resolution", "not supported", "unsupported",
        "different size obtained", "invalid format"};
    private static final String[] NO_DEVICE = {"no such device", "enodev", "device not found", "no webcam",
        "no camera", "no video device"};

    private CameraErrors() {
    }

    /**
     * The problem behind {@code error}, raised while opening or using {@code device}: camera busy, permission denied,
     * format unsupported, no camera, or (anything else) the camera failed. The detail is {@link #describe} of it.
     */
    public static DeviceProblem classify(DeviceInfo device, Throwable error) {
        String detail = describe(error);
        if (has(error, WebcamLockException.class)) {
            return DeviceProblem.cameraBusy(device, detail);
        }
        if (has(error, LinkageError.class)) {
            // A missing native library or class is a broken driver, whatever its message says about files.
            return DeviceProblem.failed(device, detail);
        }
        String text = messages(error);
        if (contains(text, PERMISSION)) {
            return DeviceProblem.cameraPermissionDenied(device, detail);
        }
        if (contains(text, BUSY)) {
            return DeviceProblem.cameraBusy(device, detail);
        }
        if (contains(text, FORMAT)) {
            return DeviceProblem.formatUnsupported(device, detail);
        }
        if (contains(text, NO_DEVICE) || text.contains("no such file") && text.contains("/dev/video")) {
            return DeviceProblem.noCamera();
        }
        return DeviceProblem.failed(device, detail);
    }

    /**
     * One line for the log: each exception of the cause chain as "SimpleName: message", joined by "; caused by ",
     * without stack traces, cut to a few hundred characters.
     */
    public static String describe(Throwable error) {
        if (error == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES && sb.length() < MAX_DETAIL; i++, t = next(t)) {
            if (i > 0) {
                sb.append("; caused by ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.length() > MAX_DETAIL ? sb.substring(0, MAX_DETAIL) + "..." : sb.toString();
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        return cause == t ? null : cause;
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = next(t)) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Every message of the cause chain, lower case, joined. */
    private static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Throwable t = error;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = next(t)) {
            if (t.getMessage() != null) {
                sb.append(t.getMessage()).append('\n');
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String text, String[] words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
