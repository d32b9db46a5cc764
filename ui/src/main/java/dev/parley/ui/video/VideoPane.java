package dev.parley.ui.video;

import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Callback;

/**
 * Shows the frames of a {@link VideoSource}: scaled to fit with the aspect ratio kept, letterboxed on the pane's
 * background (style class {@code video-pane}), turned upright by the frame's {@link VideoFrame#rotation()}, mirrored
 * on request (a self-view), and nothing at all when {@link #clear() cleared} or without a source.
 *
 * <p><b>How a frame travels.</b> The source's thread converts each frame, during its sink call (frames are lent),
 * from I420 into ARGB pixels of a {@link FrameBuffer} that no one else is using, and marks it ready; a ready frame
 * not yet shown is replaced by a newer one, never queued. The JavaFX thread presents the ready buffer once per
 * pulse at most ({@link VideoPresentation}): it makes it the image the pane shows and tells JavaFX the pixels
 * changed through {@link PixelBuffer#updateBuffer} - no pixel is copied or converted on the JavaFX thread. The
 * buffer it stopped showing is not written again until a later pulse has synchronised the scene, so the renderer
 * never reads a picture being written. Three buffers per pane (shown, just retired, being written or ready); they
 * are made when the frame size changes and reused for every frame of that size, so steady playback allocates
 * nothing.
 *
 * <p>Call the methods on the JavaFX thread, except the counters, which any thread may read. Give a pane that is no
 * longer needed {@code setSource(null)}: that detaches it from its source and from the shared pulse.
 */
public class VideoPane extends Region {

    private static final int POOL = 3;
    private static final String STYLESHEET = VideoPane.class.getResource("video.css").toExternalForm();
    /** The whole buffer changed; a constant so presenting allocates nothing. */
    private static final Callback<PixelBuffer<IntBuffer>, Rectangle2D> WHOLE_BUFFER = buffer -> null;

    private final VideoPresentation presentation;
    private final ImageView view = new ImageView();
    private final BooleanProperty mirrored = new SimpleBooleanProperty(this, "mirrored");
    private final ReadOnlyObjectWrapper<Dimension2D> videoSize = new ReadOnlyObjectWrapper<>(this, "videoSize");

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong presented = new AtomicLong();
    private final AtomicLong converted = new AtomicLong();
    private final AtomicLong convertNanos = new AtomicLong();
    private final AtomicLong presentNanos = new AtomicLong();

    private final Object lock = new Object();
    // Guarded by lock (the state source threads and the JavaFX thread share).
    private FrameBuffer[] pool = new FrameBuffer[POOL];
    private int poolWidth;
    private int poolHeight;
    private FrameBuffer writing;
    private FrameBuffer ready;
    private FrameBuffer front;
    private FrameBuffer retiring;
    private long retiredAtPulse;
    private Attachment current;

    // JavaFX thread only.
    private VideoSource source;
    private int shownWidth;
    private int shownHeight;
    private int shownRotation;
    private long pulses;
    private boolean deferred;
    private Scene hookedScene;

    // RUN_LATER only.
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable presentTask = this::presentFromQueue;
    private final Runnable pulseHook = this::onPulse;

    /** A pane presenting on the shared pulse ({@link VideoPresentation#PULSE}). */
    public VideoPane() {
        this(VideoPresentation.PULSE);
    }

    public VideoPane(VideoPresentation presentation) {
        this.presentation = presentation;
        getStylesheets().add(STYLESHEET);
        getStyleClass().add("video-pane");
        view.getStyleClass().add("video-pane-view");
        view.setSmooth(true);
        view.setPreserveRatio(false);
        view.setVisible(false);
        view.setManaged(false);
        getChildren().add(view);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("Video");
        mirrored.addListener((obs, was, is) -> applyOrientation());
        if (presentation == VideoPresentation.RUN_LATER) {
            sceneProperty().addListener((obs, was, is) -> hookPulses(is));
        }
    }

    /**
     * Shows {@code next}'s frames from now on ({@code null}: nothing). Detaches from the previous source and clears
     * the picture: no frame of a previous source is presented after this call, even one its thread was still
     * delivering.
     */
    public void setSource(VideoSource next) {
        if (next == source) {
            return;
        }
        Attachment old;
        synchronized (lock) {
            old = current;
            current = null;
        }
        if (old != null) {
            old.detached = true;
            old.source.setSink(null);
        }
        clear();
        source = next;
        if (next == null) {
            if (presentation == VideoPresentation.PULSE) {
                PulsePresenter.get().remove(this);
            }
            return;
        }
        Attachment attachment = new Attachment(next);
        synchronized (lock) {
            current = attachment;
        }
        if (presentation == VideoPresentation.PULSE) {
            PulsePresenter.get().add(this);
        }
        next.setSink(attachment);
    }

    public VideoSource getSource() {
        return source;
    }

    /**
     * Stops showing the current picture (the pane shows its background); the source stays attached and its next
     * frame shows again.
     */
    public void clear() {
        synchronized (lock) {
            // The shown and retired buffers leave the pool and are never written again; fresh ones come with the
            // next frame.
            pool = new FrameBuffer[POOL];
            poolWidth = 0;
            poolHeight = 0;
            ready = null;
            front = null;
            retiring = null;
        }
        deferred = false;
        view.setImage(null);
        view.setVisible(false);
        shownWidth = 0;
        shownHeight = 0;
        shownRotation = 0;
        videoSize.set(null);
    }

    /** Whether the picture is flipped left to right, as people expect of their own camera. */
    public BooleanProperty mirroredProperty() {
        return mirrored;
    }

    public boolean isMirrored() {
        return mirrored.get();
    }

    public void setMirrored(boolean value) {
        mirrored.set(value);
    }

    /** The upright size of the picture shown (width and height swapped for a quarter turn), null when none is. */
    public ReadOnlyObjectProperty<Dimension2D> videoSizeProperty() {
        return videoSize.getReadOnlyProperty();
    }

    public Dimension2D getVideoSize() {
        return videoSize.get();
    }

    public VideoPresentation getPresentation() {
        return presentation;
    }

    /** Frames handed to this pane by its current sources. */
    public long framesDelivered() {
        return delivered.get();
    }

    /** Frames actually put on screen (fewer than delivered when the JavaFX thread is slower than the source). */
    public long framesPresented() {
        return presented.get();
    }

    /** Frames converted to pixels on the sources' threads. */
    public long framesConverted() {
        return converted.get();
    }

    /** Nanoseconds spent converting frames on the sources' threads, in total. */
    public long conversionNanos() {
        return convertNanos.get();
    }

    /** Nanoseconds the JavaFX thread spent in this pane's presenting, in total. */
    public long presentationNanos() {
        return presentNanos.get();
    }

    /** Nanoseconds the shared pulse spent presenting frames of every {@link VideoPresentation#PULSE} pane. */
    public static long sharedPulseNanos() {
        return PulsePresenter.busyNanosTotal();
    }

    // ---- source thread ----

    private void onFrame(Attachment from, VideoFrame frame) {
        FrameBuffer target;
        synchronized (lock) {
            if (from != current) {
                return;
            }
            delivered.incrementAndGet();
            target = acquire(frame.width(), frame.height());
            if (target == null) {
                return;
            }
            writing = target;
        }
        long t0 = System.nanoTime();
        ColorConversion.i420ToArgb(frame, target.pixels, 0, target.width);
        target.rotation = frame.rotation();
        convertNanos.addAndGet(System.nanoTime() - t0);
        converted.incrementAndGet();
        synchronized (lock) {
            if (writing == target) {
                writing = null;
            }
            if (from != current || !target.hasSize(poolWidth, poolHeight)) {
                // Detached or cleared while converting: the frame is not shown.
                return;
            }
            ready = target;
        }
        if (presentation == VideoPresentation.PULSE) {
            PulsePresenter.get().frameReady();
        } else if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(presentTask);
        }
    }

    /** A buffer of this size nobody shows, is about to show or writes; lock held. */
    private FrameBuffer acquire(int width, int height) {
        if (width != poolWidth || height != poolHeight) {
            pool = new FrameBuffer[POOL];
            poolWidth = width;
            poolHeight = height;
        }
        for (int i = 0; i < POOL; i++) {
            FrameBuffer b = pool[i];
            if (b == null) {
                b = new FrameBuffer(width, height);
                pool[i] = b;
                return b;
            }
            if (b != front && b != retiring && b != ready && b != writing) {
                return b;
            }
        }
        // Shown, retiring and ready: the ready frame was never shown and this newer one replaces it.
        FrameBuffer b = ready;
        ready = null;
        return b;
    }

    // ---- JavaFX thread ----

    /** Presents the ready frame, if any, in a pulse of the shared presenter; true if it did. */
    boolean presentInPulse(long pulse) {
        return present(pulse);
    }

    boolean hasReadyFrame() {
        synchronized (lock) {
            return ready != null;
        }
    }

    private void presentFromQueue() {
        scheduled.set(false);
        present(pulses);
    }

    /** Once per pulse of this pane's scene (RUN_LATER): what was retired before it is free after it. */
    private void onPulse() {
        pulses++;
        if (deferred) {
            deferred = false;
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(presentTask);
            }
        }
    }

    private void hookPulses(Scene scene) {
        if (hookedScene != null) {
            hookedScene.removePostLayoutPulseListener(pulseHook);
        }
        hookedScene = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(pulseHook);
        }
    }

    private boolean present(long pulse) {
        long t0 = System.nanoTime();
        FrameBuffer next;
        synchronized (lock) {
            if (retiring != null && (pulse > retiredAtPulse || !rendered())) {
                retiring = null;
            }
            if (ready == null) {
                return false;
            }
            if (retiring != null) {
                // The renderer may still read the picture retired in this pulse interval: show this one after the
                // next pulse (only with RUN_LATER; the shared pulse presents once per pulse).
                deferred = true;
                return false;
            }
            next = ready;
            ready = null;
            if (front != null) {
                retiring = front;
                retiredAtPulse = pulse;
            }
            front = next;
        }
        if (next.image == null) {
            next.image = new javafx.scene.image.WritableImage(next.pixelBuffer);
        } else {
            next.pixelBuffer.updateBuffer(WHOLE_BUFFER);
        }
        view.setImage(next.image);
        if (next.width != shownWidth || next.height != shownHeight || next.rotation != shownRotation) {
            shownWidth = next.width;
            shownHeight = next.height;
            shownRotation = next.rotation;
            boolean quarter = shownRotation % 180 != 0;
            videoSize.set(quarter ? new Dimension2D(shownHeight, shownWidth) : new Dimension2D(shownWidth,
                    shownHeight));
            applyOrientation();
            requestLayout();
        }
        if (!view.isVisible()) {
            view.setVisible(true);
        }
        presented.incrementAndGet();
        presentNanos.addAndGet(System.nanoTime() - t0);
        return true;
    }

    /** Whether a renderer may be drawing this pane now (it is in a window on screen). */
    private boolean rendered() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        return window != null && window.isShowing();
    }

    private void applyOrientation() {
        view.setRotate(shownRotation);
        // The view scales before it rotates; a left-right flip on screen after a quarter turn is an up-down flip
        // of the unrotated picture.
        boolean quarter = shownRotation % 180 != 0;
        boolean mirror = mirrored.get();
        view.setScaleX(mirror && !quarter ? -1 : 1);
        view.setScaleY(mirror && quarter ? -1 : 1);
    }

    @Override
    protected void layoutChildren() {
        if (shownWidth == 0) {
            return;
        }
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        boolean quarter = shownRotation % 180 != 0;
        double uprightWidth = quarter ? shownHeight : shownWidth;
        double uprightHeight = quarter ? shownWidth : shownHeight;
        double scale = Math.min(w / uprightWidth, h / uprightHeight);
        // Whole pixels keep the picture's edges sharp.
        double fitWidth = Math.max(1, Math.round(shownWidth * scale));
        double fitHeight = Math.max(1, Math.round(shownHeight * scale));
        view.setFitWidth(fitWidth);
        view.setFitHeight(fitHeight);
        // Rotation and mirroring turn the view about its centre, so centring the unrotated box centres the picture.
        view.relocate(Math.round(x + (w - fitWidth) / 2), Math.round(y + (h - fitHeight) / 2));
    }

    @Override
    protected double computePrefWidth(double height) {
        return 320 + getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        return 180 + getInsets().getTop() + getInsets().getBottom();
    }

    /** The sink given to one source for one attachment; a detached one ignores frames still on their way. */
    private final class Attachment implements VideoSink {
        final VideoSource source;
        volatile boolean detached;

        Attachment(VideoSource source) {
            this.source = source;
        }

        @Override
        public void onVideoFrame(VideoFrame frame) {
            if (!detached) {
                onFrame(this, frame);
            }
        }
    }
}
