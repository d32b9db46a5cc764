package dev.parley.capture.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameraFormatTest {

    private static final List<CameraFormat> TEST_PATTERN = List.of(new CameraFormat(320, 240, 30),
            new CameraFormat(640, 480, 30), new CameraFormat(1280, 720, 30));
    /** What sarxos's native driver lists for any camera. */
    private static final List<CameraFormat> SARXOS_NATIVE = List.of(new CameraFormat(176, 144, 30),
            new CameraFormat(320, 240, 30), new CameraFormat(640, 480, 30));

    @Test
    void theDefaultIsVgaAtThirty() {
        assertThat(CameraFormat.DEFAULT).isEqualTo(new CameraFormat(640, 480, 30));
        assertThat(CameraFormat.HD).isEqualTo(new CameraFormat(1280, 720, 30));
    }

    @Test
    void anOfferedSizeIsTakenAsIs() {
        assertThat(CameraFormat.HD.closestIn(TEST_PATTERN)).isEqualTo(CameraFormat.HD);
        assertThat(CameraFormat.DEFAULT.closestIn(TEST_PATTERN)).isEqualTo(CameraFormat.DEFAULT);
        assertThat(new CameraFormat(1280, 720, 15).closestIn(TEST_PATTERN)).isEqualTo(new CameraFormat(1280, 720, 15));
    }

    @Test
    void otherwiseTheClosestSizeAtTheRateAskedFor() {
        assertThat(new CameraFormat(1920, 1080, 30).closestIn(TEST_PATTERN)).isEqualTo(CameraFormat.HD);
        assertThat(new CameraFormat(800, 600, 24).closestIn(TEST_PATTERN)).isEqualTo(new CameraFormat(640, 480, 24));
        assertThat(new CameraFormat(160, 120, 10).closestIn(TEST_PATTERN)).isEqualTo(new CameraFormat(320, 240, 10));
        assertThat(CameraFormat.HD.closestIn(SARXOS_NATIVE)).isEqualTo(CameraFormat.DEFAULT);
    }

    @Test
    void aTieGoesToTheSmallerSize() {
        List<CameraFormat> offered = List.of(new CameraFormat(400, 300, 30), new CameraFormat(200, 100, 30));

        assertThat(new CameraFormat(300, 200, 30).closestIn(offered)).isEqualTo(new CameraFormat(200, 100, 30));
    }

    @Test
    void withNothingOfferedTheFormatItself() {
        assertThat(CameraFormat.HD.closestIn(List.of())).isEqualTo(CameraFormat.HD);
    }

    @Test
    void oddSizesAndImpossibleRatesAreRefused() {
        assertThatThrownBy(() -> new CameraFormat(641, 480, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CameraFormat(640, 0, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CameraFormat(640, 480, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CameraFormat(640, 480, 1000)).isInstanceOf(IllegalArgumentException.class);
    }
}
