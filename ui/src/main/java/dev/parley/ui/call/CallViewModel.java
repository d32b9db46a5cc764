package dev.parley.ui.call;

import dev.parley.rtc.media.VideoSource;
import dev.parley.ui.banner.BannerQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The call screen's state as JavaFX properties, testable without a stage: the remote participants (in the order they
 * came), the active speaker, the person's own controls (microphone, camera, full screen, stats overlay), leaving with
 * confirmation, the call's status and the banners. {@link CallEvents} from the app arrive on any thread and are
 * applied through {@code uiThread}; commands are called on the JavaFX thread and go to the {@link CallService}.
 *
 * <p>Active speaker: a participant takes the highlight after being clearly loudest ({@value #CLEARLY_LOUDER_DB} dB
 * above everyone else and above {@value #SPEAKING_FLOOR_DBFS} dBFS) for {@value #SPEAKER_TAKEOVER_MILLIS} ms; they
 * keep it through pauses shorter than {@value #SPEAKER_RELEASE_MILLIS} ms. A level not renewed for
 * {@value #LEVEL_STALE_MILLIS} ms counts as silence. Time comes from the injected clock; {@link #tick()} (a few times
 * a second, from the view) lets banners fade and silences end the highlight when no levels arrive.
 */
public final class CallViewModel implements CallEvents {

    /** Below this a level never counts as speech. */
    public static final double SPEAKING_FLOOR_DBFS = -50;
    /** How much louder than everyone else "clearly loudest" is. */
    public static final double CLEARLY_LOUDER_DB = 6;
    /** How long someone must be clearly loudest to take the highlight. */
    public static final long SPEAKER_TAKEOVER_MILLIS = 300;
    /** How long the highlight outlives its holder's silence. */
    public static final long SPEAKER_RELEASE_MILLIS = 1_500;
    /** A level older than this is silence (the participant's levels stopped coming). */
    public static final long LEVEL_STALE_MILLIS = 1_000;
    /** The key of the banner that reports the call's status (connecting, reconnecting). */
    public static final String STATUS_BANNER = "call-status";

    /** What "copy room code" puts on the clipboard: the code as text and the share link as a URL. */
    public record ShareText(String code, String link) {
    }

    private final CallService service;
    private final Executor uiThread;
    private final LongSupplier clockMillis;
    private final ObservableList<ParticipantViewModel> participants = FXCollections.observableArrayList();
    private final ObservableList<ParticipantViewModel> participantsView =
            FXCollections.unmodifiableObservableList(participants);
    private final Map<String, ParticipantViewModel> byId = new HashMap<>();
    private final ReadOnlyObjectWrapper<ParticipantViewModel> activeSpeaker =
            new ReadOnlyObjectWrapper<>(this, "activeSpeaker");
    private final ReadOnlyObjectWrapper<VideoSource> selfView = new ReadOnlyObjectWrapper<>(this, "selfView");
    private final ReadOnlyBooleanWrapper microphoneMuted = new ReadOnlyBooleanWrapper(this, "microphoneMuted");
    private final ReadOnlyBooleanWrapper cameraOn = new ReadOnlyBooleanWrapper(this, "cameraOn", true);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen");
    private final BooleanProperty statsVisible = new SimpleBooleanProperty(this, "statsVisible");
    private final ReadOnlyBooleanWrapper leavePending = new ReadOnlyBooleanWrapper(this, "leavePending");
    private final ReadOnlyObjectWrapper<CallStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", CallStatus.CONNECTING);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Connecting…");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    private final ReadOnlyStringWrapper endSentence = new ReadOnlyStringWrapper(this, "endSentence", "");
    private final BannerQueue banners;
    private Runnable onEnded = () -> { };
    // Active-speaker hysteresis: who is clearly loudest now and since when.
    private ParticipantViewModel challenger;
    private long challengerSince;

    /** For the app: the system's monotonic clock. */
    public CallViewModel(CallService service, Executor uiThread) {
        this(service, uiThread, () -> System.nanoTime() / 1_000_000);
    }

    /** @param clockMillis a monotonic clock in milliseconds (tests step it by hand) */
    public CallViewModel(CallService service, Executor uiThread, LongSupplier clockMillis) {
        this.service = Objects.requireNonNull(service, "service");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        this.banners = new BannerQueue(clockMillis);
        selfView.set(service.selfView());
        service.setEvents(this);
    }

    // ---- state

    /** The remote participants, in the order they came (read-only). */
    public ObservableList<ParticipantViewModel> participants() {
        return participantsView;
    }

    /** The participant with {@code id}, or {@code null}. */
    public ParticipantViewModel participant(String id) {
        return byId.get(id);
    }

    /** Who holds the active-speaker highlight, or {@code null}. */
    public ReadOnlyObjectProperty<ParticipantViewModel> activeSpeakerProperty() {
        return activeSpeaker.getReadOnlyProperty();
    }

    /** The person's own camera as sent, for the picture-in-picture; {@code null} when there is none. */
    public ReadOnlyObjectProperty<VideoSource> selfViewProperty() {
        return selfView.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty microphoneMutedProperty() {
        return microphoneMuted.getReadOnlyProperty();
    }

    public boolean isMicrophoneMuted() {
        return microphoneMuted.get();
    }

    public ReadOnlyBooleanProperty cameraOnProperty() {
        return cameraOn.getReadOnlyProperty();
    }

    public boolean isCameraOn() {
        return cameraOn.get();
    }

    /** Full screen wanted; the view applies it to its window and writes back when the window leaves it itself. */
    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    public boolean isFullScreen() {
        return fullScreen.get();
    }

    /** The stats overlay is open. */
    public BooleanProperty statsVisibleProperty() {
        return statsVisible;
    }

    public boolean isStatsVisible() {
        return statsVisible.get();
    }

    /** Leave was pressed and waits for confirmation. */
    public ReadOnlyBooleanProperty leavePendingProperty() {
        return leavePending.getReadOnlyProperty();
    }

    public boolean isLeavePending() {
        return leavePending.get();
    }

    public ReadOnlyObjectProperty<CallStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The status in words ("Connecting…", "Connected", "Reconnecting…"). */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The call is over: the window goes back to the lobby (see also {@link #setOnEnded}). */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    public boolean isEnded() {
        return ended.get();
    }

    /** Why the call ended ("You left the call.", or the app's sentence), for the lobby to show. */
    public ReadOnlyStringProperty endSentenceProperty() {
        return endSentence.getReadOnlyProperty();
    }

    /** Called once, on the JavaFX thread, when the call ends (left or ended by the app). */
    public void setOnEnded(Runnable action) {
        onEnded = action == null ? () -> { } : action;
    }

    /** The banners at the top of the call screen. */
    public BannerQueue banners() {
        return banners;
    }

    public String roomCode() {
        return service.roomCode();
    }

    public String shareLink() {
        return service.shareLink();
    }

    // ---- commands (JavaFX thread)

    public void toggleMicrophone() {
        setMicrophoneMuted(!microphoneMuted.get());
    }

    public void setMicrophoneMuted(boolean muted) {
        if (ended.get() || microphoneMuted.get() == muted) {
            return;
        }
        microphoneMuted.set(muted);
        service.setMicrophoneMuted(muted);
    }

    public void toggleCamera() {
        setCameraOn(!cameraOn.get());
    }

    public void setCameraOn(boolean on) {
        if (ended.get() || cameraOn.get() == on) {
            return;
        }
        cameraOn.set(on);
        service.setCameraEnabled(on);
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    public void toggleStats() {
        statsVisible.set(!statsVisible.get());
    }

    /** Leave pressed: asks for confirmation first. */
    public void requestLeave() {
        if (!ended.get()) {
            leavePending.set(true);
        }
    }

    /** Leave confirmed: leaves the room and ends the call screen. */
    public void confirmLeave() {
        if (!leavePending.get() || ended.get()) {
            return;
        }
        leavePending.set(false);
        service.leave();
        end("You left the call.");
    }

    public void cancelLeave() {
        leavePending.set(false);
    }

    /**
     * Esc: cancels a pending leave, else closes the stats overlay, else leaves full screen. Returns whether it did
     * any of these.
     */
    public boolean escape() {
        if (leavePending.get()) {
            cancelLeave();
            return true;
        }
        if (statsVisible.get()) {
            statsVisible.set(false);
            return true;
        }
        if (fullScreen.get()) {
            fullScreen.set(false);
            return true;
        }
        return false;
    }

    /** Copy room code: what goes on the clipboard; a banner confirms it. */
    public ShareText copyRoomCode() {
        ShareText text = new ShareText(service.roomCode(), service.shareLink());
        banners.show(Notice.info("Room code " + text.code() + " copied, with its link."), "copied");
        return text;
    }

    /** Reads the self-view again (after the camera was switched). */
    public void refreshSelfView() {
        selfView.set(service.selfView());
    }

    /** Lets information banners fade and a silent speaker lose the highlight; the view calls it periodically. */
    public void tick() {
        banners.tick();
        updateActiveSpeaker(clockMillis.getAsLong());
    }

    // ---- events (any thread)

    @Override
    public void onParticipantJoined(String participantId, String name) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.get(participantId);
            if (p != null) {
                p.setName(name);
                return;
            }
            p = new ParticipantViewModel(participantId, name);
            byId.put(participantId, p);
            participants.add(p);
            // Those already in the room arrive while connecting: no banner for each of them.
            if (status.get() != CallStatus.CONNECTING && !ended.get()) {
                banners.show(Notice.info(p.getName() + " joined."));
            }
        });
    }

    @Override
    public void onParticipantLeft(String participantId, String sentence) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.remove(participantId);
            if (p == null) {
                return;
            }
            participants.remove(p);
            p.setVideo(null);
            if (challenger == p) {
                challenger = null;
            }
            if (activeSpeaker.get() == p) {
                p.setActiveSpeaker(false);
                activeSpeaker.set(null);
            }
            if (!ended.get()) {
                banners.show(Notice.info(sentence == null || sentence.isBlank() ? p.getName() + " left." : sentence));
            }
        });
    }

    @Override
    public void onRemoteVideo(String participantId, VideoSource video) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.get(participantId);
            if (p != null) {
                p.setVideo(video);
            }
        });
    }

    @Override
    public void onParticipantState(String participantId, ParticipantState state) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.get(participantId);
            if (p != null && state != null) {
                p.apply(state);
            }
        });
    }

    @Override
    public void onAudioLevel(String participantId, double dbfs) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.get(participantId);
            if (p == null) {
                return;
            }
            long now = clockMillis.getAsLong();
            double level = Double.isNaN(dbfs) ? -100 : Math.max(-100, Math.min(0, dbfs));
            boolean talking = level > SPEAKING_FLOOR_DBFS;
            p.levelAtMillis = now;
            if (talking) {
                p.lastSpokeMillis = now;
            }
            p.setAudioLevel(level, talking);
            updateActiveSpeaker(now);
        });
    }

    @Override
    public void onStats(String participantId, CallStats stats) {
        uiThread.execute(() -> {
            ParticipantViewModel p = byId.get(participantId);
            if (p != null && stats != null) {
                p.stats().add(stats);
            }
        });
    }

    @Override
    public void onCallStatus(CallStatus next, String sentence) {
        uiThread.execute(() -> {
            if (ended.get() || next == null) {
                return;
            }
            CallStatus previous = status.get();
            String words = sentence == null || sentence.isBlank() ? defaultSentence(next) : sentence;
            status.set(next);
            statusText.set(words);
            switch (next) {
                case CONNECTING -> banners.showUntilResolved(Notice.info(words), STATUS_BANNER);
                case CONNECTED -> {
                    banners.resolve(STATUS_BANNER);
                    if (previous == CallStatus.RECONNECTING) {
                        banners.show(Notice.info(words));
                    }
                }
                case RECONNECTING -> banners.show(
                        Notice.warning(words, "Parley keeps trying; your call continues when the connection returns."),
                        STATUS_BANNER);
                case ENDED -> end(words);
            }
        });
    }

    @Override
    public void onNotice(Notice notice) {
        uiThread.execute(() -> {
            if (notice != null && !ended.get()) {
                banners.show(notice);
            }
        });
    }

    // ---- internals

    private static String defaultSentence(CallStatus s) {
        return switch (s) {
            case CONNECTING -> "Connecting…";
            case CONNECTED -> "Connected.";
            case RECONNECTING -> "Connection lost. Reconnecting…";
            case ENDED -> "The call ended.";
        };
    }

    private void end(String sentence) {
        if (ended.get()) {
            return;
        }
        leavePending.set(false);
        statsVisible.set(false);
        fullScreen.set(false);
        status.set(CallStatus.ENDED);
        statusText.set(sentence);
        endSentence.set(sentence);
        banners.clear();
        for (ParticipantViewModel p : participants) {
            p.setVideo(null);
            p.setActiveSpeaker(false);
        }
        activeSpeaker.set(null);
        challenger = null;
        participants.clear();
        byId.clear();
        selfView.set(null);
        ended.set(true);
        onEnded.run();
    }

    private double levelAt(ParticipantViewModel p, long now) {
        if (p.levelAtMillis == Long.MIN_VALUE || now - p.levelAtMillis > LEVEL_STALE_MILLIS) {
            return -100;
        }
        return p.audioLevelProperty().get();
    }

    private void updateActiveSpeaker(long now) {
        ParticipantViewModel loudest = null;
        double loudestLevel = SPEAKING_FLOOR_DBFS;
        double second = -100;
        for (ParticipantViewModel p : participants) {
            double level = levelAt(p, now);
            if (p.speakingProperty().get() && level <= SPEAKING_FLOOR_DBFS) {
                p.setAudioLevel(level, false); // Stale: their levels stopped coming.
            }
            if (level > loudestLevel) {
                if (loudest != null) {
                    second = Math.max(second, loudestLevel);
                }
                loudest = p;
                loudestLevel = level;
            } else {
                second = Math.max(second, level);
            }
        }
        ParticipantViewModel current = activeSpeaker.get();
        boolean clearly = loudest != null && loudestLevel >= second + CLEARLY_LOUDER_DB;
        if (!clearly || loudest == current) {
            challenger = null;
        } else {
            if (challenger != loudest) {
                challenger = loudest;
                challengerSince = now;
            }
            if (now - challengerSince >= SPEAKER_TAKEOVER_MILLIS) {
                setActiveSpeaker(loudest);
                challenger = null;
                return;
            }
        }
        if (current != null && now - current.lastSpokeMillis >= SPEAKER_RELEASE_MILLIS) {
            setActiveSpeaker(null);
        }
    }

    private void setActiveSpeaker(ParticipantViewModel next) {
        ParticipantViewModel previous = activeSpeaker.get();
        if (previous == next) {
            return;
        }
        if (previous != null) {
            previous.setActiveSpeaker(false);
        }
        if (next != null) {
            next.setActiveSpeaker(true);
        }
        activeSpeaker.set(next);
    }
}
