package dev.parley.bench.h264;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.bench.h264.H264Options.FrameSize;
import dev.parley.rtc.media.synthetic.SyntheticVideo.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class H264OptionsTest {

    @Test
    void defaultsAreTheIssuesCases() {
        H264Options o = H264Options.parse(new String[0]);
        assertThat(o.frames()).isEqualTo(150);
        assertThat(o.clips()).containsExactly(Kind.STATIC, Kind.PAN);
        assertThat(o.sizes()).containsExactly(new FrameSize(640, 480), new FrameSize(1280, 720));
        assertThat(o.bitratesKbps()).containsExactly(1000, 2500);
        assertThat(o.jcodec()).isTrue();
        assertThat(o.jcodecQp()).isEqualTo(-1);
        assertThat(o.jcodecSetting()).isEqualTo("default");
    }

    @Test
    void parsesEveryOption() {
        H264Options o = H264Options.parse(new String[] {"--frames", "30", "--clips", "noise,cuts,shapes",
            "--sizes", "320x240,100X60", "--bitrate", "400,80", "--warmup", "0", "--jcodec", "off",
            "--jcodec-qp", "34", "--seed", "-5"});
        assertThat(o.frames()).isEqualTo(30);
        assertThat(o.clips()).containsExactly(Kind.NOISE, Kind.CUTS, Kind.SHAPES);
        assertThat(o.sizes()).containsExactly(new FrameSize(320, 240), new FrameSize(100, 60));
        assertThat(o.kbps(new FrameSize(100, 60))).isEqualTo(80);
        assertThat(o.warmup()).isZero();
        assertThat(o.jcodec()).isFalse();
        assertThat(o.jcodecSetting()).isEqualTo("qp 34");
        assertThat(o.seed()).isEqualTo(-5);
        // One bitrate serves every size, whichever option came first.
        H264Options one = H264Options.parse(new String[] {"--bitrate", "700", "--sizes", "640x480,1280x720"});
        assertThat(one.bitratesKbps()).isEqualTo(List.of(700, 700));
    }

    @Test
    void otherSizesGetABitrateOnTheSameCurve() {
        assertThat(H264Options.defaultKbps(new FrameSize(640, 480))).isEqualTo(1000);
        assertThat(H264Options.defaultKbps(new FrameSize(1280, 720))).isEqualTo(2500);
        int vga = H264Options.defaultKbps(new FrameSize(320, 240));
        assertThat(vga).isBetween(300, 400);
    }

    @Test
    void rejectsWhatItCannotRunWithASentence() {
        for (String[] bad : new String[][] {{"--frames", "0"}, {"--clips", "bars"}, {"--sizes", "641x480"},
            {"--sizes", "640"}, {"--bitrate", "1000,2000,3000"}, {"--jcodec-qp", "52"}, {"--jcodec", "maybe"},
            {"--frobnicate", "1"}, {"--frames"}}) {
            assertThatThrownBy(() -> H264Options.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(".");
        }
        assertThatThrownBy(() -> H264Options.parse(new String[] {"--help"})).hasMessage("");
    }
}
