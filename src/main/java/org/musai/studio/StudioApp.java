package org.musai.studio;

import java.util.prefs.BackingStoreException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The JavaFX application: one main window, its size and place remembered. */
public final class StudioApp extends Application {

    /** Readable at 1280x800, the smallest screen we design for. */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    private MainWindow window;
    private StudioPreferences preferences;

    @Override
    public void start(Stage stage) {
        preferences = StudioPreferences.user();
        window = new MainWindow(stage, preferences);
        Scene scene = new Scene(window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        MainWindow.style(scene);
        stage.setScene(scene);
        stage.setTitle("MusAI Studio");
        preferences.window().filter(StudioApp::onSomeScreen).ifPresent(bounds -> {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setWidth(bounds.width());
            stage.setHeight(bounds.height());
            stage.setMaximized(bounds.maximized());
        });
        stage.setOnCloseRequest(event -> {
            if (!window.confirmClose()) {
                event.consume();
            }
        });
        stage.getIcons().addAll(icons());
        stage.show();
        window.started();
        // a MIDI file opened with the studio (the installers' file association): shown, as the primer
        getParameters().getUnnamed().stream().map(java.nio.file.Path::of).filter(java.nio.file.Files::isRegularFile)
                .findFirst().ifPresent(window::openMidi);
    }

    /** The application icon in the sizes a desktop picks from, read from the class path's copy of assets/icons. */
    private static java.util.List<javafx.scene.image.Image> icons() {
        java.util.List<javafx.scene.image.Image> icons = new java.util.ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            java.net.URL url = StudioApp.class.getResource("/icons/musai-" + size + ".png");
            if (url != null) {
                icons.add(new javafx.scene.image.Image(url.toExternalForm()));
            }
        }
        return icons;
    }

    /** Whether a remembered window would show on a screen still attached (a monitor may have gone). */
    private static boolean onSomeScreen(StudioPreferences.WindowBounds bounds) {
        return !Screen.getScreensForRectangle(bounds.x(), bounds.y(), bounds.width(), bounds.height()).isEmpty();
    }

    @Override
    public void stop() throws BackingStoreException {
        window.saveLayout();
        window.close();
        preferences.flush();
        Platform.exit();
    }
}
