package dev.parley.rtc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LipSyncTest {

    private static final long MS = 1_000_000L;

    @Test
    void videoIsHeldBackByTheAudioBufferLessTheVideoLatency() {
        LipSync sync = new LipSync();
        long offset = 5_000_000_000L; // the receiver's clock is 5 s ahead of the sender's: it cancels out
        sync.setAudioBufferNanos(80 * MS);
        sync.setVideoDecodeNanos(5 * MS);
        for (int i = 0; i < 100; i++) {
            long capture = i * 20 * MS;
            sync.onAudioPacket(capture, capture + offset + 30 * MS);   // audio: 30 ms network
            sync.onVideoFrame(capture, capture + offset + 45 * MS);    // video: 45 ms network + assembly
        }
        // audio plays 30 + 80 = 110 ms after capture, video would show at 45 + 5 = 50 ms: hold it 60 ms.
        assertThat(sync.active()).isTrue();
        assertThat(sync.videoDelayNanos()).isBetween(59 * MS, 61 * MS);
        assertThat(sync.unsyncedOffsetMs()).isBetween(-61.0, -59.0);
    }

    @Test
    void videoLaterThanAudioIsNotDelayedFurtherAndALyingSenderIsCapped() {
        LipSync sync = new LipSync();
        sync.setAudioBufferNanos(20 * MS);
        sync.onAudioPacket(0, 10 * MS);
        sync.onVideoFrame(0, 200 * MS);
        assertThat(sync.videoDelayNanos()).isZero();
        assertThat(sync.unsyncedOffsetMs()).isGreaterThan(100);

        LipSync far = new LipSync();
        far.onAudioPacket(0, 3_000 * MS);
        far.onVideoFrame(3_000 * MS, 3_000 * MS);
        assertThat(far.videoDelayNanos()).as("a 3 s gap is held at most 1 s").isEqualTo(LipSync.MAX_VIDEO_DELAY_NANOS);
    }

    @Test
    void reportsThatDisagreeByHoursAreIgnored() {
        // libwebrtc fed frames stamped on another clock sends video SRs whose RTP/NTP map is hours off its packets.
        LipSync sync = new LipSync();
        sync.setAudioBufferNanos(40 * MS);
        sync.onAudioPacket(0, 30 * MS);
        sync.onVideoFrame(22_906_000 * MS, 40 * MS);
        assertThat(sync.active()).isFalse();
        assertThat(sync.videoDelayNanos()).isZero();
        assertThat(sync.unsyncedOffsetMs()).isZero();
    }

    @Test
    void nothingIsHeldUntilBothStreamsHaveSenderReports() {
        LipSync sync = new LipSync();
        sync.setAudioBufferNanos(200 * MS);
        sync.onVideoFrame(0, 10 * MS);
        assertThat(sync.active()).isFalse();
        assertThat(sync.videoDelayNanos()).isZero();
    }
}
