package dev.parley.bench.common;

/** Command lines of {@code --name value} pairs, as every benchmark takes them. */
public final class OptionPairs {

    /** Applies one option to the options so far; throws {@link IllegalArgumentException} with a sentence. */
    @FunctionalInterface
    public interface Step<T> {
        T apply(T options, String name, String value);
    }

    private OptionPairs() {
    }

    /**
     * Folds the pairs into {@code initial}. {@code -h}/{@code --help} throws {@link IllegalArgumentException} with an
     * empty message (the caller prints its usage); an option without a value throws with a sentence.
     */
    public static <T> T fold(String[] args, T initial, Step<T> step) {
        T options = initial;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("-h") || name.equals("--help")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + name + " needs a value.");
            }
            options = step.apply(options, name, args[++i]);
        }
        return options;
    }
}
