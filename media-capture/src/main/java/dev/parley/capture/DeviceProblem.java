package dev.parley.capture;

import java.util.Objects;

/**
 * Why a device could not be used, as something a person can act on: a {@link Kind} the UI can switch on, a sentence
 * that says what happened and what to do, and a technical detail for the log (never shown as a stack trace).
 *
 * @param device the device concerned, or {@code null} when there is none (no camera at all)
 */
public record DeviceProblem(Kind kind, DeviceInfo device, String message, String detail) {

    /** The situations a person is told about. */
    public enum Kind {
        NO_CAMERA,
        CAMERA_BUSY,
        CAMERA_PERMISSION_DENIED,
        NO_MICROPHONE,
        MICROPHONE_BUSY,
        MICROPHONE_PERMISSION_DENIED,
        NO_SPEAKER,
        SPEAKER_BUSY,
        /** The device was there and is gone (unplugged, driver reset) or stopped delivering. */
        DEVICE_LOST,
        /** The device does not offer the format asked for (e.g. no 48 kHz mono 16-bit line). */
        FORMAT_UNSUPPORTED,
        /** Anything else the device or its driver reported. */
        DEVICE_FAILED
    }

    public DeviceProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? "" : detail;
    }

    public static DeviceProblem noCamera() {
        return new DeviceProblem(Kind.NO_CAMERA, null,
                "No camera found. Plug one in (Parley notices it), or turn your camera off.", "");
    }

    public static DeviceProblem cameraBusy(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.CAMERA_BUSY, device, "The camera \"" + name(device)
                + "\" is in use by another program. Close that program (or its video call), then try again.", detail);
    }

    public static DeviceProblem cameraPermissionDenied(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.CAMERA_PERMISSION_DENIED, device, "Parley may not use the camera \""
                + name(device) + "\". Allow camera access for Parley in your system's privacy settings "
                + "(macOS: System Settings > Privacy & Security > Camera; Windows: Settings > Privacy > Camera; "
                + "Linux: membership of the 'video' group), then try again.", detail);
    }

    public static DeviceProblem noMicrophone() {
        return new DeviceProblem(Kind.NO_MICROPHONE, null,
                "No microphone found. Plug one in; until then the others cannot hear you.", "");
    }

    public static DeviceProblem microphoneBusy(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.MICROPHONE_BUSY, device, "The microphone \"" + name(device)
                + "\" is in use by another program. Close that program, then try again.", detail);
    }

    public static DeviceProblem microphonePermissionDenied(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.MICROPHONE_PERMISSION_DENIED, device, "Parley may not use the microphone \""
                + name(device) + "\". Allow microphone access for Parley in your system's privacy settings "
                + "(macOS: System Settings > Privacy & Security > Microphone; Windows: Settings > Privacy > "
                + "Microphone), then try again.", detail);
    }

    public static DeviceProblem noSpeaker() {
        return new DeviceProblem(Kind.NO_SPEAKER, null,
                "No speaker or headphones found. You will see the others but not hear them until one is plugged in.",
                "");
    }

    public static DeviceProblem speakerBusy(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.SPEAKER_BUSY, device, "The speaker \"" + name(device)
                + "\" is in use by another program and cannot play Parley's sound. Close that program or pick "
                + "another speaker.", detail);
    }

    public static DeviceProblem lost(DeviceInfo device, String detail) {
        String what = device == null ? "device" : device.kind().word();
        return new DeviceProblem(Kind.DEVICE_LOST, device, "The " + what + " \"" + name(device)
                + "\" stopped working or was unplugged.", detail);
    }

    public static DeviceProblem formatUnsupported(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.FORMAT_UNSUPPORTED, device, "The " + kindWord(device) + " \"" + name(device)
                + "\" does not support the format Parley needs. Pick another one.", detail);
    }

    public static DeviceProblem failed(DeviceInfo device, String detail) {
        return new DeviceProblem(Kind.DEVICE_FAILED, device, "The " + kindWord(device) + " \"" + name(device)
                + "\" could not be opened. Unplug it and plug it in again, or pick another one.", detail);
    }

    private static String kindWord(DeviceInfo device) {
        return device == null ? "device" : device.kind().word();
    }

    private static String name(DeviceInfo device) {
        return device == null ? "?" : device.name();
    }
}
