package dev.parley.rtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    @Test
    void behavesLikeAReferenceSetModel() {
        Random r = new Random(11);
        ReplayWindow w = new ReplayWindow(128);
        Set<Long> seen = new HashSet<>();
        long top = -1;
        for (int i = 0; i < 100_000; i++) {
            long index = Math.max(0, top + r.nextInt(200) - 150);
            boolean expected = index > top || (top - index < 128 && !seen.contains(index));
            assertThat(w.check(index)).as("index %d top %d", index, top).isEqualTo(expected);
            if (expected && r.nextInt(4) != 0) { // sometimes a packet passes the check but fails authentication
                w.accept(index);
                seen.add(index);
                top = Math.max(top, index);
            }
        }
    }

    @Test
    void bigJumpsClearTheWindow() {
        ReplayWindow w = new ReplayWindow(64);
        w.accept(5);
        w.accept(1_000_000);
        assertThat(w.check(999_990)).isTrue();
        w.accept(999_990);
        assertThat(w.check(999_990)).isFalse();
        assertThat(w.check(5)).isFalse();
        assertThat(w.top()).isEqualTo(1_000_000);
    }

    @Test
    void sizeMustBeAPowerOfTwoOfAtLeast64() {
        assertThatThrownBy(() -> new ReplayWindow(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReplayWindow(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrtpOptions(0, 64, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
