package org.musai.studio;

import javafx.application.Application;

/**
 * Starts the studio. A plain main class, since launching a class that extends Application from the class path fails
 * with "JavaFX runtime components are missing" (stack notes).
 */
public final class StudioLauncher {

    private StudioLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
