package dev.parley.ui.lobby;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.SVGPath;

/** Small line-free glyphs drawn as SVG paths on a 24x24 grid; coloured by CSS ({@code .icon}). */
final class Icons {

    static final String CAMERA = "M3 7.5A1.5 1.5 0 0 1 4.5 6h9A1.5 1.5 0 0 1 15 7.5v9a1.5 1.5 0 0 1-1.5 1.5h-9"
            + "A1.5 1.5 0 0 1 3 16.5z M16.5 10.5 21 7.5v9l-4.5-3z";
    static final String MICROPHONE = "M12 3a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V6a3 3 0 0 1 3-3z"
            + " M6 11h1.5a4.5 4.5 0 0 0 9 0H18a6 6 0 0 1-5.25 5.95V19.5H15V21H9v-1.5h2.25v-2.55A6 6 0 0 1 6 11z";
    static final String SPEAKER = "M4 9h3.5L12 5v14l-4.5-4H4z M14.5 8.5a5 5 0 0 1 0 7l-1-1a3.6 3.6 0 0 0 0-5z"
            + " M17 6a8.5 8.5 0 0 1 0 12l-1-1a7.1 7.1 0 0 0 0-10z";
    static final String COPY = "M8 7V4.5A1.5 1.5 0 0 1 9.5 3h9A1.5 1.5 0 0 1 20 4.5v11a1.5 1.5 0 0 1-1.5 1.5H17"
            + "v-1.5h1.5v-11h-9V7z M4 9.5A1.5 1.5 0 0 1 5.5 8h9A1.5 1.5 0 0 1 16 9.5v10a1.5 1.5 0 0 1-1.5 1.5h-9"
            + "A1.5 1.5 0 0 1 4 19.5z M5.5 9.5v10h9v-10z";
    static final String LINK = "M10 14a4 4 0 0 1 0-5.66l2.83-2.83a4 4 0 0 1 5.66 5.66l-1.42 1.41-1.06-1.06"
            + " 1.41-1.42a2.5 2.5 0 0 0-3.53-3.53L11.06 9.4a2.5 2.5 0 0 0 0 3.54z M14 10a4 4 0 0 1 0 5.66l-2.83 2.83"
            + "a4 4 0 0 1-5.66-5.66l1.42-1.41 1.06 1.06-1.41 1.42a2.5 2.5 0 0 0 3.53 3.53l2.83-2.83a2.5 2.5 0 0 0"
            + " 0-3.54z";

    private Icons() {
    }

    /** An icon of {@code size} pixels. */
    static Node icon(String path, double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.getStyleClass().add("icon");
        double scale = size / 24.0;
        shape.setScaleX(scale);
        shape.setScaleY(scale);
        StackPane box = new StackPane(shape);
        box.getStyleClass().add("icon-box");
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        return box;
    }
}
