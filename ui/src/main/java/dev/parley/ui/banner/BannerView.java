package dev.parley.ui.banner;

import dev.parley.ui.call.Icons;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.animation.FadeTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A column of banners (style class {@code banner-stack}) following a {@link BannerQueue}: each banner is a row
 * ({@code banner} and {@code banner-info}/{@code banner-warning}/{@code banner-error}, id {@code banner-<id>}) with
 * an icon, the sentence ({@code banner-sentence}), what to do ({@code banner-action}) and a close button
 * ({@code banner-dismiss}). Banners fade in; a banner that went away fades out first. Clicks between banners go
 * through to what lies below.
 */
public final class BannerView extends VBox {

    static final Duration FADE_IN = Duration.millis(150);
    static final Duration FADE_OUT = Duration.millis(250);

    private final BannerQueue queue;
    private final Map<Banner, Node> nodes = new HashMap<>();

    public BannerView(BannerQueue queue) {
        this.queue = Objects.requireNonNull(queue, "queue");
        getStyleClass().add("banner-stack");
        getStylesheets().add(Objects.requireNonNull(BannerView.class.getResource("banner.css")).toExternalForm());
        setAlignment(Pos.TOP_CENTER);
        setFillWidth(false);
        setPickOnBounds(false);
        setSpacing(8);
        for (Banner b : queue.banners()) {
            add(b, getChildren().size(), false);
        }
        queue.banners().addListener((ListChangeListener<Banner>) this::onChanged);
    }

    private void onChanged(ListChangeListener.Change<? extends Banner> change) {
        while (change.next()) {
            for (Banner gone : change.getRemoved()) {
                remove(gone);
            }
            List<? extends Banner> added = change.getAddedSubList();
            for (int i = 0; i < added.size(); i++) {
                add(added.get(i), change.getFrom() + i, true);
            }
        }
    }

    private void add(Banner banner, int indexInQueue, boolean animate) {
        Node node = build(banner);
        nodes.put(banner, node);
        // Leaving banners still occupy a slot until their fade ends: place the new one after the banner that
        // precedes it in the queue.
        int at = getChildren().size();
        if (indexInQueue > 0 && indexInQueue - 1 < queue.banners().size()) {
            Node before = nodes.get(queue.banners().get(indexInQueue - 1));
            int i = before == null ? -1 : getChildren().indexOf(before);
            at = i < 0 ? at : i + 1;
        } else if (indexInQueue == 0) {
            at = 0;
        }
        getChildren().add(Math.min(at, getChildren().size()), node);
        if (animate) {
            node.setOpacity(0);
            FadeTransition fade = new FadeTransition(FADE_IN, node);
            fade.setToValue(1);
            fade.play();
        }
    }

    private void remove(Banner banner) {
        Node node = nodes.remove(banner);
        if (node == null) {
            return;
        }
        node.getStyleClass().add("banner-leaving");
        node.setDisable(true);
        FadeTransition fade = new FadeTransition(FADE_OUT, node);
        fade.setToValue(0);
        fade.setOnFinished(e -> getChildren().remove(node));
        fade.play();
    }

    private Node build(Banner banner) {
        String severity = switch (banner.severity()) {
            case INFO -> "info";
            case WARNING -> "warning";
            case ERROR -> "error";
        };
        Region icon = Icons.icon(switch (banner.severity()) {
            case INFO -> Icons.INFO;
            case WARNING -> Icons.WARNING;
            case ERROR -> Icons.ERROR;
        }, 20);
        icon.getStyleClass().add("banner-icon");

        Label sentence = new Label(banner.notice().sentence());
        sentence.getStyleClass().add("banner-sentence");
        sentence.setWrapText(true);
        Label action = new Label(banner.notice().action());
        action.getStyleClass().add("banner-action");
        action.setWrapText(true);
        boolean hasAction = !banner.notice().action().isBlank();
        action.setVisible(hasAction);
        action.setManaged(hasAction);
        VBox text = new VBox(2, sentence, action);
        text.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button dismiss = new Button();
        dismiss.setGraphic(Icons.icon(Icons.CLOSE, 12));
        dismiss.getStyleClass().add("banner-dismiss");
        dismiss.setAccessibleText("Dismiss: " + banner.notice().sentence());
        dismiss.setTooltip(new Tooltip("Dismiss"));
        dismiss.setOnAction(e -> queue.dismiss(banner));

        HBox row = new HBox(10, icon, text, dismiss);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("banner-" + banner.id());
        row.getStyleClass().addAll("banner", "banner-" + severity);
        row.setAccessibleRole(AccessibleRole.TEXT);
        row.setAccessibleText(banner.accessibleText());
        row.setMaxWidth(560);
        row.setMinWidth(280);
        return row;
    }
}
