package dev.parley.ui.call;

import java.util.Objects;

/**
 * A sentence a person should read in a banner, with how serious it is and, optionally, what they can do
 * ("Check your camera's cable.").
 */
public record Notice(Severity severity, String sentence, String action) {

    /** How a banner looks and whether it stays. */
    public enum Severity {
        /** Passing information (someone joined, reconnected); fades by itself. */
        INFO,
        /** Something degraded that the person may act on (no camera, reconnecting); stays until resolved or closed. */
        WARNING,
        /** Something failed (server unreachable, room full, wrong password). */
        ERROR
    }

    public Notice {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(sentence, "sentence");
        action = action == null ? "" : action;
    }

    public static Notice info(String sentence) {
        return new Notice(Severity.INFO, sentence, "");
    }

    public static Notice warning(String sentence, String action) {
        return new Notice(Severity.WARNING, sentence, action);
    }

    public static Notice error(String sentence, String action) {
        return new Notice(Severity.ERROR, sentence, action);
    }
}
