package dev.parley.signaling.protocol;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Parley room codes: nine random Crockford base32 symbols (45 bits) and one Luhn mod 32 check symbol,
 * shown in lower case as two groups of five, e.g. {@code 7mq2k-xd41r}.
 *
 * <p>Crockford's alphabet leaves out I, L, O and U, so what a person types can be repaired: case,
 * spaces, dashes and dots are ignored, full-width forms fold to ASCII, I and L read as 1, O reads as 0.
 * The check symbol catches every single mistyped symbol and most swaps of two neighbours before the
 * code ever reaches the server. See docs/signaling.md.
 */
public final class RoomCode {

    /** Crockford base32 (https://www.crockford.com/base32.html). */
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int DATA_SYMBOLS = 9;
    public static final int LENGTH = DATA_SYMBOLS + 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RoomCode() {
    }

    /** A new random code in canonical form (upper case, no separators). */
    public static String generate() {
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < DATA_SYMBOLS; i++) {
            symbols[i] = ALPHABET.charAt(RANDOM.nextInt(32));
        }
        symbols[DATA_SYMBOLS] = ALPHABET.charAt(checkValue(new String(symbols, 0, DATA_SYMBOLS)));
        return new String(symbols);
    }

    /**
     * Repairs what a person typed into the canonical form, or empty when it is not a valid code
     * (wrong length, a symbol outside the alphabet, or a failed check symbol).
     */
    public static Optional<String> normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        return partial(typed).filter(symbols -> symbols.length() == LENGTH && hasValidCheck(symbols));
    }

    /** True when {@code typed} repairs to a valid code. */
    public static boolean isValid(String typed) {
        return normalize(typed).isPresent();
    }

    /** How a canonical code is shown to people: lower case, two groups of five. */
    public static String display(String canonical) {
        String lower = canonical.toLowerCase(Locale.ROOT);
        return lower.length() == LENGTH ? lower.substring(0, 5) + "-" + lower.substring(5) : lower;
    }

    /**
     * How far the input has got, for validating as a person types: the repaired symbols so far, or empty
     * when a character can never be part of a code.
     */
    public static Optional<String> partial(String typed) {
        if (typed == null) {
            return Optional.of("");
        }
        String folded = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isSeparator(c)) {
                continue;
            }
            char repaired = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(repaired) < 0 || out.length() == LENGTH) {
                return Optional.empty();
            }
            out.append(repaired);
        }
        return Optional.of(out.toString());
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '_' || c == '.'
                || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014'
                || c == '\u2212' || c == '\u00B7';
    }

    // Luhn mod N (N = 32): doubling every second symbol from the right makes neighbour swaps visible.
    private static int checkValue(CharSequence data) {
        int factor = 2;
        int sum = 0;
        for (int i = data.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(data.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return (32 - sum % 32) % 32;
    }

    private static boolean hasValidCheck(CharSequence code) {
        int check = ALPHABET.indexOf(code.charAt(code.length() - 1));
        return checkValue(code.subSequence(0, code.length() - 1)) == check;
    }
}
