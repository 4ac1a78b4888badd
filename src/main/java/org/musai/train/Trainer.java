package org.musai.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;
import org.musai.progress.CancellationToken;
import org.musai.progress.PauseGate;
import org.musai.token.TokenizerFile;
import org.musai.token.binidx.BinIdxReader;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.DatasetException;

/**
 * Trains an RWKV model as the seed trains it (Adam, clipping, warm-up and exponential decay, random windows, L2-wrap)
 * and writes a run folder that {@code --resume} continues exactly. One run at a time per instance; listeners are
 * called on the calling thread. Stop it with the cancellation token: it writes a checkpoint first.
 */
public final class Trainer {

    /** Text mode has no tokenizer; its config says so in place of a hash. */
    static final String TEXT_MODE = "text";

    /** Starts a new run. */
    public TrainingSummary train(TrainingOptions options, TrainingListener listener, CancellationToken cancel)
            throws TrainingException, IOException {
        return train(options, listener, cancel, new PauseGate());
    }

    /** Starts a new run that {@code pause} can hold between steps. */
    public TrainingSummary train(TrainingOptions options, TrainingListener listener, CancellationToken cancel,
                                 PauseGate pause) throws TrainingException, IOException {
        GradMode.offOnThisThread();
        RunFolder run = new RunFolder(options.output());
        refuseExistingRun(run);
        try (TrainingSource source = TrainingSource.open(options)) {
            RwkvConfig config;
            RunFolder base = options.baseModel() == null ? null : new RunFolder(options.baseModel());
            if (base != null) {
                RunFolder.RunConfig baseConfig = base.readConfig();
                if (!baseConfig.tokenizerHash().equals(source.tokenizerHash())) {
                    throw new TrainingException("the base model " + options.baseModel() + " was trained on other "
                            + "tokens (tokenizer " + shortHash(baseConfig.tokenizerHash()) + ") than this dataset ("
                            + shortHash(source.tokenizerHash()) + "); tokenize with the base model's tokenizer");
                }
                RwkvConfig b = baseConfig.model();
                config = new RwkvConfig(b.vocabSize(), b.embed(), b.layers(), Math.max(b.ctxLen(), options.ctxLen()),
                        b.headQk(), b.tinyAttDim(), b.tinyAttLayer(), options.dropout());
            } else {
                config = RwkvConfig.of(source.vocabSize(), options.embed(), options.layers(), options.ctxLen())
                        .withSeedOptions(options.headQk(), options.tinyAttention(), options.dropout());
            }
            Files.createDirectories(run.path());
            run.writeConfig(new RunFolder.RunConfig(RunFolder.RunConfig.FORMAT, config, source.tokenizerHash(),
                    options));
            source.copyTokenizerTo(run);
            Device device = DeviceChoice.resolve(options.device());
            try (NDManager manager = NDManager.newBaseManager(device)) {
                RwkvWeights weights = base == null ? RwkvWeights.initialize(config, manager, options.seed())
                        : loadWeights(config, manager, base.model());
                return new Session(run, options, source, weights, new AdamOptimizer(manager), manager, 0, 0,
                        listener, cancel, pause).run();
            }
        }
    }

    /** Continues a run from its last complete checkpoint, with the options it was started with. */
    public TrainingSummary resume(Path runFolder, TrainingListener listener, CancellationToken cancel)
            throws TrainingException, IOException {
        return resume(runFolder, listener, cancel, new PauseGate());
    }

    /** Continues a run that {@code pause} can hold between steps. */
    public TrainingSummary resume(Path runFolder, TrainingListener listener, CancellationToken cancel,
                                  PauseGate pause) throws TrainingException, IOException {
        GradMode.offOnThisThread();
        RunFolder run = new RunFolder(runFolder);
        RunFolder.RunConfig saved = run.readConfig();
        TrainingOptions options = saved.options();
        Optional<Path> checkpoint = run.latestCheckpoint();
        try (TrainingSource source = TrainingSource.open(options)) {
            if (!saved.tokenizerHash().equals(source.tokenizerHash())) {
                throw new TrainingException("the dataset " + options.dataset() + " has changed since the run started "
                        + "(tokenizer " + shortHash(source.tokenizerHash()) + ", run " + shortHash(saved.tokenizerHash())
                        + ")");
            }
            Device device = DeviceChoice.resolve(options.device());
            try (NDManager manager = NDManager.newBaseManager(device)) {
                AdamOptimizer optimizer = new AdamOptimizer(manager);
                RwkvWeights weights;
                long step = 0;
                double elapsed = 0;
                if (checkpoint.isPresent()) {
                    RunFolder.TrainingState state = RunFolder.readState(checkpoint.get());
                    weights = loadWeights(saved.model(), manager, checkpoint.get().resolve(RunFolder.MODEL));
                    optimizer.restore(readArrays(manager, checkpoint.get().resolve(RunFolder.OPTIMIZER)),
                            state.optimizerSteps());
                    step = state.step();
                    elapsed = state.elapsedSeconds();
                } else {
                    weights = options.baseModel() == null ? RwkvWeights.initialize(saved.model(), manager, options.seed())
                            : loadWeights(saved.model(), manager, new RunFolder(options.baseModel()).model());
                }
                return new Session(run, options, source, weights, optimizer, manager, step, elapsed, listener, cancel, pause)
                        .run();
            }
        }
    }

    private static void refuseExistingRun(RunFolder run) throws TrainingException, IOException {
        if (Files.exists(run.config())) {
            throw new TrainingException(run.path() + " already holds a run; continue it with --resume "
                    + run.path() + " or choose another folder");
        }
        if (Files.isDirectory(run.path())) {
            try (Stream<Path> entries = Files.list(run.path())) {
                if (entries.findAny().isPresent()) {
                    throw new TrainingException(run.path() + " holds other files; choose an empty or new folder");
                }
            }
        } else if (Files.exists(run.path())) {
            throw new TrainingException(run.path() + " is a file; give a folder for the run");
        }
    }

    static RwkvWeights loadWeights(RwkvConfig config, NDManager manager, Path file) throws TrainingException {
        if (!Files.isRegularFile(file)) {
            throw new TrainingException("no weights at " + file);
        }
        try {
            return RwkvWeights.load(config, manager, file);
        } catch (IOException | RuntimeException e) {
            throw new TrainingException("cannot load " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, NDArray> readArrays(NDManager manager, Path file) throws TrainingException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (NDArray array : NDList.decode(manager, in)) {
                arrays.put(array.getName(), array);
            }
            return arrays;
        } catch (IOException | RuntimeException e) {
            throw new TrainingException("cannot read the optimizer state " + file + ": " + e.getMessage(), e);
        }
    }

    static String shortHash(String hash) {
        return hash.length() > 19 ? hash.substring(0, 19) : hash;
    }

    /** Where the tokens come from: a dataset folder, or a binidx prefix in text mode. */
    private static final class TrainingSource implements AutoCloseable {
        final Dataset dataset;
        final BinIdxReader tokens;
        final TrainingOptions options;

        private TrainingSource(Dataset dataset, BinIdxReader tokens, TrainingOptions options) {
            this.dataset = dataset;
            this.tokens = tokens;
            this.options = options;
        }

        static TrainingSource open(TrainingOptions options) throws TrainingException, IOException {
            if (options.dataset() != null) {
                try {
                    Dataset dataset = Dataset.open(options.dataset());
                    return new TrainingSource(dataset, dataset.tokens(), options);
                } catch (DatasetException e) {
                    throw new TrainingException(e.getMessage());
                }
            }
            return new TrainingSource(null, BinIdxReader.open(options.binidx()), options);
        }

        int vocabSize() {
            return dataset != null ? dataset.codec().vocabSize() : options.textVocabSize();
        }

        String tokenizerHash() {
            return dataset != null ? TokenizerFile.hash(dataset.codec()) : TEXT_MODE + ":" + options.textVocabSize();
        }

        TrainingData data(int ctxLen) throws IOException {
            return dataset != null ? TrainingData.byDocument(tokens, ctxLen, options.valFraction(), options.seed(),
                    dataset.codec().tokenizer()::isHeader) : TrainingData.byStream(tokens, ctxLen, options.valFraction());
        }

        void copyTokenizerTo(RunFolder run) throws IOException {
            if (dataset != null) {
                TokenizerFile.save(dataset.codec(), run.tokenizer());
            }
        }

        @Override
        public void close() throws IOException {
            if (dataset != null) {
                dataset.close();
            } else {
                tokens.close();
            }
        }
    }

    /** One sitting of a run: from a starting step to the end or to a stop. */
    private static final class Session {
        final RunFolder run;
        final TrainingOptions options;
        final TrainingData data;
        final RwkvWeights weights;
        final RwkvModel model;
        final AdamOptimizer optimizer;
        final NDManager manager;
        final LearningRateSchedule schedule;
        final TrainingListener listener;
        final CancellationToken cancel;
        final PauseGate pause;
        final long totalSteps;
        final double[] unigram;
        long step;
        final double elapsedBefore;
        double lastLoss = Double.NaN;
        double validationLoss = Double.NaN;
        double unigramLoss = Double.NaN;
        long lastCheckpointStep;

        Session(RunFolder run, TrainingOptions options, TrainingSource source, RwkvWeights weights,
                AdamOptimizer optimizer, NDManager manager, long startStep, double elapsedBefore,
                TrainingListener listener, CancellationToken cancel, PauseGate pause) throws IOException {
            this.run = run;
            this.options = options;
            this.data = source.data(options.ctxLen());
            this.weights = weights;
            this.model = new RwkvModel(weights);
            this.optimizer = optimizer;
            this.manager = manager;
            this.schedule = new LearningRateSchedule(options);
            this.listener = listener;
            this.cancel = cancel;
            this.pause = pause;
            this.totalSteps = options.totalSteps();
            this.step = startStep;
            this.lastCheckpointStep = startStep;
            this.elapsedBefore = elapsedBefore;
            this.unigram = data.unigramLogProbabilities(weights.config().vocabSize());
            weights.requireGradients();
        }

        TrainingSummary run() throws IOException, TrainingException {
            listener.started(new TrainingPlan(weights.config().parameterCount(), step, totalSteps,
                    manager.getDevice().toString(), data.trainRegions(), data.validationRegions()));
            long sessionStart = System.nanoTime();
            long startStep = step;
            double epochLossSum = 0;
            int epochSteps = 0;
            try (BufferedWriter metrics = run.openMetrics(step)) {
                while (step < totalSteps) {
                    sessionStart += awaitResumed(); // a pause is no training time
                    if (cancel.isCancelled()) {
                        break;
                    }
                    long stepStart = System.nanoTime();
                    double rate = schedule.at(step);
                    lastLoss = trainStep(rate);
                    step++;
                    epochLossSum += lastLoss;
                    epochSteps++;
                    double seconds = (System.nanoTime() - stepStart) / 1e9;
                    double sessionSeconds = (System.nanoTime() - sessionStart) / 1e9;
                    double eta = sessionSeconds / (step - startStep) * (totalSteps - step);
                    int epoch = epochOf(step - 1);
                    boolean epochEnds = step % options.stepsPerEpoch() == 0;
                    String validation = "";
                    if (epochEnds) {
                        evaluate();
                        validation = Double.isNaN(validationLoss) ? "" : format(validationLoss);
                    }
                    StepMetrics m = new StepMetrics(step, totalSteps, epoch, lastLoss, rate,
                            options.batch() * options.ctxLen() / seconds, elapsedBefore + sessionSeconds, eta);
                    metrics.write(String.join(",", Long.toString(step), Integer.toString(epoch), format(lastLoss),
                            validation, String.format(Locale.ROOT, "%.6g", rate),
                            String.format(Locale.ROOT, "%.1f", m.tokensPerSecond()),
                            String.format(Locale.ROOT, "%.2f", m.elapsedSeconds())));
                    metrics.newLine();
                    listener.stepped(m);
                    if (epochEnds) {
                        listener.epochEnded(new EpochMetrics(epoch, step, epochLossSum / epochSteps, validationLoss,
                                unigramLoss));
                        epochLossSum = 0;
                        epochSteps = 0;
                        metrics.flush();
                        checkpoint(elapsedBefore + sessionSeconds);
                    }
                }
                metrics.flush();
                double elapsed = elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
                if (step > lastCheckpointStep) {
                    checkpoint(elapsed); // a stop between epochs keeps its steps
                }
                TrainingSummary summary = new TrainingSummary(run.path(), step, step < totalSteps, lastLoss,
                        validationLoss, unigramLoss, elapsed);
                listener.finished(summary);
                return summary;
            } catch (IOException | RuntimeException e) {
                listener.failed(e);
                throw e;
            }
        }

        long awaitResumed() throws IOException {
            try {
                return pause.awaitResumed(cancel);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while paused");
            }
        }

        int epochOf(long zeroBasedStep) {
            return options.firstEpoch() + (int) (zeroBasedStep / options.stepsPerEpoch());
        }

        /** Forward, backward and an Adam step on the batch of this step; returns the loss. */
        double trainStep(double rate) throws IOException {
            TrainingData.Batch batch = data.trainBatch(options.batch(), options.seed(), step);
            if (options.dropout() > 0) {
                Engine.getInstance().setRandomSeed((int) (options.seed() * 1_000_003L + step));
            }
            double loss;
            try (NDManager scratch = manager.newSubManager()) {
                Shape shape = new Shape(batch.size(), batch.ctx());
                NDArray inputs = scratch.create(batch.inputs(), shape);
                NDArray targets = scratch.create(batch.targets(), shape);
                NDArray mask = scratch.create(batch.mask(), shape);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray logits = model.forward(inputs, true);
                    NDArray crossEntropy = LossFunction.crossEntropy(logits, targets, mask);
                    collector.backward(crossEntropy.add(LossFunction.l2Wrap(logits)));
                    loss = crossEntropy.getFloat();
                }
            }
            // after the pass's manager has closed and given the weights back: lending them twice at once would let
            // the inner manager return them to the outer one, which would then free them
            optimizer.step(weights.all(), rate);
            if (!Double.isFinite(loss)) {
                throw new IOException("the loss became " + loss + " at step " + step + "; lower the learning rate (-i)");
            }
            return loss;
        }

        /** Validation loss and the unigram baseline on the same held-out tokens. */
        void evaluate() throws IOException {
            List<TrainingData.Batch> batches = data.validationBatches(options.batch());
            if (batches.isEmpty()) {
                return;
            }
            double sum = 0;
            double unigramSum = 0;
            long count = 0;
            for (TrainingData.Batch batch : batches) {
                try (NDManager scratch = manager.newSubManager()) {
                    Shape shape = new Shape(batch.size(), batch.ctx());
                    NDArray logits = model.forward(scratch.create(batch.inputs(), shape), false);
                    NDArray mask = scratch.create(batch.mask(), shape);
                    NDArray ce = LossFunction.crossEntropy(logits, scratch.create(batch.targets(), shape), mask);
                    int tokens = batch.tokenCount();
                    sum += ce.getFloat() * tokens;
                    count += tokens;
                }
                for (int i = 0; i < batch.targets().length; i++) {
                    if (batch.mask()[i] > 0) {
                        unigramSum -= unigram[(int) batch.targets()[i]];
                    }
                }
            }
            validationLoss = sum / count;
            unigramLoss = unigramSum / count;
        }

        void checkpoint(double elapsedSeconds) throws IOException {
            RunFolder.TrainingState state = new RunFolder.TrainingState(step, epochOf(Math.max(0, step - 1)),
                    optimizer.steps(), elapsedSeconds, lastLoss, finiteOrNull(validationLoss),
                    finiteOrNull(unigramLoss));
            Path folder = run.writeCheckpoint(state, RwkvWeights.encode(weights.all()),
                    RwkvWeights.encode(optimizer.state()));
            lastCheckpointStep = step;
            listener.checkpointed(folder, step);
        }

        private static Double finiteOrNull(double value) {
            return Double.isFinite(value) ? value : null;
        }

        private static String format(double value) {
            return String.format(Locale.ROOT, "%.6f", value);
        }
    }
}
