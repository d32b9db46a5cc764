package dev.parley.capture;

/**
 * What a {@link DeviceFailover} did, as a person would be told: which device is in use now ({@code to}, or
 * {@code null} when none could be opened), which one it replaced, and why (the problem, or {@code null} when the
 * person chose the device or their preferred device came back).
 */
public record DeviceNotice(DeviceKind kind, DeviceInfo from, DeviceInfo to, DeviceProblem problem) {

    /** One or two sentences for a banner. */
    public String message() {
        String now;
        if (to == null) {
            now = "No " + kind.word() + " is available now.";
        } else if (problem == null && from != null && !from.equals(to)) {
            now = "Now using the " + kind.word() + " \"" + to.name() + "\".";
        } else if (problem == null) {
            now = "Using the " + kind.word() + " \"" + to.name() + "\".";
        } else {
            now = "Switched to \"" + to.name() + "\".";
        }
        return problem == null ? now : problem.message() + " " + now;
    }
}
