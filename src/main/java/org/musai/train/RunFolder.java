package org.musai.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.musai.io.AtomicFiles;
import org.musai.model.RwkvConfig;

/**
 * The files of a training run: {@code config.json} (model shape, tokenizer hash, every option), {@code tokenizer.json},
 * {@code metrics.csv}, {@code model.safetensors} (the latest weights) and {@code checkpoints/step-N/} (weights,
 * optimizer moments, training state). Every file is written atomically and a checkpoint folder appears only when
 * complete, so an interrupted run resumes from its last complete checkpoint. A run folder is also a model folder.
 */
public final class RunFolder {

    public static final String CONFIG = "config.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String METRICS = "metrics.csv";
    public static final String MODEL = "model.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    static final String STATE = "state.json";
    static final String CHECKPOINTS = "checkpoints";
    static final String METRICS_HEADER = "step,epoch,loss,val_loss,lr,tokens_per_s,elapsed_s";
    /** Older checkpoints are deleted; the latest few stay in case the newest file system write was lost. */
    static final int CHECKPOINTS_KEPT = 2;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The contents of config.json.
     *
     * @param format        always "musai-run"
     * @param model         the model's shape
     * @param tokenizerHash the hash in tokenizer.json, or "text" in text mode
     * @param options       the run's options
     */
    public record RunConfig(String format, RwkvConfig model, String tokenizerHash, TrainingOptions options) {
        public static final String FORMAT = "musai-run";
    }

    /**
     * The contents of a checkpoint's state.json.
     *
     * @param step           steps done
     * @param epoch          epoch of the last step
     * @param optimizerSteps Adam's step count
     * @param elapsedSeconds training time so far
     * @param lastLoss       loss of the last step
     * @param validationLoss last validation loss, or null
     * @param unigramLoss    the unigram baseline, or null
     */
    public record TrainingState(long step, int epoch, long optimizerSteps, double elapsedSeconds, double lastLoss,
                                Double validationLoss, Double unigramLoss) {
    }

    private final Path folder;

    public RunFolder(Path folder) {
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    public Path config() {
        return folder.resolve(CONFIG);
    }

    public Path model() {
        return folder.resolve(MODEL);
    }

    public Path tokenizer() {
        return folder.resolve(TOKENIZER);
    }

    /** The steps recorded in metrics.csv. */
    public RunHistory readHistory() throws IOException {
        return RunHistory.read(metrics());
    }

    public Path metrics() {
        return folder.resolve(METRICS);
    }

    void writeConfig(RunConfig config) throws IOException {
        AtomicFiles.write(config(), JSON.writeValueAsBytes(config));
    }

    /** Reads config.json; a clear {@link TrainingException} when there is none or it is damaged. */
    public RunConfig readConfig() throws TrainingException {
        if (!Files.isRegularFile(config())) {
            throw new TrainingException(folder + " is not a run or model folder (no " + CONFIG + ")");
        }
        try {
            RunConfig config = JSON.readValue(config().toFile(), RunConfig.class);
            if (!RunConfig.FORMAT.equals(config.format()) || config.model() == null) {
                throw new TrainingException(config() + " is not a MusAI run configuration");
            }
            return config;
        } catch (IOException | IllegalArgumentException e) {
            throw new TrainingException(config() + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    /** Writes a complete checkpoint folder, then the run's latest weights, then prunes old checkpoints. */
    Path writeCheckpoint(TrainingState state, byte[] weights, byte[] optimizer) throws IOException {
        Path checkpoints = folder.resolve(CHECKPOINTS);
        Files.createDirectories(checkpoints);
        Path target = checkpoints.resolve(String.format(Locale.ROOT, "step-%09d", state.step()));
        Path temp = Files.createTempDirectory(checkpoints, ".partial-");
        AtomicFiles.shareable(temp);
        try {
            Files.write(temp.resolve(MODEL), weights);
            Files.write(temp.resolve(OPTIMIZER), optimizer);
            Files.write(temp.resolve(STATE), JSON.writeValueAsBytes(state));
            if (Files.exists(target)) {
                deleteFolder(target);
            }
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            if (Files.exists(temp)) {
                deleteFolder(temp);
            }
        }
        AtomicFiles.write(model(), weights);
        List<Path> all = completeCheckpoints();
        for (int i = 0; i < all.size() - CHECKPOINTS_KEPT; i++) {
            deleteFolder(all.get(i));
        }
        return target;
    }

    /** The folder of the checkpoint of this name (as {@link #completeCheckpoints()} names them). */
    public Path checkpoint(String name) {
        return folder.resolve(CHECKPOINTS).resolve(name);
    }

    /** Complete checkpoint folders, oldest first. */
    public List<Path> completeCheckpoints() throws IOException {
        Path checkpoints = folder.resolve(CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(checkpoints)) {
            return list.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve(MODEL)) && Files.isRegularFile(p.resolve(OPTIMIZER))
                            && Files.isRegularFile(p.resolve(STATE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** The newest checkpoint whose state can be read. */
    Optional<Path> latestCheckpoint() throws IOException {
        List<Path> all = new ArrayList<>(completeCheckpoints());
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                readState(all.get(i));
                return Optional.of(all.get(i));
            } catch (IOException e) {
                // a damaged state file: fall back to the checkpoint before it
            }
        }
        return Optional.empty();
    }

    static TrainingState readState(Path checkpoint) throws IOException {
        return JSON.readValue(checkpoint.resolve(STATE).toFile(), TrainingState.class);
    }

    /** Starts metrics.csv, or cuts it back to the rows up to a checkpoint's step when resuming. */
    BufferedWriter openMetrics(long keepUpToStep) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(METRICS_HEADER);
        if (Files.exists(metrics())) {
            for (String line : Files.readAllLines(metrics(), StandardCharsets.UTF_8)) {
                String first = line.split(",", 2)[0];
                if (first.matches("\\d+") && Long.parseLong(first) <= keepUpToStep) {
                    kept.add(line);
                }
            }
        }
        AtomicFiles.write(metrics(), (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        return Files.newBufferedWriter(metrics(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    static void deleteFolder(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
