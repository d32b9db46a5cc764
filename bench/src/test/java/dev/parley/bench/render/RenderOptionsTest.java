package dev.parley.bench.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenderOptionsTest {

    @Test
    void defaultsAndOverrides() {
        RenderOptions d = RenderOptions.parse(new String[0]);
        assertThat(d).isEqualTo(RenderOptions.defaults());
        assertThat(d.panes()).isEqualTo(4);
        assertThat(d.seconds()).isEqualTo(10);
        assertThat(d.modes()).containsExactly("pulse", "runlater");
        RenderOptions o = RenderOptions.parse(new String[] {"--seconds", "3", "--warmup", "0", "--panes", "2",
            "--width", "320", "--height", "240", "--fps", "60", "--mode", "runlater", "--window", "800x600"});
        assertThat(o).isEqualTo(new RenderOptions(3, 0, 2, 320, 240, 60, List.of("runlater"), 800, 600));
    }

    @Test
    void badInputIsASentence() {
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--panes", "5"}))
                .hasMessage("--panes must be within 1..4.");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--width", "641"}))
                .hasMessage("Width and height must be even (I420).");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--mode", "vsync"}))
                .hasMessage("--mode takes pulse, runlater or both, not 'vsync'.");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--window", "big"}))
                .hasMessage("--window takes WIDTHxHEIGHT, e.g. 1280x720, not 'big'.");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--seconds"}))
                .hasMessage("Option --seconds needs a value.");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--fast", "1"}))
                .hasMessage("Unknown option --fast.");
        assertThatThrownBy(() -> RenderOptions.parse(new String[] {"--help"})).hasMessage("");
    }

    @Test
    void theBudgetCoversEveryMode() {
        RenderOptions o = RenderOptions.defaults();
        assertThat(o.budgetSeconds()).isGreaterThan(2L * (o.warmupSeconds() + o.seconds()));
    }
}
