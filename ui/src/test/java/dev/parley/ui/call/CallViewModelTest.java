package dev.parley.ui.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.banner.Banner;
import dev.parley.ui.call.StatsHistory.Metric;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call screen's state without a stage: events applied directly, time stepped by hand. */
class CallViewModelTest {

    private final AtomicLong now = new AtomicLong(10_000);
    private final FakeCallService service = new FakeCallService();
    private CallViewModel model;
    private CallEvents events;

    @BeforeEach
    void setUp() {
        model = new CallViewModel(service, Runnable::run, now::get);
        events = service.events;
    }

    @Test
    void registersItselfForEventsAndStartsConnectingWithControlsOn() {
        assertThat(events).isSameAs(model);
        assertThat(model.statusProperty().get()).isEqualTo(CallStatus.CONNECTING);
        assertThat(model.isMicrophoneMuted()).isFalse();
        assertThat(model.isCameraOn()).isTrue();
        assertThat(model.isFullScreen()).isFalse();
        assertThat(model.isStatsVisible()).isFalse();
        assertThat(model.participants()).isEmpty();
    }

    @Test
    void participantsJoinInOrderAndLeaveWithAnInformationBanner() {
        events.onParticipantJoined("p1", "Ana Lima");
        events.onParticipantJoined("p2", "grace hopper");
        assertThat(model.participants()).extracting(ParticipantViewModel::id).containsExactly("p1", "p2");
        assertThat(model.participant("p2").initialsProperty().get()).isEqualTo("GH");
        assertThat(model.banners().banners()).as("those already there arrive while connecting: no banners").isEmpty();

        events.onParticipantJoined("p1", "Ana");
        assertThat(model.participants()).as("a repeated join renames, never duplicates").hasSize(2);
        assertThat(model.participant("p1").getName()).isEqualTo("Ana");

        events.onCallStatus(CallStatus.CONNECTED, "Connected.");
        events.onParticipantJoined("p3", "Linus");
        assertThat(sentences()).containsExactly("Linus joined.");

        events.onParticipantLeft("p2", "Lost the connection to grace hopper.");
        events.onParticipantLeft("p1", null);
        events.onParticipantLeft("nobody", "ignored");
        assertThat(model.participants()).extracting(ParticipantViewModel::id).containsExactly("p3");
        assertThat(model.participant("p2")).isNull();
        assertThat(sentences()).containsExactly("Linus joined.", "Lost the connection to grace hopper.",
                "Ana left.");
        assertThat(model.banners().banners()).allMatch(b -> b.severity() == Notice.Severity.INFO && !b.sticky());
    }

    @Test
    void participantStateVideoAndPlaceholder() {
        events.onParticipantJoined("p1", "Ana");
        ParticipantViewModel ana = model.participant("p1");
        assertThat(ana.placeholderShownProperty().get()).as("no video yet").isTrue();
        assertThat(ana.qualityProperty().get()).isEqualTo(ConnectionQuality.UNKNOWN);

        events.onRemoteVideo("p1", sink -> { });
        assertThat(ana.videoProperty().get()).isNotNull();
        assertThat(ana.placeholderShownProperty().get()).isFalse();

        events.onParticipantState("p1", new ParticipantState(true, true, ConnectionQuality.POOR));
        assertThat(ana.microphoneMutedProperty().get()).isTrue();
        assertThat(ana.cameraOffProperty().get()).isTrue();
        assertThat(ana.placeholderShownProperty().get()).isTrue();
        assertThat(ana.descriptionProperty().get())
                .isEqualTo("Ana, microphone muted, camera off, Poor connection");

        events.onParticipantState("p1", new ParticipantState(false, false, ConnectionQuality.GOOD));
        assertThat(ana.placeholderShownProperty().get()).isFalse();
        assertThat(ana.descriptionProperty().get()).isEqualTo("Ana, Good connection");
    }

    @Test
    void initialsComeFromTheFirstAndLastWords() {
        assertThat(ParticipantViewModel.initialsOf("Grace Brewster Hopper")).isEqualTo("GH");
        assertThat(ParticipantViewModel.initialsOf("ada")).isEqualTo("A");
        assertThat(ParticipantViewModel.initialsOf("  ")).isEqualTo("?");
        assertThat(ParticipantViewModel.initialsOf("(Zoë) Ørsted")).isEqualTo("ZØ");
        assertThat(new ParticipantViewModel("x", "").getName()).isEqualTo("Guest");
    }

    @Test
    void aSpeakerTakesTheHighlightOnlyAfterBeingClearlyLoudestFor300Milliseconds() {
        events.onParticipantJoined("a", "Ana");
        events.onParticipantJoined("b", "Ben");
        ParticipantViewModel ana = model.participant("a");
        ParticipantViewModel ben = model.participant("b");

        level(0, "a", -20, "b", -80);
        assertThat(ana.speakingProperty().get()).as("talking is immediate").isTrue();
        level(100, "a", -20, "b", -80);
        level(200, "a", -22, "b", -80);
        assertThat(model.activeSpeakerProperty().get()).as("not after 200 ms").isNull();
        level(300, "a", -21, "b", -80);
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);
        assertThat(ana.isActiveSpeaker()).isTrue();

        // Ben speaks up, but only 3 dB louder than Ana: not clearly loudest, Ana keeps the highlight.
        for (int t = 400; t <= 1500; t += 100) {
            level(t, "a", -21, "b", -18);
        }
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);

        // A short burst from Ben (200 ms clearly louder) does not move it either.
        level(1600, "a", -40, "b", -15);
        level(1700, "a", -40, "b", -15);
        level(1800, "a", -20, "b", -20);
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);

        // Sustained: after 300 ms Ben has it.
        level(1900, "a", -40, "b", -15);
        level(2000, "a", -40, "b", -15);
        level(2100, "a", -40, "b", -15);
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);
        level(2200, "a", -40, "b", -15);
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ben);
        assertThat(ana.isActiveSpeaker()).isFalse();
        assertThat(ben.isActiveSpeaker()).isTrue();
    }

    @Test
    void silenceBelowTheFloorNeverSpeaksAndTheHighlightEndsAfterAPause() {
        events.onParticipantJoined("a", "Ana");
        events.onParticipantJoined("b", "Ben");
        ParticipantViewModel ana = model.participant("a");
        for (int t = 0; t <= 2000; t += 100) {
            level(t, "a", -52, "b", -95); // room noise, well apart but under -50 dBFS
        }
        assertThat(model.activeSpeakerProperty().get()).isNull();
        assertThat(ana.speakingProperty().get()).isFalse();

        for (int t = 2100; t <= 2500; t += 100) {
            level(t, "a", -25, "b", -95);
        }
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);
        // A pause between sentences keeps it...
        for (int t = 2600; t <= 3800; t += 100) {
            level(t, "a", -70, "b", -95);
        }
        assertThat(model.activeSpeakerProperty().get()).isSameAs(ana);
        assertThat(ana.speakingProperty().get()).isFalse();
        // ...a longer silence ends it.
        level(4000, "a", -70, "b", -95);
        assertThat(model.activeSpeakerProperty().get()).isNull();
    }

    @Test
    void levelsThatStopComingCountAsSilenceAndALeavingSpeakerLosesTheHighlight() {
        events.onParticipantJoined("a", "Ana");
        events.onParticipantJoined("b", "Ben");
        for (int t = 0; t <= 300; t += 100) {
            level(t, "a", -20, "b", -90);
        }
        assertThat(model.activeSpeakerProperty().get()).isSameAs(model.participant("a"));
        now.addAndGet(LEVEL_STALE);
        model.tick();
        assertThat(model.participant("a").speakingProperty().get()).as("still fresh").isTrue();
        now.addAndGet(100);
        model.tick();
        assertThat(model.participant("a").speakingProperty().get()).as("stale level").isFalse();
        assertThat(model.participant("a").audioLevelProperty().get()).isEqualTo(-100);
        now.addAndGet(1_000);
        model.tick();
        assertThat(model.activeSpeakerProperty().get()).isNull();

        for (int t = 3000; t <= 3300; t += 100) {
            level(t, "a", -90, "b", -20);
        }
        assertThat(model.activeSpeakerProperty().get()).isSameAs(model.participant("b"));
        events.onParticipantLeft("b", "Ben left.");
        assertThat(model.activeSpeakerProperty().get()).isNull();
    }

    @Test
    void controlsChangeStateAndCallTheService() {
        model.toggleMicrophone();
        assertThat(model.isMicrophoneMuted()).isTrue();
        model.toggleCamera();
        assertThat(model.isCameraOn()).isFalse();
        model.setMicrophoneMuted(true); // no change, no call
        model.toggleMicrophone();
        model.setCameraOn(true);
        assertThat(service.calls).containsExactly("mic muted=true", "camera enabled=false", "mic muted=false",
                "camera enabled=true");

        model.toggleFullScreen();
        model.toggleStats();
        assertThat(model.isFullScreen()).isTrue();
        assertThat(model.isStatsVisible()).isTrue();
        model.requestLeave();
        // Esc: the pending leave first, then the overlay, then full screen, then nothing.
        assertThat(model.escape()).isTrue();
        assertThat(model.isLeavePending()).isFalse();
        assertThat(model.isStatsVisible()).isTrue();
        assertThat(model.escape()).isTrue();
        assertThat(model.isStatsVisible()).isFalse();
        assertThat(model.isFullScreen()).isTrue();
        assertThat(model.escape()).isTrue();
        assertThat(model.isFullScreen()).isFalse();
        assertThat(model.escape()).isFalse();
        assertThat(service.calls).doesNotContain("leave");
    }

    @Test
    void copyingTheRoomCodeGivesTheCodeAndTheLink() {
        CallViewModel.ShareText text = model.copyRoomCode();
        assertThat(text.code()).isEqualTo("7mq2k-xd41r");
        assertThat(text.link()).isEqualTo("parley://join/7mq2k-xd41r");
        assertThat(sentences()).singleElement().asString().contains("7mq2k-xd41r");
        model.copyRoomCode();
        assertThat(model.banners().banners()).as("copying again refreshes the one banner").hasSize(1);
    }

    @Test
    void leavingAsksForConfirmationFirst() {
        AtomicInteger ended = new AtomicInteger();
        model.setOnEnded(ended::incrementAndGet);
        events.onParticipantJoined("a", "Ana");
        events.onRemoteVideo("a", sink -> { });
        ParticipantViewModel ana = model.participant("a");

        model.confirmLeave();
        assertThat(service.calls).as("confirm without a request does nothing").isEmpty();
        model.requestLeave();
        assertThat(model.isLeavePending()).isTrue();
        model.cancelLeave();
        assertThat(model.isLeavePending()).isFalse();
        assertThat(model.isEnded()).isFalse();

        model.requestLeave();
        model.confirmLeave();
        assertThat(service.calls).containsExactly("leave");
        assertThat(model.isEnded()).isTrue();
        assertThat(model.isLeavePending()).isFalse();
        assertThat(model.endSentenceProperty().get()).isEqualTo("You left the call.");
        assertThat(model.participants()).isEmpty();
        assertThat(ana.videoProperty().get()).as("video released").isNull();
        assertThat(ended).hasValue(1);

        // The app confirms the end; nothing happens twice, and commands are ignored now.
        events.onCallStatus(CallStatus.ENDED, "The call ended.");
        model.toggleMicrophone();
        model.requestLeave();
        assertThat(ended).hasValue(1);
        assertThat(model.isLeavePending()).isFalse();
        assertThat(service.calls).containsExactly("leave");
    }

    @Test
    void theAppEndingTheCallTellsTheViewToGoBack() {
        AtomicInteger ended = new AtomicInteger();
        model.setOnEnded(ended::incrementAndGet);
        model.toggleFullScreen();
        events.onCallStatus(CallStatus.ENDED, "The room was closed.");
        assertThat(model.isEnded()).isTrue();
        assertThat(model.isFullScreen()).isFalse();
        assertThat(model.endSentenceProperty().get()).isEqualTo("The room was closed.");
        assertThat(ended).hasValue(1);
        assertThat(service.calls).as("the app ended it; nothing to leave").isEmpty();
    }

    @Test
    void informationFadesWarningsAndErrorsStayUntilDismissed() {
        events.onNotice(Notice.info("Ana turned on her camera."));
        events.onNotice(Notice.error("The signaling server is unreachable.", "Check your internet connection."));
        assertThat(model.banners().banners()).hasSize(2);

        now.addAndGet(3_900);
        model.tick();
        assertThat(model.banners().banners()).hasSize(2);
        now.addAndGet(100);
        model.tick();
        assertThat(sentences()).containsExactly("The signaling server is unreachable.");

        now.addAndGet(600_000);
        model.tick();
        Banner error = model.banners().banners().get(0);
        assertThat(error.sticky()).isTrue();
        assertThat(error.accessibleText())
                .isEqualTo("Error: The signaling server is unreachable. Check your internet connection.");
        events.onNotice(Notice.error("The signaling server is unreachable.", "Check your internet connection."));
        assertThat(model.banners().banners()).as("the same notice is not stacked").hasSize(1);
        assertThat(model.banners().dismiss(model.banners().banners().get(0))).isTrue();
        assertThat(model.banners().banners()).isEmpty();
    }

    @Test
    void reconnectingShowsAWarningUntilConnectedAgain() {
        events.onCallStatus(CallStatus.CONNECTING, "Connecting to Ana…");
        assertThat(model.banners().find(CallViewModel.STATUS_BANNER).sticky()).isTrue();
        now.addAndGet(10_000);
        model.tick();
        assertThat(sentences()).as("connecting stays until connected").containsExactly("Connecting to Ana…");
        events.onCallStatus(CallStatus.CONNECTED, "Connected.");
        assertThat(model.banners().banners()).as("no 'reconnected' after a first connection").isEmpty();
        assertThat(model.statusTextProperty().get()).isEqualTo("Connected.");

        events.onCallStatus(CallStatus.RECONNECTING, "Lost the connection to the server. Reconnecting…");
        Banner warning = model.banners().find(CallViewModel.STATUS_BANNER);
        assertThat(warning.severity()).isEqualTo(Notice.Severity.WARNING);
        assertThat(warning.notice().sentence()).isEqualTo("Lost the connection to the server. Reconnecting…");
        assertThat(model.statusProperty().get()).isEqualTo(CallStatus.RECONNECTING);
        now.addAndGet(60_000);
        model.tick();
        events.onCallStatus(CallStatus.RECONNECTING, null);
        assertThat(model.banners().banners()).as("still one reconnecting banner").hasSize(1);

        events.onCallStatus(CallStatus.CONNECTED, "Reconnected.");
        assertThat(model.banners().find(CallViewModel.STATUS_BANNER)).isNull();
        assertThat(sentences()).containsExactly("Reconnected.");
        now.addAndGet(4_000);
        model.tick();
        assertThat(model.banners().banners()).isEmpty();
    }

    @Test
    void statsHistoryKeepsTheLastMinuteAsChartSeriesAndText() {
        events.onParticipantJoined("a", "Ana");
        for (int i = 0; i < 200; i++) {
            events.onStats("a", FakeCallService.stats(1_000_000 + i * 1000L, 800 + i, i % 5, 40 + i, 30));
        }
        StatsHistory h = model.participant("a").stats();
        assertThat(h.size()).isEqualTo(61);
        assertThat(h.samples().get(0).timestampMillis()).isEqualTo(1_000_000 + 139_000);
        for (Metric m : Metric.values()) {
            XYChart.Series<Number, Number> s = h.series(m);
            assertThat(s.getData()).as(m.name()).hasSize(61);
            double first = s.getData().get(0).getXValue().doubleValue();
            double last = s.getData().get(60).getXValue().doubleValue();
            assertThat(last - first).isEqualTo(60.0);
            assertThat(last).isEqualTo(199.0);
        }
        assertThat(h.series(Metric.RECEIVE_KBPS).getData().get(60).getYValue().doubleValue()).isEqualTo(999);
        assertThat(h.series(Metric.RTT).getData().get(60).getYValue().doubleValue()).isEqualTo(239);
        assertThat(h.resolutionProperty().get()).isEqualTo("640 × 480");
        assertThat(h.codecsProperty().get()).isEqualTo("H264 video, opus audio");
        assertThat(h.fecRecoveredProperty().get()).isEqualTo("12 packets");
        assertThat(h.nackedProperty().get()).isEqualTo("3 packets");
        assertThat(h.candidatePairProperty().get()).isEqualTo("Direct, through NAT (host/srflx)");

        // Unknown figures leave gaps in the charts, and text says so.
        events.onStats("a", new CallStats(1_200_000, Double.NaN, -1, Double.NaN, 35, 0, -1, -1, 0, 0, null, "opus",
                "relay/host"));
        assertThat(h.series(Metric.RECEIVE_KBPS).getData()).hasSize(60);
        assertThat(h.series(Metric.RTT).getData()).hasSize(61);
        assertThat(h.resolutionProperty().get()).isEqualTo("—");
        assertThat(h.fecRecoveredProperty().get()).isEqualTo("—");
        assertThat(h.codecsProperty().get()).isEqualTo("opus audio");
        assertThat(h.candidatePairProperty().get()).isEqualTo("Relayed by a TURN server (relay/host)");
    }

    @Test
    void eventsAreAppliedThroughTheUiExecutor() {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        FakeCallService other = new FakeCallService();
        CallViewModel queuedModel = new CallViewModel(other, queued::add, now::get);
        other.events.onParticipantJoined("a", "Ana");
        assertThat(queuedModel.participants()).isEmpty();
        queued.forEach(Runnable::run);
        assertThat(queuedModel.participants()).hasSize(1);
    }

    private static final long LEVEL_STALE = CallViewModel.LEVEL_STALE_MILLIS;

    private void level(long t, String id1, double db1, String id2, double db2) {
        now.set(10_000 + t);
        events.onAudioLevel(id1, db1);
        events.onAudioLevel(id2, db2);
    }

    private java.util.List<String> sentences() {
        return model.banners().banners().stream().map(b -> b.notice().sentence()).toList();
    }
}
