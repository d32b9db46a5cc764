package dev.parley.rtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AudioFrameTest {

    @Test
    void acceptsTheFourShapes() {
        assertThat(AudioFrame.wrap(new short[480], 1, 5).durationMillis()).isEqualTo(10);
        assertThat(AudioFrame.wrap(new short[960], 1, 5).durationMillis()).isEqualTo(20);
        AudioFrame stereo10 = AudioFrame.wrap(new short[960], 2, 5);
        assertThat(stereo10.samplesPerChannel()).isEqualTo(480);
        assertThat(stereo10.durationMillis()).isEqualTo(10);
        AudioFrame stereo20 = AudioFrame.wrap(new short[1920], 2, 7);
        assertThat(stereo20.sampleCount()).isEqualTo(1920);
        assertThat(stereo20.timestampNanos()).isEqualTo(7);
    }

    @Test
    void rejectsOtherSampleCountsChannelsAndShortArrays() {
        assertThatThrownBy(() -> AudioFrame.wrap(new short[441], 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.wrap(new short[1440], 3, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.wrap(new short[961], 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.wrap(new short[1000], 50, 1, 960, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.wrap(new short[1000], -1, 1, 480, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.wrap(null, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AudioFrame.silence(0, 480, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapsWithoutCopyingAndCopyIsIndependent() {
        short[] buf = new short[1000];
        buf[40] = 123;
        AudioFrame f = AudioFrame.wrap(buf, 40, 1, 960, 1);
        assertThat(f.samples()).isSameAs(buf);
        AudioFrame kept = f.copy();
        buf[40] = -1;
        assertThat(kept.offset()).isZero();
        assertThat(kept.samples()[0]).isEqualTo((short) 123);
        assertThat(kept.samples()).hasSize(960);
    }
}
