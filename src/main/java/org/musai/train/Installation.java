package org.musai.train;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.musai.token.TokenizerFile;

/**
 * What this installation is, as {@code musai --version} and the studio's About dialog say it: the version, the
 * engine and what it computes on, the default models, the licence. Reading it starts PyTorch, so callers on a UI
 * thread read it in the background.
 */
public final class Installation {

    public static final String NAME = "MusAI Studio";
    public static final String VERSION = "0.1.0";

    private Installation() {
    }

    /**
     * One line per fact.
     *
     * @param models the default REMI and MMM model folders
     */
    public static List<String> lines(List<Path> models) {
        List<String> lines = new ArrayList<>();
        lines.add(NAME + " " + VERSION);
        lines.add(engine());
        for (Path folder : models) {
            lines.add("Model: " + model(folder));
        }
        lines.add("Licence: MIT (the program); the default models were trained on CC0 1.0 and BSD-3-Clause music "
                + "(see each MODEL_CARD.md)");
        return lines;
    }

    private static String engine() {
        try {
            Engine engine = Engine.getInstance();
            int gpus = DeviceChoice.gpuCount();
            return String.format(Locale.ROOT, "Engine: DJL %s, %s %s, on %s", Engine.getDjlVersion(),
                    engine.getEngineName(), engine.getVersion(), gpus > 0 ? gpus + " CUDA GPU(s) and the CPU"
                            : "the CPU (no CUDA GPU visible)");
        } catch (RuntimeException | LinkageError e) {
            return "Engine: PyTorch could not be started: " + e.getMessage();
        }
    }

    private static String model(Path folder) {
        try {
            RunFolder.RunConfig config = new RunFolder(folder).readConfig();
            String algorithm = TokenizerFile.load(folder.resolve(TokenizerFile.FILE_NAME)).tokenizer().config()
                    .algorithm().name();
            return String.format(Locale.ROOT, "%s (%s, %.1f M parameters)", folder.normalize(), algorithm,
                    config.model().parameterCount() / 1e6);
        } catch (TrainingException | java.io.IOException | RuntimeException e) {
            return folder.normalize() + " (not readable: " + e.getMessage() + ")";
        }
    }
}
