package dev.parley.capture;

import java.util.Objects;

/**
 * The outcome of opening a device: the open device, or the {@link DeviceProblem} that prevented it. Opening never
 * throws for a device's own failures (missing, busy, refused, vanished); only programming errors do.
 */
public sealed interface OpenResult<T> {

    /** The device opened. */
    record Opened<T>(T device) implements OpenResult<T> {
        public Opened {
            Objects.requireNonNull(device, "device");
        }
    }

    /** The device could not be opened. */
    record Failed<T>(DeviceProblem problem) implements OpenResult<T> {
        public Failed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    static <T> OpenResult<T> opened(T device) {
        return new Opened<>(device);
    }

    static <T> OpenResult<T> failed(DeviceProblem problem) {
        return new Failed<>(problem);
    }

    /** The same result seen as a result of a supertype (results are immutable, so this is safe). */
    @SuppressWarnings("unchecked")
    static <T> OpenResult<T> widen(OpenResult<? extends T> result) {
        return (OpenResult<T>) result;
    }

    /** The open device, or {@code null} when it failed. */
    default T deviceOrNull() {
        return this instanceof Opened<T> o ? o.device() : null;
    }

    /** The problem, or {@code null} when it opened. */
    default DeviceProblem problemOrNull() {
        return this instanceof Failed<T> f ? f.problem() : null;
    }
}
