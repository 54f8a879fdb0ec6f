package org.weightstudio.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The studio's version, as Maven stamped it into {@code version.properties}. */
public final class StudioVersion {
    private static final String VERSION = read();

    private StudioVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = StudioVersion.class.getResourceAsStream("/org/weightstudio/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
