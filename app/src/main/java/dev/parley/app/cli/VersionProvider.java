package dev.parley.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version from the build (pom), for {@code --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The project version, e.g. 0.1.0-SNAPSHOT, or "unknown" when run from an unfiltered build. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/parley/app/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "Parley " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
