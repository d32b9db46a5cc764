package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Small, allocation-bounded helpers for the token grammar shared by SDP lines and attributes. Every failure is an
 * {@link IllegalArgumentException} carrying a sentence; {@link SdpParser} adds the line number.
 */
final class Syntax {
    private Syntax() {
    }

    /** Splits on runs of spaces (RFC 8866 uses single spaces; runs are tolerated), dropping empty tokens. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** A non-negative decimal integer within [min, max]; digits only, so no sign, no spaces, no overflow. */
    static long number(String s, long min, long max, String what) {
        if (s.isEmpty() || s.length() > 19) {
            throw new IllegalArgumentException(what + " must be a number, got \"" + clip(s) + "\".");
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " must be a number, got \"" + clip(s) + "\".");
            }
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ", got " + v + ".");
        }
        return v;
    }

    static int integer(String s, int min, int max, String what) {
        return (int) number(s, min, max, what);
    }

    /** Decimal digits only, any length up to 32 (session ids are 64-bit and may exceed a signed long). */
    static String digits(String s, String what) {
        if (s.isEmpty() || s.length() > 32 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(what + " must be decimal digits, got \"" + clip(s) + "\".");
        }
        return s;
    }

    /** RFC 8866 §9 token-char: printable US-ASCII except the separators listed there. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** RFC 8839 §5.1 ice-char = ALPHA / DIGIT / "+" / "/". */
    static boolean isIceChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void require(boolean ok, String sentence) {
        if (!ok) {
            throw new IllegalArgumentException(sentence);
        }
    }

    /** Shortens attacker-chosen text before it goes into an error message or a log line. */
    static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
