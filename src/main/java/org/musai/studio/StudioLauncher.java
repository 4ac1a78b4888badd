package org.musai.studio;

import javafx.application.Application;

/**
 * Starts the studio. A plain main class, since launching a class that extends Application from the class path fails
 * with "JavaFX runtime components are missing" (stack notes).
 */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    /**
     * Why no window can open here, or null when one can: on Linux without DISPLAY or WAYLAND_DISPLAY, JavaFX fails
     * with "Unable to open DISPLAY". Touches no JavaFX class, so the command line can ask first.
     */
    public static String missingDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
        if (linux && !monocle && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return "the studio needs a desktop session (DISPLAY is not set); the other musai commands work without one";
        }
        return null;
    }

    public static void main(String[] args) {
        org.musai.io.QuietPlatformLogs.apply();
        Application.launch(StudioApp.class, args);
    }
}
