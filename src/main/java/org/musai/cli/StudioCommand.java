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
        StudioLauncher.main(new String[0]);
        return ExitCodes.OK;
    }
}
