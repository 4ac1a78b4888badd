package org.musai.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.musai.model.RwkvWeights;

/** Looks at a run's checkpoints as the trainer would use them: for tests in this package and the CLI's. */
public final class CheckpointProbe {

    private CheckpointProbe() {
    }

    /**
     * Loads every {@code step-*} folder of a run completely (weights, optimizer moments, state) and returns their
     * steps, oldest first; throws if any cannot be loaded.
     */
    public static List<Long> loadAll(Path run) throws Exception {
        RunFolder folder = new RunFolder(run);
        RunFolder.RunConfig config = folder.readConfig();
        List<Long> steps = new ArrayList<>();
        for (Path checkpoint : stepFolders(run)) {
            RunFolder.TrainingState state = RunFolder.readState(checkpoint);
            try (NDManager manager = NDManager.newBaseManager();
                 RwkvWeights weights = Trainer.loadWeights(config.model(), manager,
                         checkpoint.resolve(RunFolder.MODEL))) {
                Trainer.readOptimizer(manager, checkpoint, weights.all());
            }
            steps.add(state.step());
        }
        return steps;
    }

    /** Every folder named step-N, complete or not. */
    public static List<Path> stepFolders(Path run) throws Exception {
        return entries(run.resolve(RunFolder.CHECKPOINTS), "step-");
    }

    /** Folders a checkpoint write leaves while under way (and a kill leaves behind). */
    public static List<Path> partialFolders(Path run) throws Exception {
        return entries(run.resolve(RunFolder.CHECKPOINTS), ".partial-");
    }

    private static List<Path> entries(Path folder, String prefix) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
