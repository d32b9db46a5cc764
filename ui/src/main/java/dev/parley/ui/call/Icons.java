package dev.parley.ui.call;

import javafx.scene.layout.Region;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/**
 * Parley's small line-art icons, drawn on a 24x24 grid, as regions shaped by a path so CSS colours them
 * ({@code -fx-background-color}) and sizes them. No icon font is needed, so they look the same on every machine.
 */
public final class Icons {

    public static final String MICROPHONE = "M12 2 A3 3 0 0 1 15 5 V11 A3 3 0 0 1 9 11 V5 A3 3 0 0 1 12 2 Z "
            + "M5 11 H7 A5 5 0 0 0 17 11 H19 A7 7 0 0 1 13 17.9 V20 H16 V22 H8 V20 H11 V17.9 A7 7 0 0 1 5 11 Z";
    public static final String MICROPHONE_OFF = MICROPHONE + " " + slash();
    public static final String CAMERA = "M3 6 H14 A2 2 0 0 1 16 8 V16 A2 2 0 0 1 14 18 H3 A2 2 0 0 1 1 16 V8 "
            + "A2 2 0 0 1 3 6 Z M17 10 L23 6.5 V17.5 L17 14 Z";
    public static final String CAMERA_OFF = CAMERA + " " + slash();
    public static final String FULL_SCREEN = "M3 3 H10 V5 H5 V10 H3 Z M14 3 H21 V10 H19 V5 H14 Z "
            + "M3 14 H5 V19 H10 V21 H3 Z M19 14 H21 V21 H14 V19 H19 Z";
    public static final String EXIT_FULL_SCREEN = "M8 3 H10 V10 H3 V8 H8 Z M14 3 H16 V8 H21 V10 H14 Z "
            + "M3 14 H10 V21 H8 V16 H3 Z M14 14 H21 V16 H16 V21 H14 Z";
    public static final String COPY = "M8 2 H20 V16 H18 V4 H8 Z M4 6 H16 V22 H4 Z M6 8 V20 H14 V8 Z";
    public static final String STATS = "M3 19 H21 V21 H3 Z M5 10 H8 V17 H5 Z M10.5 5 H13.5 V17 H10.5 Z "
            + "M16 8 H19 V17 H16 Z";
    public static final String LEAVE = "M2 14 C2 8.7 22 8.7 22 14 V16 C22 16.6 21.6 17 21 17 H17 C16.4 17 16 16.6 "
            + "16 16 V14.2 C14 13.4 10 13.4 8 14.2 V16 C8 16.6 7.6 17 7 17 H3 C2.4 17 2 16.6 2 16 Z";
    public static final String DEVICES = "M3 6 H21 V8 H3 Z M3 11 H21 V13 H3 Z M3 16 H21 V18 H3 Z "
            + "M7 4 H10 V10 H7 Z M14 9 H17 V15 H14 Z M9 14 H12 V20 H9 Z";
    public static final String CLOSE = "M5.4 4 L12 10.6 L18.6 4 L20 5.4 L13.4 12 L20 18.6 L18.6 20 L12 13.4 "
            + "L5.4 20 L4 18.6 L10.6 12 L4 5.4 Z";
    public static final String INFO = "M12 2 A10 10 0 1 0 12.001 2 Z M11 10 H13 V17 H11 Z M11 6.5 H13 V8.5 H11 Z";
    public static final String WARNING = "M12 2 L23 21 H1 Z M11 9 H13 V15 H11 Z M11 16.5 H13 V18.5 H11 Z";
    public static final String ERROR = "M12 2 A10 10 0 1 0 12.001 2 Z M8.4 7 L12 10.6 L15.6 7 L17 8.4 L13.4 12 "
            + "L17 15.6 L15.6 17 L12 13.4 L8.4 17 L7 15.6 L10.6 12 L7 8.4 Z";

    private Icons() {
    }

    private static String slash() {
        return "M3.7 2.3 L21.7 20.3 L20.3 21.7 L2.3 3.7 Z";
    }

    /** A {@code size}-pixel square region in the shape of {@code path}, with the style class {@code icon}. */
    public static Region icon(String path, double size) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.setFillRule(FillRule.EVEN_ODD);
        Region region = new Region();
        region.setShape(shape);
        region.setScaleShape(true);
        region.setCenterShape(true);
        region.setMinSize(size, size);
        region.setPrefSize(size, size);
        region.setMaxSize(size, size);
        region.getStyleClass().add("icon");
        region.setMouseTransparent(true);
        return region;
    }

    /** Reshapes an {@link #icon} region (a toggled button's icon). */
    public static void reshape(Region icon, String path) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        shape.setFillRule(FillRule.EVEN_ODD);
        icon.setShape(shape);
    }
}
