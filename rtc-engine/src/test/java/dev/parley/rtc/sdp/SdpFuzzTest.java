package dev.parley.rtc.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Seeded random mutations of the interop files: every result must be either an {@link SdpParseException} or a model
 * whose typed readers work, which writes and re-reads to the same text, and which Parley can answer (or refuse with
 * {@link SdpNegotiationException}). Any other throwable fails the test.
 */
class SdpFuzzTest {
    static final List<String> FILES = Fixtures.ALL;
    private static final int ROUNDS = 1000;
    private static final String ALPHABET = "\u0000\r\n :/=;*-+.0123456789aZ\u00e9\u4e2d\uffff";

    @ParameterizedTest
    @FieldSource("FILES")
    void mutationsParseOrFailCleanly(String file) {
        String original = Fixtures.text(file);
        Random random = new Random(file.hashCode());
        int[] outcome = new int[2];
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int i = 0; i < ROUNDS; i++) {
                String mutated = mutate(original, random);
                try {
                    Sdp sdp = SdpParser.parse(mutated);
                    exercise(sdp);
                    String written = SdpWriter.write(sdp);
                    assertThat(SdpWriter.write(SdpParser.parse(written))).isEqualTo(written);
                    answerIfPossible(sdp);
                    outcome[0]++;
                } catch (SdpParseException expected) {
                    assertThat(expected.getMessage()).startsWith("SDP");
                    // A cause means the parser's safety net caught a defect in a value parser: a bug, not a refusal.
                    assertThat(expected.getCause()).as("parser defect for input:\n" + mutated).isNull();
                    outcome[1]++;
                } catch (Throwable t) {
                    fail("Unexpected " + t + " for input:\n" + mutated, t);
                }
            }
        });
        // Both outcomes must occur, or the mutations are not exercising anything.
        assertThat(outcome[0]).isPositive();
        assertThat(outcome[1]).isPositive();
    }

    /** The answerer reads the same untrusted offer: it must answer or refuse with a sentence, never crash. */
    private static void answerIfPossible(Sdp offer) throws SdpParseException {
        try {
            Sdp answer = NegotiationFixtures.answer(offer);
            assertThat(answer.media()).hasSameSizeAs(offer.media());
            SdpParser.parse(SdpWriter.write(answer));
        } catch (SdpNegotiationException refused) {
            assertThat(refused.getMessage()).startsWith("The offer's m= section");
        }
    }

    private static void exercise(Sdp sdp) {
        sdp.groups();
        sdp.bundleGroup();
        sdp.fingerprints();
        sdp.extmaps();
        sdp.iceOptions();
        sdp.setup();
        for (MediaDescription m : sdp.media()) {
            m.codecs().forEach(c -> {
                c.parameters();
                c.associatedPayloadType();
            });
            m.candidates().forEach(Candidate::toAttributeValue);
            m.invalidCandidates();
            m.extmaps();
            m.msids();
            m.ssrcs();
            m.ssrcGroups();
            m.rtcp();
            m.sctpPort();
            sdp.fingerprintsFor(m);
            sdp.setupFor(m);
            sdp.directionFor(m);
            sdp.iceUfragFor(m);
        }
    }

    private static String mutate(String s, Random r) {
        int n = s.length();
        return switch (r.nextInt(8)) {
            case 0 -> s.substring(0, r.nextInt(n)); // truncation
            case 1 -> { // delete a range
                int a = r.nextInt(n);
                yield s.substring(0, a) + s.substring(Math.min(n, a + 1 + r.nextInt(40)));
            }
            case 2 -> { // insert random characters
                int a = r.nextInt(n);
                StringBuilder b = new StringBuilder(s.substring(0, a));
                for (int k = 1 + r.nextInt(6); k > 0; k--) {
                    b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                }
                yield b.append(s.substring(a)).toString();
            }
            case 3 -> { // overwrite one character
                int a = r.nextInt(n);
                yield s.substring(0, a) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(a + 1);
            }
            case 4 -> { // huge number
                int a = r.nextInt(n);
                yield s.substring(0, a) + "9".repeat(1 + r.nextInt(30)) + s.substring(a);
            }
            case 5 -> lines(s, r, true);
            case 6 -> lines(s, r, false);
            default -> { // several mutations at once
                String t = s;
                for (int k = 0; k < 4; k++) {
                    t = t.isEmpty() ? t : mutate(t, r);
                }
                yield t;
            }
        };
    }

    /** Duplicates or swaps whole lines. */
    private static String lines(String s, Random r, boolean duplicate) {
        List<String> l = new ArrayList<>(Arrays.asList(s.split("\r\n")));
        int a = r.nextInt(l.size());
        int b = r.nextInt(l.size());
        if (duplicate) {
            l.add(b, l.get(a));
        } else {
            String t = l.get(a);
            l.set(a, l.get(b));
            l.set(b, t);
        }
        return String.join("\r\n", l) + "\r\n";
    }
}
