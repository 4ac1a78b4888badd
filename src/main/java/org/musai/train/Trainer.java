package org.musai.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.musai.io.OutputPaths;
import org.musai.io.AtomicFiles;
import org.musai.model.AdapterConfig;
import org.musai.model.EmbeddingVae;
import org.musai.model.LoraAdapter;
import org.musai.model.RwkvConfig;
import org.musai.model.VaeConfig;
import org.musai.model.RwkvWeights;
import org.musai.model.SafetensorsFile;
import org.musai.progress.CancellationToken;
import org.musai.progress.PauseGate;

/**
 * Trains an RWKV model as the seed trains it (Adam, clipping, warm-up and exponential decay, random windows, L2-wrap)
 * and writes a run folder that {@code --resume} continues exactly. A run holds its folder's lock for its whole life,
 * so a second run there is refused; it first removes what a killed run left half-written. One run at a time per
 * instance; listeners are called on the calling thread. Stop it with the cancellation token: it writes a checkpoint
 * first.
 */
public final class Trainer {

    /** A run's copy of the frozen VAE it reads its embeddings from. */
    static final String RUN_VAE = "embvae.safetensors";

    private final CheckpointWriter checkpointWriter;

    public Trainer() {
        this(CheckpointWriter.standard());
    }

    /** A trainer whose checkpoint files go through {@code checkpointWriter} (tests make it fail). */
    Trainer(CheckpointWriter checkpointWriter) {
        this.checkpointWriter = checkpointWriter;
    }

    /** Starts a new run. */
    public TrainingSummary train(TrainingOptions options, TrainingListener listener, CancellationToken cancel)
            throws TrainingException, IOException {
        return train(options, listener, cancel, new PauseGate());
    }

    /** Starts a new run that {@code pause} can hold between steps. */
    public TrainingSummary train(TrainingOptions options, TrainingListener listener, CancellationToken cancel,
                                 PauseGate pause) throws TrainingException, IOException {
        GradMode.offOnThisThread();
        RunFolder run = new RunFolder(options.output(), checkpointWriter);
        refuseExistingRun(run);
        try (TrainingSource source = TrainingSource.open(options)) {
            RunFolder base = options.baseModel() == null ? null : new RunFolder(options.baseModel());
            RwkvConfig config = base == null ? freshShape(options, source) : baseShape(options, source, base);
            source.requireIdsBelow(config.vocabSize());
            refuseWhatCannotStart(options, base, config); // before the folder exists, so that a retry may use it
            Files.createDirectories(run.path());
            try (RunLock lock = run.lock()) {
                refuseExistingRun(run); // again under the lock: another run may have started here meanwhile
                run.removeLeftovers();
                run.writeConfig(new RunFolder.RunConfig(RunFolder.RunConfig.FORMAT, config, source.tokenizerHash(),
                        options));
                source.copyTokenizerTo(run);
                Device device = DeviceChoice.resolve(options.device());
                if (options.lora() != null) {
                    writeAdapterConfig(run, options, base);
                }
                if (options.vae() != null && !options.vae().joint()) {
                    copyVae(options.vae().frozen(), run);
                }
                try (NDManager manager = NDManager.newBaseManager(device);
                     TrainedTensors trained = withVae(startingTensors(options, config, manager, base), run, null,
                             config, manager, options)) {
                    return new TrainingSession(run, options, source, trained, new AdamOptimizer(manager), manager, 0,
                            null, 0, listener, cancel, pause).run();
                }
            }
        }
    }

    private static RwkvConfig freshShape(TrainingOptions options, TrainingSource source) {
        return RwkvConfig.of(source.vocabSize(), options.embed(), options.layers(), options.ctxLen())
                .withSeedOptions(options.headQk(), options.tinyAttention(), options.dropout());
    }

    /** The base model's shape, with this run's context (if longer) and dropout; its tokens must be the dataset's. */
    private static RwkvConfig baseShape(TrainingOptions options, TrainingSource source, RunFolder base)
            throws TrainingException {
        RunFolder.RunConfig baseConfig = base.readConfig();
        if (!baseConfig.tokenizerHash().equals(source.tokenizerHash())) {
            throw new TrainingException("the base model " + options.baseModel() + " was trained on other "
                    + "tokens (tokenizer " + shortHash(baseConfig.tokenizerHash()) + ") than this dataset ("
                    + shortHash(source.tokenizerHash()) + "); tokenize with the base model's tokenizer");
        }
        RwkvConfig b = baseConfig.model();
        return new RwkvConfig(b.vocabSize(), b.embed(), b.layers(), Math.max(b.ctxLen(), options.ctxLen()),
                b.headQk(), b.tinyAttDim(), b.tinyAttLayer(), options.dropout());
    }

    /** Continues a run from its last complete checkpoint, with the options it was started with. */
    public TrainingSummary resume(Path runFolder, TrainingListener listener, CancellationToken cancel)
            throws TrainingException, IOException {
        return resume(runFolder, OptionalInt.empty(), listener, cancel, new PauseGate());
    }

    /** Continues a run that {@code pause} can hold between steps. */
    public TrainingSummary resume(Path runFolder, TrainingListener listener, CancellationToken cancel,
                                  PauseGate pause) throws TrainingException, IOException {
        return resume(runFolder, OptionalInt.empty(), listener, cancel, pause);
    }

    /**
     * Continues a run; {@code checkpointEvery}, when given, replaces the run's checkpoint interval from now on (and is
     * saved in its config). Nothing else of the run's options can change.
     */
    public TrainingSummary resume(Path runFolder, OptionalInt checkpointEvery, TrainingListener listener,
                                  CancellationToken cancel, PauseGate pause) throws TrainingException, IOException {
        return resume(runFolder, checkpointEvery, OptionalInt.empty(), listener, cancel, pause);
    }

    /**
     * Continues a run, finished or not; {@code epochs}, when given, is its new length, more than it had: a finished
     * run then trains on, the learning rate's decay stretched over the new length (it rises again from where the old
     * one ended), the batches those a run of that length would draw.
     */
    public TrainingSummary resume(Path runFolder, OptionalInt checkpointEvery, OptionalInt epochs,
                                  TrainingListener listener, CancellationToken cancel, PauseGate pause)
            throws TrainingException, IOException {
        GradMode.offOnThisThread();
        RunFolder run = new RunFolder(runFolder, checkpointWriter);
        run.readConfig(); // a clear refusal for a folder that is no run, before a lock file is put there
        try (RunLock lock = run.lock()) {
            run.removeLeftovers();
            RunFolder.RunConfig saved = run.readConfig();
            TrainingOptions options = saved.options();
            TrainingOptions changed = options;
            if (checkpointEvery.isPresent()) {
                changed = changed.withCheckpointEvery(checkpointEvery.getAsInt());
            }
            if (epochs.isPresent()) {
                if (epochs.getAsInt() <= options.epochs()) {
                    throw new TrainingException(runFolder + " is a run of " + options.epochs() + " epochs; to train "
                            + "on, give more than that");
                }
                changed = changed.withEpochs(epochs.getAsInt());
            }
            if (!changed.equals(options)) {
                options = changed;
                saved = new RunFolder.RunConfig(saved.format(), saved.model(), saved.tokenizerHash(), options);
                run.writeConfig(saved);
            }
            Optional<Path> checkpoint = run.latestCheckpoint();
            try (TrainingSource source = TrainingSource.open(options)) {
                if (!saved.tokenizerHash().equals(source.tokenizerHash())) {
                    throw new TrainingException("the dataset " + options.dataset() + " has changed since the run "
                            + "started (tokenizer " + shortHash(source.tokenizerHash()) + ", run "
                            + shortHash(saved.tokenizerHash()) + ")");
                }
                source.requireIdsBelow(saved.model().vocabSize());
                Device device = DeviceChoice.resolve(options.device());
                RunFolder base = options.baseModel() == null ? null : new RunFolder(options.baseModel());
                try (NDManager manager = NDManager.newBaseManager(device);
                     TrainedTensors trained = withVae(checkpoint.isPresent()
                             ? checkpointTensors(options, saved.model(), manager, base, run, checkpoint.get())
                             : startingTensors(options, saved.model(), manager, base), run,
                             checkpoint.orElse(null), saved.model(), manager, options)) {
                    AdamOptimizer optimizer = new AdamOptimizer(manager);
                    long step = 0;
                    double elapsed = 0;
                    if (checkpoint.isPresent()) {
                        RunFolder.TrainingState state = RunFolder.readState(checkpoint.get());
                        try (NDManager scratch = manager.newSubManager()) { // restore copies the moments
                            optimizer.restore(readOptimizer(scratch, checkpoint.get(), trained.trained()),
                                    state.optimizerSteps());
                        }
                        step = state.step();
                        elapsed = state.elapsedSeconds();
                    }
                    return new TrainingSession(run, options, source, trained, optimizer, manager, step,
                            checkpoint.orElse(null), elapsed, listener, cancel, pause).run();
                }
            }
        }
    }

    /** A new run needs a new or empty folder (the remains of a killed start in it are ours and do not count). */
    private static void refuseExistingRun(RunFolder run) throws TrainingException, IOException {
        try {
            // a file, device, FIFO or link is not a run folder, and a missing parent is not made on the user's behalf
            OutputPaths.checkFolder(run.path());
        } catch (OutputPaths.OutputPathException e) {
            throw new TrainingException(e.getMessage());
        }
        if (Files.exists(run.config())) {
            throw new TrainingException(run.path() + " already holds a run; continue it (Continue in the studio, "
                    + "train --resume " + run.path() + " on the command line) or choose another folder");
        }
        if (Files.isDirectory(run.path())) {
            try (Stream<Path> entries = Files.list(run.path())) {
                if (entries.anyMatch(entry -> !RunFolder.isOwnLeftover(entry))) {
                    throw new TrainingException(run.path() + " holds other files; choose an empty or new folder");
                }
            }
        }
    }

    /** What a run starts to train: fresh or base weights, and for LoRA a fresh adapter or the one of {@code -r}. */
    private static TrainedTensors startingTensors(TrainingOptions options, RwkvConfig config, NDManager manager,
                                                  RunFolder base) throws TrainingException {
        if (base == null) {
            return TrainedTensors.all(options.initialWeights(config, manager));
        }
        RwkvWeights weights = loadWeights(config, manager, base.model());
        if (options.lora() == null) {
            return TrainedTensors.all(weights);
        }
        if (options.loraStart() == null) {
            return TrainedTensors.lora(weights, LoraAdapter.initialize(config, options.lora(), manager,
                    options.seed()));
        }
        Path start = options.loraStart();
        try {
            AdapterConfig startConfig = AdapterConfig.read(start);
            startConfig.requireBase(base.model());
            if (!startConfig.settings().equals(options.lora())) {
                throw new TrainingException("the adapter " + start + " has rank " + startConfig.rank() + " and alpha "
                        + startConfig.alpha() + "; continue it with those (--lora-rank, --lora-alpha)");
            }
            return TrainedTensors.lora(weights, LoraAdapter.read(start.resolve(AdapterConfig.WEIGHTS),
                    options.lora(), weights));
        } catch (IOException e) {
            weights.close();
            throw new TrainingException("cannot continue the adapter: " + e.getMessage(), e);
        }
    }

    /** What a run trains, as a checkpoint saved it; a LoRA checkpoint holds the adapter and loads the base first. */
    private static TrainedTensors checkpointTensors(TrainingOptions options, RwkvConfig config, NDManager manager,
                                                    RunFolder base, RunFolder run, Path checkpoint)
            throws TrainingException {
        if (options.lora() == null) {
            return TrainedTensors.all(loadWeights(config, manager, checkpoint.resolve(RunFolder.MODEL)));
        }
        RwkvWeights weights = loadWeights(config, manager, base.model());
        try {
            AdapterConfig.read(run.path()).requireBase(base.model());
            return TrainedTensors.lora(weights, LoraAdapter.read(checkpoint.resolve(AdapterConfig.WEIGHTS),
                    options.lora(), weights));
        } catch (IOException e) {
            weights.close();
            throw new TrainingException("cannot resume the adapter: " + e.getMessage()
                    + RunFolder.damagedCheckpointAdvice(checkpoint), e);
        }
    }

    /** A base that cannot be adapted, a VAE that does not fit: refused before anything is written. */
    private static void refuseWhatCannotStart(TrainingOptions options, RunFolder base, RwkvConfig config)
            throws TrainingException {
        if (options.lora() != null && !Files.isRegularFile(base.model())) {
            throw new TrainingException(options.baseModel() + " has no " + RunFolder.MODEL + " to adapt (an adapter "
                    + "cannot be the base of another)");
        }
        if (options.vae() != null && !options.vae().joint()) {
            Path file = options.vae().frozen();
            VaeConfig found;
            try {
                found = EmbeddingVae.readConfig(file);
            } catch (IOException e) {
                throw new TrainingException("cannot use the VAE: " + e.getMessage(), e);
            }
            VaeTrainer.requireFits(file, found, config.vocabSize(), config.embed());
        }
    }

    /** The run's own copy of its frozen VAE (embvae.safetensors and embvae.json), so that it resumes anywhere. */
    private static void copyVae(Path file, RunFolder run) throws IOException {
        AtomicFiles.write(run.path().resolve(RUN_VAE), Files.readAllBytes(file));
        AtomicFiles.write(run.path().resolve(EmbeddingVae.CONFIG_FILE),
                Files.readAllBytes(file.toAbsolutePath().resolveSibling(EmbeddingVae.CONFIG_FILE)));
    }

    /**
     * The tensors with a VAE giving the embeddings, when the run has one: its frozen copy, or a joint VAE fresh or as
     * the checkpoint it resumes from saved it.
     */
    private static TrainedTensors withVae(TrainedTensors trained, RunFolder run, Path checkpoint, RwkvConfig config,
                                          NDManager manager, TrainingOptions options) throws TrainingException {
        VaeMode mode = options.vae();
        if (mode == null) {
            return trained;
        }
        if (!mode.joint()) {
            return trained.withVae(VaeTrainer.loadMatching(run.path().resolve(RUN_VAE), config.vocabSize(),
                    config.embed(), manager), false);
        }
        EmbeddingVae vae = checkpoint == null
                ? EmbeddingVae.initialize(new VaeConfig(config.vocabSize(), config.embed(), mode.latent(),
                mode.hiddenLayers()), manager, options.seed())
                : VaeTrainer.loadMatching(checkpoint.resolve(RUN_VAE), config.vocabSize(), config.embed(), manager);
        return trained.withVae(vae, true);
    }

    private static void writeAdapterConfig(RunFolder run, TrainingOptions options, RunFolder base)
            throws IOException {
        AdapterConfig.of(options.lora(), base.model(), options.baseModel()).write(run.path());
    }

    /**
     * A run or model folder's weights for scoring or generating: its model.safetensors, or for a LoRA run its base's
     * with the adapter merged in.
     */
    static RwkvWeights loadRunWeights(RunFolder run, RunFolder.RunConfig config, NDManager manager)
            throws TrainingException {
        if (!AdapterConfig.isAdapterFolder(run.path())) {
            return loadWeights(config.model(), manager, run.model());
        }
        Path base = config.options() == null ? null : config.options().baseModel();
        if (base == null) {
            throw new TrainingException(run.path() + " holds an adapter but names no base model");
        }
        try {
            return LoraAdapter.loadMerged(config.model(), manager, new RunFolder(base).model(), run.path(),
                    run.path().resolve(AdapterConfig.WEIGHTS));
        } catch (IOException e) {
            throw new TrainingException("cannot load the adapter of " + run.path() + ": " + e.getMessage(), e);
        }
    }

    static RwkvWeights loadWeights(RwkvConfig config, NDManager manager, Path file) throws TrainingException {
        if (!Files.isRegularFile(file)) {
            throw new TrainingException("no weights at " + file);
        }
        try {
            return RwkvWeights.load(config, manager, file);
        } catch (IOException e) {
            throw new TrainingException("cannot load " + e.getMessage() + advice(file), e);
        }
    }

    /** Adam's moments of a checkpoint: "m." and "v." and each parameter's name, with the parameter's shape. */
    static Map<String, NDArray> readOptimizer(NDManager manager, Path checkpoint, Map<String, NDArray> trained)
            throws TrainingException {
        Path file = checkpoint.resolve(RunFolder.OPTIMIZER);
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (String prefix : List.of("m.", "v.")) {
            trained.forEach((name, array) -> expected.put(prefix + name, array.getShape()));
        }
        try (SafetensorsFile tensors = SafetensorsFile.open(file)) {
            tensors.requireExactly(expected, "the optimizer of this model shape");
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (String name : expected.keySet()) {
                arrays.put(name, tensors.read(name, manager));
            }
            return arrays;
        } catch (IOException e) {
            throw new TrainingException("cannot read the optimizer state " + e.getMessage()
                    + RunFolder.damagedCheckpointAdvice(checkpoint), e);
        }
    }

    /** For a checkpoint's weights, how to go on without it. */
    private static String advice(Path weightsFile) {
        Path folder = weightsFile.toAbsolutePath().getParent();
        boolean inCheckpoint = folder.getParent() != null && folder.getParent().getFileName() != null
                && folder.getParent().getFileName().toString().equals(RunFolder.CHECKPOINTS);
        return inCheckpoint ? RunFolder.damagedCheckpointAdvice(weightsFile.getParent()) : "";
    }

    static String shortHash(String hash) {
        return hash.length() > 19 ? hash.substring(0, 19) : hash;
    }
}
