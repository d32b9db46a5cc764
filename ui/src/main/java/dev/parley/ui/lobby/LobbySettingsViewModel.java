package dev.parley.ui.lobby;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.Theme;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The lobby's settings section: the signaling server (a ws:// or wss:// address, or empty for the built-in one; used
 * from the next start), the privacy choice and the theme. Privacy and theme are saved as soon as they change; the
 * server address when it is committed (Enter, leaving the field, or closing the window) and valid.
 */
public final class LobbySettingsViewModel {

    private final RememberedSettings settings;
    private final String serverInUse;
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final ObjectProperty<PrivacyMode> privacy = new SimpleObjectProperty<>(this, "privacy");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BooleanBinding serverUrlValid;
    private final StringBinding serverHint;

    LobbySettingsViewModel(RememberedSettings settings, String serverInUse) {
        this.settings = settings;
        this.serverInUse = serverInUse == null ? "" : serverInUse;
        serverUrl.set(settings.get().serverUrl());
        privacy.set(settings.get().privacy());
        theme.set(settings.get().theme());
        serverUrlValid = Bindings.createBooleanBinding(() -> serverUrlProblem(serverUrl.get()).isEmpty(), serverUrl);
        serverHint = Bindings.createStringBinding(this::hint, serverUrl, settings.property());
        privacy.addListener((obs, old, now) -> {
            if (now == null) {
                privacy.set(old);
            } else {
                settings.update(s -> s.withPrivacy(now));
            }
        });
        theme.addListener((obs, old, now) -> {
            if (now == null) {
                theme.set(old);
            } else {
                settings.update(s -> s.withTheme(now));
            }
        });
    }

    /**
     * What is wrong with a typed server address, as a sentence, or empty when it is fine: blank (the built-in
     * server) or a ws:// or wss:// URL with a host.
     */
    public static Optional<String> serverUrlProblem(String typed) {
        String url = typed == null ? "" : typed.strip();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        String example = "Use a ws:// or wss:// address, like wss://parley.example.org/ws.";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("That is not a web address. " + example);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return Optional.of(scheme.equals("http") || scheme.equals("https")
                    ? "Signaling servers use ws:// (or wss:// with encryption), not " + scheme + "://."
                    : example);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("The address needs a server name after " + scheme + "://.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of(example);
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            return Optional.of("The port must be between 1 and 65535.");
        }
        return Optional.empty();
    }

    /** Saves the typed server address, when valid (Enter, leaving the field, closing the window). */
    public void commitServerUrl() {
        if (serverUrlValid.get()) {
            String url = serverUrl.get() == null ? "" : serverUrl.get().strip();
            settings.update(s -> s.withServerUrl(url));
        }
    }

    /** Forgets the custom server: the built-in one from the next start. */
    public void useBuiltInServer() {
        serverUrl.set("");
        commitServerUrl();
    }

    private String hint() {
        Optional<String> problem = serverUrlProblem(serverUrl.get());
        if (problem.isPresent()) {
            return problem.get();
        }
        String typed = serverUrl.get() == null ? "" : serverUrl.get().strip();
        String saved = settings.get().serverUrl();
        String running = settings.atStart().serverUrl();
        if (!typed.equals(saved)) {
            return "Press Enter to save. Parley uses the new server from its next start.";
        }
        if (!saved.equals(running)) {
            return "Saved. Parley uses " + (saved.isEmpty() ? "the built-in server" : "this server")
                    + " the next time it starts.";
        }
        return serverInUse.isEmpty() ? "Leave empty for the built-in server. A change takes effect on the next start."
                : "Now using " + serverInUse + ". Leave empty for the built-in server; a change takes effect on the"
                + " next start.";
    }

    /** The server address as typed ("" = the built-in server). */
    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public BooleanBinding serverUrlValidProperty() {
        return serverUrlValid;
    }

    /** A line under the server field: what is wrong, or when the change takes effect. */
    public StringBinding serverHintProperty() {
        return serverHint;
    }

    /** The privacy choice; saved on change. */
    public ObjectProperty<PrivacyMode> privacyProperty() {
        return privacy;
    }

    /** System, Light or Dark; saved on change (a {@code ThemeManager} applies it to the window). */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** One line explaining a privacy choice, shown under its option. */
    public static String explanation(PrivacyMode mode) {
        return switch (mode) {
            case DEFAULT -> "Connects directly when it can; your computer's local addresses stay hidden.";
            case DEFAULT_ROUTE_ONLY -> "Offers only the network you reach the internet through, not VPNs or others.";
            case RELAY_ONLY -> "Everything goes through a relay server, so the others never see your IP address"
                    + " (may add a little delay).";
        };
    }
}
