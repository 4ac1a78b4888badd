package org.musai.cli;

import java.util.concurrent.Callable;
import org.musai.studio.StudioLauncher;
import picocli.CommandLine.Command;

/** {@code musai studio}: opens the desktop studio (also {@code mvn javafx:run}). */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "Open MusAI Studio, the desktop app: dataset import, live training and a piano-roll generator.")
final class StudioCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        String missing = StudioLauncher.missingDisplay();
        if (missing != null) {
            throw new IllegalArgumentException(missing);
        }
        try {
            StudioLauncher.main(new String[0]);
        } catch (UnsupportedOperationException e) {
            // JavaFX could not open a window: no GTK 3, or a display it cannot reach
            throw new IllegalArgumentException("the studio cannot open a window (" + e.getMessage() + "); on Linux it "
                    + "needs GTK 3 (apt-get install libgtk-3-0) and a reachable display", e);
        }
        return ExitCodes.OK;
    }
}
