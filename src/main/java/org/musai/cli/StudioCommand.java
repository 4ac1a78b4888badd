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
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            // JavaFX would fail with "Unable to open DISPLAY"; the command line works without one
            throw new IllegalArgumentException("the studio needs a desktop session (DISPLAY is not set); the other "
                    + "musai commands work without one");
        }
        StudioLauncher.main(new String[0]);
        return ExitCodes.OK;
    }
}
