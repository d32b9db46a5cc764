package dev.parley.app.logging;

import dev.parley.app.settings.PlatformFolders;

/**
 * Points logback's file appender at the platform's log folder ({@link PlatformFolders#logs()}); called first thing in
 * {@code main}, before any logger exists (logback reads the property when it configures itself).
 */
public final class LogFolder {

    /** The system property logback.xml reads. */
    public static final String PROPERTY = "parley.log.dir";

    private LogFolder() {
    }

    public static void useThePlatformFolder() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, PlatformFolders.current().logs().toString());
        }
    }
}
