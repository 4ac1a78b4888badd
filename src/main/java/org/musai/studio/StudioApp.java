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
        stage.show();
        window.started();
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
