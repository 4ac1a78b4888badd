package org.musai.io;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the JDK's own chatter off a normal run's console: the first use of Java preferences (Gervill's synthesizer
 * reads them) logs "INFO: Created user preferences directory." on a new account. Warnings still come through.
 */
public final class QuietPlatformLogs {

    /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its level. */
    private static final Logger PREFERENCES = Logger.getLogger("java.util.prefs");

    private QuietPlatformLogs() {
    }

    public static void apply() {
        PREFERENCES.setLevel(Level.WARNING);
    }
}
