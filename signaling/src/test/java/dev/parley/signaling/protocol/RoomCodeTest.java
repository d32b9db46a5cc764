package dev.parley.signaling.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomCodeTest {

    @Test
    void generatedCodesAreValidUniqueAndCarryFortyFiveRandomBits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = RoomCode.generate();
            assertThat(code).hasSize(RoomCode.LENGTH).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(RoomCode.normalize(code)).contains(code);
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        // 9 data symbols of 5 bits each: at least the 40 bits the protocol asks for.
        assertThat(RoomCode.DATA_SYMBOLS * 5).isGreaterThanOrEqualTo(40);
    }

    @Test
    void displayFormIsLowerCaseInTwoGroupsAndReadsBack() {
        String code = RoomCode.generate();
        String shown = RoomCode.display(code);
        assertThat(shown).matches("[0-9a-z]{5}-[0-9a-z]{5}");
        assertThat(RoomCode.normalize(shown)).contains(code);
    }

    @Test
    void repairsWhatPeopleType() {
        String code = codeContaining();
        String shown = RoomCode.display(code);
        assertThat(RoomCode.normalize(shown.toUpperCase())).contains(code);
        assertThat(RoomCode.normalize("  " + shown.replace("-", " ") + " ")).contains(code);
        assertThat(RoomCode.normalize(shown.replace("-", "").replace("0", "o").replace("1", "l"))).contains(code);
        assertThat(RoomCode.normalize(shown.replace("1", "I"))).contains(code);
        assertThat(RoomCode.normalize(shown.replace("-", " – "))).contains(code);
        assertThat(RoomCode.normalize(toFullWidth(shown)))
                .as("full-width letters from a phone keyboard").contains(code);
    }

    @Test
    void everySingleMistypedSymbolIsCaught() {
        for (int n = 0; n < 50; n++) {
            String code = RoomCode.generate();
            for (int pos = 0; pos < code.length(); pos++) {
                for (char c : RoomCode.ALPHABET.toCharArray()) {
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String typo = code.substring(0, pos) + c + code.substring(pos + 1);
                    assertThat(RoomCode.isValid(typo)).as(typo).isFalse();
                }
            }
        }
    }

    @Test
    void mostNeighbourSwapsAreCaught() {
        int swaps = 0;
        int caught = 0;
        for (int n = 0; n < 500; n++) {
            String code = RoomCode.generate();
            for (int pos = 0; pos + 1 < code.length(); pos++) {
                if (code.charAt(pos) == code.charAt(pos + 1)) {
                    continue;
                }
                String swapped = code.substring(0, pos) + code.charAt(pos + 1) + code.charAt(pos) + code.substring(pos + 2);
                swaps++;
                if (!RoomCode.isValid(swapped)) {
                    caught++;
                }
            }
        }
        assertThat((double) caught / swaps).isGreaterThan(0.99);
    }

    @Test
    void rejectsWhatCannotBeACode() {
        assertThat(RoomCode.normalize(null)).isEmpty();
        assertThat(RoomCode.normalize("")).isEmpty();
        assertThat(RoomCode.normalize("kite-4821-moss")).isEmpty();
        assertThat(RoomCode.normalize("uuuuu-uuuuu")).isEmpty();
        assertThat(RoomCode.normalize("12345")).isEmpty();
        assertThat(RoomCode.normalize(RoomCode.generate() + "0")).isEmpty();
        assertThat(RoomCode.normalize("x".repeat(100_000))).isEmpty();
        assertThat(RoomCode.normalize("\uD83D\uDE00\uD83D\uDE00")).isEmpty();
    }

    @Test
    void partialInputIsAcceptedWhileTyping() {
        assertThat(RoomCode.partial("7mq-2")).contains("7MQ2");
        assertThat(RoomCode.partial("7mq!")).isEmpty();
        assertThat(RoomCode.partial("")).contains("");
    }

    private static String codeContaining() {
        // A code with 0 and 1 in it exercises the look-alike repairs.
        while (true) {
            String code = RoomCode.generate();
            if (code.indexOf('0') >= 0 && code.indexOf('1') >= 0) {
                return code;
            }
        }
    }

    private static String toFullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? (char) (c - 0x20 + 0xFF00) : c);
        }
        return out.toString();
    }
}
