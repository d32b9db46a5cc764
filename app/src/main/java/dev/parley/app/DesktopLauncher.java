package dev.parley.app;

import dev.parley.app.room.SignalingServerLocator;
import dev.parley.app.settings.FileSettingsStore;
import dev.parley.signaling.server.SignalingServerException;
import dev.parley.ui.ParleyApplication;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the desktop app: finds or starts the signaling server, then shows the lobby until the window closes. */
public final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private final URI configured;

    public DesktopLauncher(URI configured) {
        this.configured = configured;
    }

    public int run() {
        SignalingServerLocator.Located located;
        try {
            located = new SignalingServerLocator().locate(configured);
        } catch (SignalingServerException e) {
            System.err.println("Parley: " + e.getMessage());
            return 1;
        }
        AtomicReference<DesktopServices> services = new AtomicReference<>();
        Runnable cleanUp = () -> {
            DesktopServices s = services.get();
            if (s != null) {
                s.close();
            }
            if (located.isEmbedded()) {
                located.embedded().close();
            }
        };
        try {
            ParleyApplication.launch(() -> {
                DesktopServices s = new DesktopServices(located.uri(), FileSettingsStore.inConfigFolder());
                services.set(s);
                s.rooms().connectNow().exceptionally(e -> null);
                return s.services();
            }, cleanUp);
            return 0;
        } catch (RuntimeException e) {
            // Typically no display: say so, and how to use Parley without one.
            LOG.debug("JavaFX failed to start", e);
            String why = String.valueOf(e.getMessage());
            String hint = why.contains("GTK") ? " Install GTK 3 (on Debian/Ubuntu: sudo apt install libgtk-3-0)."
                    : " On a machine without a display, use 'parley serve' to host a signaling server.";
            System.err.println("Parley: the window could not open (" + why + ")." + hint);
            cleanUp.run();
            return 1;
        }
    }
}
