package org.musai.studio.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Where view models publish their state: the JavaFX thread in the app, the calling thread in tests (so that a view
 * model test needs no stage).
 */
@FunctionalInterface
public interface UiExecutor extends Executor {

    /** The JavaFX application thread. */
    static UiExecutor javaFx() {
        return command -> {
            if (Platform.isFxApplicationThread()) {
                command.run();
            } else {
                Platform.runLater(command);
            }
        };
    }

    /** Runs each update at once on the calling thread. */
    static UiExecutor direct() {
        return Runnable::run;
    }
}
