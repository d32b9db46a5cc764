package dev.parley.ui.lobby;

import dev.parley.ui.settings.PrivacyMode;
import dev.parley.ui.settings.Theme;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The collapsible Settings section: signaling server, privacy and theme. */
final class SettingsPanel extends TitledPane {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    SettingsPanel(LobbySettingsViewModel model) {
        setText("Settings");
        setId("settingsPane");
        setExpanded(false);
        setAnimated(false);
        getStyleClass().add("settings-pane");
        setAccessibleText("Settings: server, privacy and theme");

        VBox content = new VBox(20, serverSection(model), privacySection(model), themeSection(model));
        content.getStyleClass().add("settings-content");
        setContent(content);
    }

    private static VBox serverSection(LobbySettingsViewModel model) {
        Label title = sectionTitle("Signaling server");
        TextField server = new TextField();
        server.setId("serverField");
        server.setPromptText("Built-in server");
        server.setAccessibleText("Signaling server address; leave empty for the built-in server");
        server.textProperty().bindBidirectional(model.serverUrlProperty());
        server.setOnAction(e -> {
            // Enter saves the address; it must not also press the lobby's default button (Join).
            e.consume();
            model.commitServerUrl();
        });
        server.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.commitServerUrl();
            }
        });
        model.serverUrlValidProperty().addListener((obs, was, valid) -> server.pseudoClassStateChanged(INVALID,
                !valid));
        server.pseudoClassStateChanged(INVALID, !model.serverUrlValidProperty().get());
        HBox.setHgrow(server, Priority.ALWAYS);
        Button builtIn = new Button("Use built-in");
        builtIn.setId("serverResetButton");
        builtIn.setAccessibleText("Use Parley's built-in signaling server");
        builtIn.disableProperty().bind(model.serverUrlProperty().isEmpty());
        builtIn.setOnAction(e -> model.useBuiltInServer());
        HBox row = new HBox(10, server, builtIn);
        row.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label();
        hint.setId("serverHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("caption");
        hint.textProperty().bind(model.serverHintProperty());
        model.serverUrlValidProperty().addListener((obs, was, valid) -> hint.pseudoClassStateChanged(INVALID,
                !valid));
        return new VBox(6, title, row, hint);
    }

    private static VBox privacySection(LobbySettingsViewModel model) {
        Label title = sectionTitle("Privacy");
        ToggleGroup group = new ToggleGroup();
        Map<PrivacyMode, RadioButton> buttons = new EnumMap<>(PrivacyMode.class);
        VBox options = new VBox(10);
        for (PrivacyMode mode : PrivacyMode.values()) {
            RadioButton button = new RadioButton(mode.label());
            button.setId("privacy" + camel(mode.name()));
            button.setToggleGroup(group);
            button.setUserData(mode);
            String explanation = LobbySettingsViewModel.explanation(mode);
            button.setAccessibleText(mode.label() + ". " + explanation);
            Label line = new Label(explanation);
            line.getStyleClass().add("caption");
            line.setWrapText(true);
            VBox option = new VBox(2, button, line);
            option.getStyleClass().add("privacy-option");
            line.setPadding(new Insets(0, 0, 0, 26));
            buttons.put(mode, button);
            options.getChildren().add(option);
        }
        buttons.get(model.privacyProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.privacyProperty().set((PrivacyMode) now.getUserData());
            }
        });
        model.privacyProperty().addListener((obs, old, now) -> buttons.get(now).setSelected(true));
        return new VBox(8, title, options);
    }

    private static VBox themeSection(LobbySettingsViewModel model) {
        Label title = sectionTitle("Appearance");
        ToggleGroup group = new ToggleGroup();
        Map<Theme, ToggleButton> buttons = new EnumMap<>(Theme.class);
        HBox segmented = new HBox();
        segmented.getStyleClass().add("segmented");
        for (Theme theme : Theme.values()) {
            String name = camel(theme.name());
            ToggleButton button = new ToggleButton(name);
            button.setId("theme" + name);
            button.setToggleGroup(group);
            button.setUserData(theme);
            button.setAccessibleText(theme == Theme.SYSTEM ? "Theme: follow the system" : "Theme: " + name);
            button.getStyleClass().add(theme == Theme.SYSTEM ? "first" : theme == Theme.DARK ? "last" : "middle");
            buttons.put(theme, button);
            segmented.getChildren().add(button);
        }
        buttons.get(model.themeProperty().get()).setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // A segmented control always has one choice: clicking the chosen one keeps it.
                group.selectToggle(old);
            } else {
                model.themeProperty().set((Theme) now.getUserData());
            }
        });
        model.themeProperty().addListener((obs, old, now) -> buttons.get(now).setSelected(true));
        Label caption = new Label("System follows your desktop's light or dark mode.");
        caption.getStyleClass().add("caption");
        return new VBox(8, title, segmented, caption);
    }

    private static Label sectionTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        return title;
    }

    /** DEFAULT_ROUTE_ONLY -> DefaultRouteOnly. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
