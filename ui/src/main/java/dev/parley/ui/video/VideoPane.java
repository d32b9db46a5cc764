package dev.parley.ui.video;

import dev.parley.rtc.media.ColorConversion;
import dev.parley.rtc.media.VideoFrame;
import dev.parley.rtc.media.VideoSink;
import dev.parley.rtc.media.VideoSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows the frames of a {@link VideoSource}, scaled to fit with the aspect ratio kept (letterboxed). Only the newest
 * frame is kept: the source's thread converts it to ARGB in a buffer of the pane's own and asks the JavaFX thread to
 * show it, once; frames arriving before it did replace the waiting one.
 *
 * <p>A first, simple implementation (the rendering issue replaces its internals, keeping this API).
 */
public class VideoPane extends Region {

    private final ImageView view = new ImageView();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong presented = new AtomicLong();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object lock = new Object();
    private final VideoSink sink = this::onFrame;
    private VideoSource source;
    // Guarded by lock.
    private int[] argb = new int[0];
    private int width;
    private int height;
    // FX thread only.
    private WritableImage image;

    public VideoPane() {
        getStyleClass().add("video-pane");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        getChildren().add(view);
    }

    /** Shows {@code next}'s frames from now on ({@code null}: nothing); detaches from the previous source. */
    public void setSource(VideoSource next) {
        if (source != null) {
            source.setSink(null);
        }
        source = next;
        if (next != null) {
            next.setSink(sink);
        } else {
            view.setImage(null);
        }
    }

    /** Frames handed to this pane by its source. */
    public long framesDelivered() {
        return delivered.get();
    }

    /** Frames actually put on screen (fewer than delivered when the JavaFX thread is slower than the source). */
    public long framesPresented() {
        return presented.get();
    }

    private void onFrame(VideoFrame frame) {
        delivered.incrementAndGet();
        synchronized (lock) {
            int n = frame.width() * frame.height();
            if (argb.length != n) {
                argb = new int[n];
            }
            ColorConversion.i420ToArgb(frame, argb, 0, frame.width());
            width = frame.width();
            height = frame.height();
        }
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::present);
        }
    }

    private void present() {
        scheduled.set(false);
        synchronized (lock) {
            if (width == 0) {
                return;
            }
            if (image == null || (int) image.getWidth() != width || (int) image.getHeight() != height) {
                image = new WritableImage(width, height);
                view.setImage(image);
            }
            image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), argb, 0, width);
        }
        presented.incrementAndGet();
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        view.setFitWidth(w);
        view.setFitHeight(h);
        double iw = view.getLayoutBounds().getWidth();
        double ih = view.getLayoutBounds().getHeight();
        view.relocate((w - iw) / 2, (h - ih) / 2);
    }
}
