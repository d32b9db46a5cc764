package dev.parley.capture;

/** What a device does in a call. */
public enum DeviceKind {
    CAMERA("camera"),
    MICROPHONE("microphone"),
    SPEAKER("speaker");

    private final String word;

    DeviceKind(String word) {
        this.word = word;
    }

    /** The lower-case word a person reads ("camera"). */
    public String word() {
        return word;
    }
}
