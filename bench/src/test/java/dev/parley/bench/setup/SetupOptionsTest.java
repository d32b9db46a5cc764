package dev.parley.bench.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.rtc.peer.RtcConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SetupOptionsTest {

    @Test
    void defaultsAndOverrides() {
        assertThat(SetupOptions.parse(new String[0])).isEqualTo(SetupOptions.defaults());
        SetupOptions o = SetupOptions.parse(new String[] {"--iterations", "50", "--warmup", "0", "--timeout", "3",
            "--pause", "0", "--parley-ice-pacing", "5"});
        assertThat(o).isEqualTo(new SetupOptions(50, 0, 3, 0, 5));
    }

    @Test
    void badInputIsASentence() {
        assertThatThrownBy(() -> SetupOptions.parse(new String[] {"--iterations", "0"}))
                .hasMessage("--iterations must be at least 1.");
        assertThatThrownBy(() -> SetupOptions.parse(new String[] {"--iterations", "x"}))
                .hasMessage("--iterations takes a whole number, not 'x'.");
        assertThatThrownBy(() -> SetupOptions.parse(new String[] {"--warmup"})).hasMessage("Option --warmup needs a value.");
        assertThatThrownBy(() -> SetupOptions.parse(new String[] {"--fast", "1"})).hasMessage("Unknown option --fast.");
        assertThatThrownBy(() -> SetupOptions.parse(new String[] {"--help"})).hasMessage("");
    }

    @Test
    void theBudgetCoversEveryCallTimingOut() {
        SetupOptions o = SetupOptions.defaults();
        long calls = 2L * (o.iterations() + o.warmup());
        assertThat(o.budgetSeconds()).isGreaterThan(calls * o.timeoutSeconds());
    }

    @Test
    void parleyRunsTheEngineDefaultsUnlessPacingIsGiven() {
        assertThat(SetupOptions.defaults().parleyConfiguration()).isEqualTo(RtcConfiguration.loopback());
        RtcConfiguration paced = new SetupOptions(1, 0, 1, 0, 5).parleyConfiguration();
        assertThat(paced.ice().pacing()).isEqualTo(Duration.ofMillis(5));
        assertThat(paced.ice().withPacing(RtcConfiguration.loopback().ice().pacing()))
                .isEqualTo(RtcConfiguration.loopback().ice());
    }
}
