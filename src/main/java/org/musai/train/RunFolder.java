package org.musai.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.musai.io.AtomicFiles;
import org.musai.io.JsonFiles;
import org.musai.model.AdapterConfig;
import org.musai.model.EmbeddingVae;
import org.musai.model.RwkvConfig;

/**
 * The files of a training run: {@code config.json} (model shape, tokenizer hash, every option), {@code tokenizer.json},
 * {@code metrics.csv}, {@code model.safetensors} (the latest weights) and {@code checkpoints/step-N/} (weights,
 * optimizer moments, training state), and {@code run.lock} while a run trains in it ({@link RunLock}). Every file is
 * written atomically and forced to disk, and a checkpoint folder appears only when complete and on disk, so a run
 * interrupted by a crash or a power cut resumes from its last complete checkpoint. A run folder is also a model
 * folder.
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
    /** Older checkpoints are deleted; the latest two stay, so one can be picked if the newest proves damaged. */
    static final int CHECKPOINTS_KEPT = 2;
    /** A checkpoint being written: {@code .partial-} and digits (Files.createTempDirectory's naming). */
    private static final Pattern PARTIAL = Pattern.compile("\\.partial-\\d+");
    private static final String PARTIAL_PREFIX = ".partial-";
    /** A checkpoint being deleted is first renamed so, so that no half-deleted step-N folder is ever seen. */
    private static final String PRUNED_PREFIX = ".pruned-";
    private static final Pattern PRUNED = Pattern.compile("\\.pruned-step-\\d+");
    private static final Pattern CHECKPOINT_NAME = Pattern.compile("step-(\\d+)");

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
        public TrainingState {
            if (step < 0 || epoch < 0 || optimizerSteps < 0) {
                throw new IllegalArgumentException("step, epoch and optimizerSteps must not be negative");
            }
            if (!(elapsedSeconds >= 0) || Double.isInfinite(elapsedSeconds)) {
                throw new IllegalArgumentException("elapsedSeconds must be a time, not " + elapsedSeconds);
            }
        }
    }

    private final Path folder;
    private final CheckpointWriter writer;

    public RunFolder(Path folder) {
        this(folder, CheckpointWriter.standard());
    }

    /** A run folder whose checkpoint files go through {@code writer} (tests make it fail as a full disk does). */
    RunFolder(Path folder, CheckpointWriter writer) {
        this.folder = folder;
        this.writer = writer;
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
        RunConfig config;
        try {
            JsonNode root = JsonFiles.readTree(config());
            if (root.path("options") instanceof ObjectNode options && !options.has("checkpointEvery")) {
                // a run from before the option: its checkpoints came at epoch ends; it continues with the default
                options.put("checkpointEvery", TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
            }
            config = JsonFiles.convert(config(), root, RunConfig.class, JSON);
        } catch (IOException e) {
            throw new TrainingException(e.getMessage(), e);
        }
        if (!RunConfig.FORMAT.equals(config.format()) || config.model() == null || config.options() == null
                || config.tokenizerHash() == null) {
            throw new TrainingException(config() + " is not a MusAI run configuration");
        }
        return config;
    }

    /** Holds this folder for one run until closed; refused while another run trains in it. */
    RunLock lock() throws TrainingException, IOException {
        return RunLock.acquire(folder);
    }

    /**
     * Deletes what a killed run left half-written: {@code checkpoints/.partial-*} and {@code .pruned-*} folders and
     * the temporary files of the run's own files. Nothing else is touched. Call it only while holding the
     * {@link #lock()}, since a live run's partial checkpoint looks the same.
     */
    void removeLeftovers() throws IOException {
        Path checkpoints = folder.resolve(CHECKPOINTS);
        if (Files.isDirectory(checkpoints)) {
            try (Stream<Path> list = Files.list(checkpoints)) {
                for (Path entry : list.toList()) {
                    String name = entry.getFileName().toString();
                    boolean ours = PARTIAL.matcher(name).matches() || PRUNED.matcher(name).matches();
                    if (ours && Files.isDirectory(entry)) {
                        deleteFolder(entry);
                    }
                }
            }
        }
        for (String file : List.of(CONFIG, TOKENIZER, METRICS, MODEL, AdapterConfig.FILE_NAME, AdapterConfig.WEIGHTS,
                Trainer.RUN_VAE, EmbeddingVae.CONFIG_FILE)) {
            for (Path leftover : AtomicFiles.leftoversOf(folder.resolve(file))) {
                Files.delete(leftover);
            }
        }
    }

    /** Whether a file in an otherwise empty folder is one this class leaves (the lock, a killed write's remains). */
    static boolean isOwnLeftover(Path entry) {
        if (entry.getFileName().toString().equals(RunLock.FILE_NAME)) {
            return true;
        }
        return AtomicFiles.isLeftoverOf(entry, entry.resolveSibling(CONFIG))
                || AtomicFiles.isLeftoverOf(entry, entry.resolveSibling(TOKENIZER));
    }

    /**
     * Writes a complete checkpoint folder, forcing each file and the folder to disk before it is moved into place;
     * then the run's latest weights; then prunes old checkpoints. A failure (a full disk) leaves the checkpoints
     * before it as they were and removes the half-written folder.
     */
    Path writeCheckpoint(TrainingState state, Map<String, byte[]> files, byte[] optimizer) throws IOException {
        Path checkpoints = folder.resolve(CHECKPOINTS);
        if (!Files.isDirectory(checkpoints)) {
            Files.createDirectories(checkpoints);
            AtomicFiles.syncFolder(folder);
        }
        Path target = checkpoints.resolve(checkpointName(state.step()));
        Path temp = Files.createTempDirectory(checkpoints, PARTIAL_PREFIX);
        AtomicFiles.shareable(temp);
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                writer.write(temp.resolve(file.getKey()), file.getValue());
            }
            writer.write(temp.resolve(OPTIMIZER), optimizer);
            writer.write(temp.resolve(STATE), JSON.writeValueAsBytes(state));
            AtomicFiles.syncFolder(temp);
            if (Files.exists(target)) {
                prune(target); // a step written again after resuming from an older checkpoint
            }
            AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            if (Files.exists(temp)) {
                deleteFolder(temp);
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            AtomicFiles.write(folder.resolve(file.getKey()), file.getValue());
        }
        List<Path> all = completeCheckpoints();
        for (int i = 0; i < all.size() - CHECKPOINTS_KEPT; i++) {
            prune(all.get(i));
        }
        return target;
    }

    static String checkpointName(long step) {
        return String.format(Locale.ROOT, "step-%09d", step);
    }

    /** Renames a checkpoint out of the way in one step, then deletes it, so no half-deleted checkpoint remains. */
    private static void prune(Path checkpoint) throws IOException {
        Path doomed = checkpoint.resolveSibling(PRUNED_PREFIX + checkpoint.getFileName());
        if (Files.exists(doomed)) {
            deleteFolder(doomed);
        }
        AtomicFiles.moveIntoPlace(checkpoint, doomed);
        deleteFolder(doomed);
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
            return list.filter(p -> CHECKPOINT_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> (Files.isRegularFile(p.resolve(MODEL))
                            || Files.isRegularFile(p.resolve(AdapterConfig.WEIGHTS)))
                            && Files.isRegularFile(p.resolve(OPTIMIZER))
                            && Files.isRegularFile(p.resolve(STATE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
    }

    /** The newest complete checkpoint, if any. */
    Optional<Path> latestCheckpoint() throws IOException {
        List<Path> all = completeCheckpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A checkpoint's state.json; a clear message when it is damaged or belongs to another step. */
    static TrainingState readState(Path checkpoint) throws TrainingException {
        Path file = checkpoint.resolve(STATE);
        TrainingState state;
        try {
            state = JsonFiles.read(file, TrainingState.class, JSON);
        } catch (IOException e) {
            throw new TrainingException(e.getMessage() + damagedCheckpointAdvice(checkpoint), e);
        }
        java.util.regex.Matcher name = CHECKPOINT_NAME.matcher(checkpoint.getFileName().toString());
        if (name.matches() && Long.parseLong(name.group(1)) != state.step()) {
            throw new TrainingException(file + " is for step " + state.step() + ", not the step its folder is named "
                    + "after" + damagedCheckpointAdvice(checkpoint));
        }
        return state;
    }

    /** What to do about a checkpoint that cannot be loaded: the one before it is kept for this. */
    static String damagedCheckpointAdvice(Path checkpoint) {
        return "; delete " + checkpoint + " to resume from the checkpoint before it";
    }

    /**
     * Starts metrics.csv, or cuts it back to the rows up to a checkpoint's step when resuming: rows after it are
     * trained again, and a row cut short by a crash (no line end) or out of order is dropped.
     */
    MetricsLog openMetrics(long keepUpToStep) throws IOException {
        List<String> kept = new ArrayList<>();
        kept.add(METRICS_HEADER);
        if (Files.exists(metrics())) {
            String content = Files.readString(metrics(), StandardCharsets.UTF_8);
            String[] lines = content.split("\n", -1);
            long lastStep = 0;
            for (int i = 0; i < lines.length - 1; i++) { // the last piece has no line end: cut short, or empty
                Optional<RunHistory.Step> row = RunHistory.parse(lines[i]);
                if (row.isPresent() && row.get().step() > lastStep && row.get().step() <= keepUpToStep) {
                    kept.add(lines[i]);
                    lastStep = row.get().step();
                }
            }
        }
        AtomicFiles.write(metrics(), (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        return new MetricsLog(metrics());
    }

    static void deleteFolder(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
