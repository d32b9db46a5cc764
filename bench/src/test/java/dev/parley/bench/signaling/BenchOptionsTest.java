package dev.parley.bench.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void defaultsAreTheIssuesTarget() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertThat(o.clients()).isEqualTo(5_000);
        assertThat(o.rate()).isEqualTo(5_000);
        assertThat(o.seconds()).isEqualTo(20);
        assertThat(o.perClientRate()).isEqualTo(1.0);
    }

    @Test
    void readsOptions() {
        BenchOptions o = BenchOptions.parse(new String[] {"--clients", "200", "--rate", "1000.5", "--seconds", "3",
            "--warmup", "0", "--server-heap", "1g"});
        assertThat(o.clients()).isEqualTo(200);
        assertThat(o.pairs()).isEqualTo(100);
        assertThat(o.rate()).isEqualTo(1000.5);
        assertThat(o.warmupSeconds()).isZero();
        assertThat(o.serverHeap()).isEqualTo("1g");
    }

    @Test
    void refusesWhatCannotRun() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clients", "3"}))
                .hasMessageContaining("even");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--rate", "fast"}))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--seconds"}))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("Unknown option");
    }
}
