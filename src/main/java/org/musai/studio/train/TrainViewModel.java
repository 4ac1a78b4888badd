package org.musai.studio.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musai.generate.ModelBundle;
import org.musai.studio.common.WorkspaceFolder;
import org.musai.model.LoraSettings;
import org.musai.model.RwkvConfig;
import org.musai.progress.CancellationToken;
import org.musai.progress.PauseGate;
import org.musai.progress.Rate;
import org.musai.studio.common.Background;
import org.musai.studio.common.ErrorReporter;
import org.musai.studio.common.Formats;
import org.musai.studio.common.UiBatcher;
import org.musai.token.TokenizerFile;
import org.musai.train.DeviceChoice;
import org.musai.train.EpochMetrics;
import org.musai.train.MachineMemory;
import org.musai.train.RunFolder;
import org.musai.train.RunHistory;
import org.musai.train.StepMetrics;
import org.musai.train.Trainer;
import org.musai.train.VaeMode;
import org.musai.train.TrainingException;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingMemory;
import org.musai.train.TrainingOptions;
import org.musai.train.TrainingPlan;
import org.musai.train.TrainingSummary;

/**
 * The training page: a dataset and a shape in, a run with live figures out, through the same {@link Trainer} as
 * {@code musai train}. Start, pause (the trainer waits between steps, keeping its memory), resume, stop (a checkpoint
 * is written), and reopen a run folder to see its history and continue it. Properties change on the UI executor.
 */
public final class TrainViewModel {

    /** Where a run is. */
    public enum State { IDLE, RUNNING, PAUSED, STOPPING }

    /** The seed trainer's defaults for what the presets leave alone. */
    static final int DEFAULT_EPOCHS = 10;
    static final int DEFAULT_STEPS_PER_EPOCH = 100;
    static final long DEFAULT_SEED = 42;
    static final double DEFAULT_VALIDATION_FRACTION = 0.05;

    private final Background background;
    private final ErrorReporter errors;
    private TrainingCharts charts = TrainingCharts.NONE;

    private final ObjectProperty<Path> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> runFolder = new SimpleObjectProperty<>();
    private final IntegerProperty embed = new SimpleIntegerProperty();
    private final IntegerProperty layers = new SimpleIntegerProperty();
    private final IntegerProperty ctx = new SimpleIntegerProperty();
    private final IntegerProperty batch = new SimpleIntegerProperty();
    private final IntegerProperty epochs = new SimpleIntegerProperty(DEFAULT_EPOCHS);
    private final IntegerProperty stepsPerEpoch = new SimpleIntegerProperty(DEFAULT_STEPS_PER_EPOCH);
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final DoubleProperty decayStart = new SimpleDoubleProperty(0);
    private final BooleanProperty headQk = new SimpleBooleanProperty(true);
    private final BooleanProperty tinyAttention = new SimpleBooleanProperty(false);
    private final DoubleProperty dropout = new SimpleDoubleProperty(0);
    private final IntegerProperty checkpointEvery = new SimpleIntegerProperty(TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
    private final StringProperty device = new SimpleStringProperty("cpu");
    /** Fine-tune the shipped model through LoRA adapters instead of training a new one (train -m DEFAULT -l). */
    private final BooleanProperty fineTuneDefault = new SimpleBooleanProperty();
    private final IntegerProperty loraRank = new SimpleIntegerProperty(LoraSettings.DEFAULT_RANK);
    private final DoubleProperty loraAlpha = new SimpleDoubleProperty(LoraSettings.DEFAULT_ALPHA);
    /** Recompute blocks in the backward pass (train -g). */
    private final BooleanProperty gradientCheckpointing = new SimpleBooleanProperty();
    private final ObjectProperty<Embeddings> embeddings = new SimpleObjectProperty<>(Embeddings.TABLE);
    private final ObjectProperty<Path> vaeFile = new SimpleObjectProperty<>();

    private static final int STUDIO_VAE_LAYERS = 2;
    private WorkspaceFolder workspace = WorkspaceFolder.standard();
    /** The run folder last suggested (not typed or chosen), which may follow a new dataset. */
    private Path suggestedRun;
    private final StringProperty datasetNote = new SimpleStringProperty("");

    /** Where a new model's embeddings come from (train -v). */
    public enum Embeddings {
        TABLE("The model's own table"), SAVED_VAE("A saved VAE, frozen (-v FILE)"),
        JOINT_VAE("A VAE trained with the model (-v true)");

        private final String label;

        Embeddings(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
    private final ObservableList<String> devices = FXCollections.observableArrayList("cpu");
    private final StringProperty estimate = new SimpleStringProperty("");
    /** Whether the estimate is more than the machine has free. */
    private final BooleanProperty memoryShort = new SimpleBooleanProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final BooleanProperty resumable = new SimpleBooleanProperty();
    /** Whether the run shown has trained all its steps (it can be continued with more). */
    private final BooleanProperty finished = new SimpleBooleanProperty();
    /** Finished and the user's own: the shipped models are fine-tuned, never trained on in place. */
    private final javafx.beans.binding.BooleanBinding continuable = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> finished.get() && runFolder.get() != null && !isShipped(runFolder.get()), finished, runFolder);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty stepText = new SimpleStringProperty("");
    private final StringProperty speedText = new SimpleStringProperty("");
    private final StringProperty timeText = new SimpleStringProperty("");
    private final StringProperty lossText = new SimpleStringProperty("");
    private final ObservableList<String> checkpoints = FXCollections.observableArrayList();
    private CancellationToken cancel = new CancellationToken();
    private PauseGate pause = new PauseGate();
    private int vocabSize;

    public TrainViewModel(Background background, ErrorReporter errors) {
        this.background = background;
        this.errors = errors;
        applyPreset(ModelPreset.SMALL);
        for (javafx.beans.Observable shape : List.of(embed, layers, ctx, batch, headQk, tinyAttention,
                gradientCheckpointing, fineTuneDefault)) {
            shape.addListener(o -> updateEstimate());
        }
    }

    /** Asks DJL which GPUs it sees, off the UI thread (the first call loads PyTorch's natives). */
    public void detectDevices() {
        background.run(DeviceChoice::gpuCount, gpus -> {
            if (gpus > 0 && !devices.contains("gpu")) {
                devices.add("gpu");
            }
        }, failure -> errors.report("Starting PyTorch (training needs it)", failure));
    }

    public void setCharts(TrainingCharts charts) {
        this.charts = charts;
    }

    public void applyPreset(ModelPreset preset) {
        embed.set(preset.embed());
        layers.set(preset.layers());
        ctx.set(preset.ctx());
        batch.set(preset.batch());
        learningRate.set(preset.learningRate());
    }

    /**
     * Takes the dataset the Dataset page has just built, and says so; a run folder that was only a suggestion follows
     * it. A running run keeps its own.
     */
    public void followBuiltDataset(Path folder) {
        if (state.get() != State.IDLE || folder == null) {
            return;
        }
        boolean suggested = runFolder.get() == null || runFolder.get().equals(suggestedRun);
        chooseDataset(folder);
        if (suggested) {
            suggestedRun = workspace.runFor(folder);
            runFolder.set(suggestedRun);
        }
        datasetNote.set("The dataset just built on the Dataset page");
    }

    /** Chooses the dataset; its vocabulary size feeds the parameter estimate. */
    public void chooseDataset(Path folder) {
        if (state.get() != State.IDLE) {
            return; // a running run keeps its dataset
        }
        datasetNote.set("");
        dataset.set(folder);
        try {
            vocabSize = TokenizerFile.load(folder.resolve(TokenizerFile.FILE_NAME)).vocabSize();
        } catch (IOException | RuntimeException e) {
            vocabSize = 0;
            errors.report("Opening the dataset " + folder, new IOException(folder + " is not a dataset from the "
                    + "Dataset page or musai tokenize (" + Formats.reason(e) + ")", e));
        }
        if (runFolder.get() == null && folder != null) {
            suggestedRun = workspace.runFor(folder);
            runFolder.set(suggestedRun);
        }
        updateEstimate();
    }

    private void updateEstimate() {
        if (vocabSize <= 0) {
            estimate.set("Choose a dataset to see the model's size");
            return;
        }
        RwkvConfig config = RwkvConfig.of(vocabSize, embed.get(), layers.get(), ctx.get())
                .withSeedOptions(headQk.get(), tinyAttention.get(), 0f);
        long needed = TrainingMemory.estimateBytes(config, batch.get(), gradientCheckpointing.get(),
                fineTuneDefault.get());
        long available = MachineMemory.availableBytes();
        String text = String.format(Locale.ROOT, "%s parameters, about %s of memory to train", Formats.count(
                config.parameterCount()), Formats.bytes(needed));
        memoryShort.set(available > 0 && needed > available);
        estimate.set(memoryShort.get() ? text + String.format(Locale.ROOT, ": more than the %s this machine has "
                + "free now. Lower the batch or the context, or tick Recompute blocks", Formats.bytes(available))
                : text);
    }

    /**
     * The second step of a one-step fine-tune: the shipped model fine-tuned through LoRA (default rank and alpha) on
     * a dataset tokenized for it, with a recipe, into a new run of the workspace.
     */
    public void fineTuneOn(Path folder, FineTuneRecipe recipe) {
        if (state.get() != State.IDLE || folder == null) {
            return;
        }
        chooseDataset(folder);
        if (vocabSize <= 0) {
            return; // said by chooseDataset
        }
        fineTuneDefault.set(true);
        loraRank.set(LoraSettings.DEFAULT_RANK);
        loraAlpha.set(LoraSettings.DEFAULT_ALPHA);
        embeddings.set(Embeddings.TABLE);
        batch.set(recipe.batch());
        epochs.set(recipe.epochs());
        stepsPerEpoch.set(recipe.stepsPerEpoch());
        learningRate.set(recipe.learningRate());
        decayStart.set(1);
        suggestedRun = WorkspaceFolder.unused(workspace.runFor(folder));
        runFolder.set(suggestedRun);
        datasetNote.set("Tokenized for fine-tuning the shipped model");
        start();
    }

    /** Starts a new run in the run folder. */
    public void start() {
        if (state.get() != State.IDLE) {
            return;
        }
        TrainingOptions chosen;
        try {
            Path base = fineTuneDefault.get() ? ModelBundle.defaultModelFolder() : null;
            // a fine-tune trains on the base's context: shorter windows made it worse on whole pieces
            int context = base != null ? new RunFolder(base).readConfig().model().ctxLen() : ctx.get();
            chosen = new TrainingOptions(dataset.get(), null, 0, runFolder.get(), base, context, batch.get(),
                    embed.get(), layers.get(), epochs.get(), stepsPerEpoch.get(), learningRate.get(), decayStart.get(),
                    0, tinyAttention.get(), headQk.get(), (float) dropout.get(), device.get(), DEFAULT_SEED,
                    DEFAULT_VALIDATION_FRACTION, checkpointEvery.get())
                    .withGradientCheckpointing(gradientCheckpointing.get());
            if (base != null) {
                chosen = chosen.withLora(new LoraSettings(loraRank.get(), loraAlpha.get()), null);
            }
            chosen = chosen.withVae(switch (embeddings.get()) {
                case TABLE -> null;
                case SAVED_VAE -> VaeMode.frozen(requireVaeFile());
                // the seed's 512 x 4 is ten times the default model; a latent of the model's width keeps it in scale
                case JOINT_VAE -> VaeMode.joint(embed.get(), STUDIO_VAE_LAYERS);
            });
        } catch (IllegalArgumentException | TrainingException e) {
            errors.report("Starting training", e);
            return;
        }
        TrainingOptions options = chosen;
        try {
            workspace.prepareParentOf(options.output());
        } catch (IOException e) {
            errors.report("Starting training", e);
            return;
        }
        charts.clear();
        checkpoints.clear();
        launch(listener -> new Trainer().train(options, listener, cancel, pause));
    }

    /**
     * Trains a finished run on for {@code moreEpochs} more epochs: its length grows and its learning rate's decay
     * stretches over the new length (Trainer.resume with epochs).
     */
    public void continueRun(int moreEpochs) {
        Path run = runFolder.get();
        if (state.get() != State.IDLE || run == null || !finished.get()) {
            return;
        }
        if (isShipped(run)) {
            errors.report("Continuing " + run, new IllegalArgumentException("the shipped model is not trained in "
                    + "place: fine-tune it (the Fine-tune section) into a run of your own"));
            return;
        }
        int length;
        try {
            length = new RunFolder(run).readConfig().options().epochs() + Math.max(1, moreEpochs);
            showHistory(run);
        } catch (IOException | TrainingException e) {
            errors.report("Continuing " + run, e);
            return;
        }
        OptionalInt interval = OptionalInt.of(checkpointEvery.get());
        epochs.set(length);
        launch(listener -> new Trainer().resume(run, interval, OptionalInt.of(length), listener, cancel, pause));
    }

    private static boolean isShipped(Path run) {
        Path folder = run.toAbsolutePath().normalize();
        return folder.equals(ModelBundle.defaultModelFolder().toAbsolutePath().normalize())
                || folder.equals(ModelBundle.defaultInfillModelFolder().toAbsolutePath().normalize());
    }

    /** Continues the opened run from its last complete checkpoint, with the checkpoint interval shown. */
    public void resumeRun() {
        Path run = runFolder.get();
        if (state.get() != State.IDLE || run == null) {
            return;
        }
        try {
            showHistory(run);
        } catch (IOException e) {
            errors.report("Reading " + run, e);
            return;
        }
        OptionalInt interval = OptionalInt.of(checkpointEvery.get());
        launch(listener -> new Trainer().resume(run, interval, listener, cancel, pause));
    }

    private interface Run {
        TrainingSummary go(TrainingListener listener) throws Exception;
    }

    private void launch(Run run) {
        cancel = new CancellationToken();
        pause = new PauseGate();
        finished.set(false);
        state.set(State.RUNNING);
        stepText.set("Starting…");
        TrainingListener listener = listener();
        background.run(() -> run.go(listener), summary -> {
            resumable.set(summary.stopped());
            finished.set(!summary.stopped());
            stepText.set(String.format(Locale.ROOT, "%s at step %,d", summary.stopped() ? "Stopped" : "Finished",
                    summary.steps()));
            refreshCheckpoints();
            state.set(State.IDLE); // last: whoever waits for the run sees everything it produced
        }, failure -> {
            stepText.set("Failed");
            refreshCheckpoints();
            resumable.set(!checkpoints.isEmpty()); // a crashed run continues from its last checkpoint
            state.set(State.IDLE);
            errors.report("Training", failure);
        });
    }

    /** Holds the trainer between steps; it keeps its memory, so resuming is instant. */
    public void pause() {
        if (state.get() == State.RUNNING) {
            pause.pause();
            state.set(State.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            pause.resume();
            state.set(State.RUNNING);
        }
    }

    /** Stops after the current step; the trainer writes a checkpoint, so the run can be resumed. */
    public void stop() {
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
            cancel.cancel();
            pause.resume();
            state.set(State.STOPPING);
        }
    }

    /** The gate of the run under way (tests see through it whether the trainer is held). */
    PauseGate pauseGate() {
        return pause;
    }

    public boolean isActive() {
        return state.get() != State.IDLE;
    }

    /** Opens a run folder: its settings, history and checkpoints; Resume then continues it. */
    public void openRun(Path folder) {
        if (state.get() != State.IDLE) {
            return;
        }
        RunFolder run = new RunFolder(folder);
        try {
            RunFolder.RunConfig config = run.readConfig();
            TrainingOptions o = config.options();
            runFolder.set(folder);
            if (o.dataset() != null) {
                dataset.set(o.dataset());
                datasetNote.set(java.nio.file.Files.isDirectory(o.dataset()) ? "The dataset the run was trained on"
                        : "The run's dataset, which is no longer there");
            }
            vocabSize = config.model().vocabSize();
            embed.set(config.model().embed());
            layers.set(config.model().layers());
            ctx.set(o.ctxLen());
            batch.set(o.batch());
            epochs.set(o.epochs());
            stepsPerEpoch.set(o.stepsPerEpoch());
            learningRate.set(o.learningRate());
            decayStart.set(o.decayStartEpoch());
            headQk.set(o.headQk());
            tinyAttention.set(o.tinyAttention());
            dropout.set(o.dropout());
            checkpointEvery.set(o.checkpointEvery());
            device.set(o.device());
            long done = showHistory(folder);
            resumable.set(done < o.totalSteps());
            finished.set(done >= o.totalSteps());
            boolean shipped = isShipped(folder);
            stepText.set(String.format(Locale.ROOT, "Opened: step %,d of %,d%s", done, o.totalSteps(),
                    shipped ? " (the shipped model: fine-tune it to make it yours)"
                            : finished.get() ? " (finished: Continue trains it on)" : ""));
            progress.set((double) done / o.totalSteps());
        } catch (Exception e) {
            errors.report("Opening the run " + folder, e);
        }
    }

    /** Shows a run's whole history; returns its last step. */
    private long showHistory(Path folder) throws IOException {
        RunHistory history = new RunFolder(folder).readHistory();
        charts.clear();
        charts.steps(history.steps());
        for (RunHistory.Step s : history.steps()) {
            if (!Double.isNaN(s.validationLoss())) {
                charts.validation(s.step(), s.validationLoss());
            }
        }
        refreshCheckpoints();
        return history.steps().isEmpty() ? 0 : history.steps().get(history.steps().size() - 1).step();
    }

    private void refreshCheckpoints() {
        Path folder = runFolder.get();
        List<String> names = new ArrayList<>();
        if (folder != null && Files.isDirectory(folder)) {
            try {
                for (Path checkpoint : new RunFolder(folder).completeCheckpoints()) {
                    names.add(checkpoint.getFileName().toString());
                }
            } catch (IOException e) {
                errors.report("Listing checkpoints of " + folder, e);
            }
        }
        checkpoints.setAll(names);
    }

    /** The trainer's events, hopped to the UI in batches of at most ten a second. */
    private TrainingListener listener() {
        UiBatcher<Object> batcher = background.batcher(UiBatcher.DEFAULT_INTERVAL_MILLIS, this::show);
        return new TrainingListener() {
            @Override
            public void started(TrainingPlan plan) {
                batcher.offer(plan);
            }

            @Override
            public void stepped(StepMetrics metrics) {
                batcher.offer(metrics);
            }

            @Override
            public void epochEnded(EpochMetrics metrics) {
                batcher.offer(metrics);
            }

            @Override
            public void checkpointed(Path folder, long step) {
                batcher.offer(folder);
            }

            @Override
            public void finished(TrainingSummary summary) {
                batcher.flush(); // delivered before the run's outcome, which comes after this returns
            }

            @Override
            public void failed(Exception cause) {
                batcher.flush();
            }
        };
    }

    private void show(List<Object> events) {
        if (state.get() == State.IDLE) {
            return; // the run's last events were flushed before it ended; nothing later may overwrite its outcome
        }
        List<RunHistory.Step> steps = new ArrayList<>();
        StepMetrics last = null;
        for (Object event : events) {
            if (event instanceof StepMetrics m) {
                steps.add(new RunHistory.Step(m.step(), m.epoch(), m.loss(), Double.NaN, m.learningRate(),
                        m.tokensPerSecond(), m.elapsedSeconds()));
                last = m;
            } else if (event instanceof EpochMetrics e) {
                flushSteps(steps);
                if (!Double.isNaN(e.validationLoss())) {
                    charts.validation(e.step(), e.validationLoss());
                }
            } else if (event instanceof TrainingPlan plan) {
                stepText.set(String.format(Locale.ROOT, "%s parameters on %s; %,d training, %,d validation documents",
                        Formats.count(plan.parameters()), plan.device(), plan.trainDocuments(),
                        plan.validationDocuments()));
            } else if (event instanceof Path) {
                refreshCheckpoints();
            }
        }
        flushSteps(steps);
        if (last != null) {
            progress.set((double) last.step() / last.totalSteps());
            stepText.set(String.format(Locale.ROOT, "Step %,d of %,d (epoch %d)", last.step(), last.totalSteps(),
                    last.epoch()));
            speedText.set(String.format(Locale.ROOT, "%,.0f tokens/s", last.tokensPerSecond()));
            timeText.set("Elapsed " + Rate.clock(last.elapsedSeconds()) + ", ETA " + Rate.clock(last.etaSeconds()));
            lossText.set(String.format(Locale.ROOT, "Loss %.3f, lr %.2e", last.loss(), last.learningRate()));
        }
    }

    private void flushSteps(List<RunHistory.Step> steps) {
        if (!steps.isEmpty()) {
            charts.steps(List.copyOf(steps));
            steps.clear();
        }
    }

    public ObjectProperty<Path> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Path> runFolderProperty() {
        return runFolder;
    }

    public IntegerProperty embedProperty() {
        return embed;
    }

    public IntegerProperty layersProperty() {
        return layers;
    }

    public IntegerProperty ctxProperty() {
        return ctx;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty stepsPerEpochProperty() {
        return stepsPerEpoch;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty decayStartProperty() {
        return decayStart;
    }

    public BooleanProperty headQkProperty() {
        return headQk;
    }

    public BooleanProperty tinyAttentionProperty() {
        return tinyAttention;
    }

    public DoubleProperty dropoutProperty() {
        return dropout;
    }

    /** Steps between checkpoints (and one at every epoch's end); a resumed run takes the value shown. */
    public IntegerProperty checkpointEveryProperty() {
        return checkpointEvery;
    }

    /** The folder of a checkpoint listed in {@link #checkpoints()}, to generate with. */
    public Path checkpointFolder(String name) {
        return new RunFolder(runFolder.get()).checkpoint(name);
    }

    /** Where the dataset shown came from, when the page chose it itself; empty otherwise. */
    public StringProperty datasetNoteProperty() {
        return datasetNote;
    }

    /** Where suggested run folders go (the preferences' workspace folder). */
    public void setWorkspace(WorkspaceFolder folder) {
        workspace = folder;
    }

    public BooleanProperty fineTuneDefaultProperty() {
        return fineTuneDefault;
    }

    public BooleanProperty gradientCheckpointingProperty() {
        return gradientCheckpointing;
    }

    public IntegerProperty loraRankProperty() {
        return loraRank;
    }

    public DoubleProperty loraAlphaProperty() {
        return loraAlpha;
    }

    public ObjectProperty<Embeddings> embeddingsProperty() {
        return embeddings;
    }

    public ObjectProperty<Path> vaeFileProperty() {
        return vaeFile;
    }

    private Path requireVaeFile() {
        if (vaeFile.get() == null) {
            throw new IllegalArgumentException("choose the saved VAE (an embvae_N.safetensors from train -v train)");
        }
        return vaeFile.get();
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public ObservableList<String> devices() {
        return devices;
    }

    public BooleanProperty memoryShortProperty() {
        return memoryShort;
    }

    public StringProperty estimateProperty() {
        return estimate;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public javafx.beans.binding.BooleanBinding continuableProperty() {
        return continuable;
    }

    public BooleanProperty finishedProperty() {
        return finished;
    }

    public BooleanProperty resumableProperty() {
        return resumable;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty stepTextProperty() {
        return stepText;
    }

    public StringProperty speedTextProperty() {
        return speedText;
    }

    public StringProperty timeTextProperty() {
        return timeText;
    }

    public StringProperty lossTextProperty() {
        return lossText;
    }

    public ObservableList<String> checkpoints() {
        return checkpoints;
    }
}
