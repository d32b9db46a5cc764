package dev.parley.ui.theme;

import dev.parley.ui.settings.Theme;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Light or dark for the whole window. The person's choice ({@link #themeProperty()}, usually bound to the lobby's
 * theme picker) and, for {@link Theme#SYSTEM}, what the desktop prefers decide {@link #darkProperty()}; an attached
 * scene's root carries the style class {@value #DARK_CLASS} while dark, so the stylesheet's looked-up colours switch.
 *
 * <p>The desktop is asked off the JavaFX thread (on {@code background}) when the manager is made, when the person
 * picks System, and whenever the window regains focus (people flip their desktop's dark mode and come back); until the
 * first answer arrives the theme is light. Use on the JavaFX thread.
 */
public final class ThemeManager {

    /** The style class of a dark scene's root. */
    public static final String DARK_CLASS = "dark";

    private final SystemThemeDetector detector;
    private final Executor background;
    private final Executor uiThread;
    private final AtomicBoolean detecting = new AtomicBoolean();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.SYSTEM);
    private final ReadOnlyObjectWrapper<Theme> systemTheme = new ReadOnlyObjectWrapper<>(this, "systemTheme",
            Theme.LIGHT);
    private final BooleanBinding dark;

    /**
     * @param background where the desktop is asked (it may take up to a second or two)
     * @param uiThread where its answer is applied (Platform::runLater in the app)
     */
    public ThemeManager(SystemThemeDetector detector, Executor background, Executor uiThread) {
        this.detector = Objects.requireNonNull(detector);
        this.background = Objects.requireNonNull(background);
        this.uiThread = Objects.requireNonNull(uiThread);
        dark = Bindings.createBooleanBinding(() -> isDark(theme.get(), systemTheme.get()), theme, systemTheme);
        theme.addListener((obs, old, now) -> {
            if (now == Theme.SYSTEM) {
                refreshSystemTheme();
            }
        });
        refreshSystemTheme();
    }

    /** For the app: asks this machine's desktop on a short-lived daemon thread, answers on the JavaFX thread. */
    public static ThemeManager forThisMachine() {
        return new ThemeManager(SystemThemeDetector.forThisMachine(), ThemeManager::onDaemonThread,
                Platform::runLater);
    }

    /** Whether {@code chosen} looks dark, given what the desktop prefers ({@code system}: LIGHT or DARK). */
    public static boolean isDark(Theme chosen, Theme system) {
        return switch (chosen == null ? Theme.SYSTEM : chosen) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> system == Theme.DARK;
        };
    }

    /** The person's choice: System, Light or Dark. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** What the desktop prefers as last asked: LIGHT (also when it cannot tell) or DARK. */
    public ReadOnlyObjectProperty<Theme> systemThemeProperty() {
        return systemTheme.getReadOnlyProperty();
    }

    /** Whether the window looks dark now. */
    public BooleanBinding darkProperty() {
        return dark;
    }

    /** Asks the desktop again (in the background; a question already under way is not repeated). */
    public void refreshSystemTheme() {
        if (!detecting.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                Theme answer;
                try {
                    answer = detector.detect();
                } finally {
                    detecting.set(false);
                }
                uiThread.execute(() -> systemTheme.set(answer));
            });
        } catch (RuntimeException rejected) {
            detecting.set(false);
        }
    }

    /**
     * Keeps {@value #DARK_CLASS} on {@code scene}'s root (also after the root is replaced) while dark, and asks the
     * desktop again whenever the scene's window gains focus while the choice is System.
     */
    public void attach(Scene scene) {
        apply(scene.getRoot());
        scene.rootProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.getStyleClass().remove(DARK_CLASS);
            }
            apply(now);
        });
        dark.addListener((obs, was, is) -> apply(scene.getRoot()));
        ChangeListener<Boolean> focus = (obs, was, focused) -> {
            if (focused && theme.get() == Theme.SYSTEM) {
                refreshSystemTheme();
            }
        };
        scene.windowProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.focusedProperty().removeListener(focus);
            }
            if (now != null) {
                now.focusedProperty().addListener(focus);
            }
        });
        Window window = scene.getWindow();
        if (window != null) {
            window.focusedProperty().addListener(focus);
        }
    }

    private void apply(Parent root) {
        if (root == null) {
            return;
        }
        boolean has = root.getStyleClass().contains(DARK_CLASS);
        if (dark.get() && !has) {
            root.getStyleClass().add(DARK_CLASS);
        } else if (!dark.get() && has) {
            root.getStyleClass().removeAll(DARK_CLASS);
        }
    }

    private static void onDaemonThread(Runnable task) {
        Thread t = new Thread(task, "parley-theme-detect");
        t.setDaemon(true);
        t.start();
    }
}
