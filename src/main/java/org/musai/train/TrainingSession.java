package org.musai.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.musai.model.ParameterNames;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;
import org.musai.progress.CancellationToken;
import org.musai.progress.PauseGate;

/**
 * One sitting of a run: from a starting step to the end or to a stop. A checkpoint comes every
 * {@link TrainingOptions#checkpointEvery()} steps (counted from the run's start, so a resumed run checkpoints at the
 * same steps), at every epoch's end, and when stopped, so a crash loses at most one interval of steps.
 */
final class TrainingSession {

    private final RunFolder run;
    private final TrainingOptions options;
    private final TrainingData data;
    private final RwkvWeights weights;
    private final TrainedTensors trained;
    private final RwkvModel model;
    private final AdamOptimizer optimizer;
    private final NDManager manager;
    private final LearningRateSchedule schedule;
    private final TrainingListener listener;
    private final CancellationToken cancel;
    private final PauseGate pause;
    private final long totalSteps;
    private final double[] unigram;
    private final double elapsedBefore;
    private long step;
    private double lastLoss = Double.NaN;
    private double validationLoss = Double.NaN;
    private double unigramLoss = Double.NaN;
    private long lastCheckpointStep;
    private Path lastCheckpoint;

    /**
     * @param startStep      steps done before this sitting
     * @param lastCheckpoint the checkpoint it starts from, or null
     */
    TrainingSession(RunFolder run, TrainingOptions options, TrainingSource source, TrainedTensors trained,
                    AdamOptimizer optimizer, NDManager manager, long startStep, Path lastCheckpoint,
                    double elapsedBefore, TrainingListener listener, CancellationToken cancel, PauseGate pause)
            throws IOException {
        this.run = run;
        this.options = options;
        this.data = source.data(options.ctxLen());
        this.trained = trained;
        this.weights = trained.weights();
        this.model = trained.model();
        this.optimizer = optimizer;
        this.manager = manager;
        this.schedule = new LearningRateSchedule(options);
        this.listener = listener;
        this.cancel = cancel;
        this.pause = pause;
        this.totalSteps = options.totalSteps();
        this.step = startStep;
        this.lastCheckpointStep = startStep;
        this.lastCheckpoint = lastCheckpoint;
        this.elapsedBefore = elapsedBefore;
        this.unigram = data.unigramLogProbabilities(weights.config().vocabSize());
        trained.requireGradients();
    }

    TrainingSummary run() throws IOException, TrainingException {
        listener.started(new TrainingPlan(trained.count(), step, totalSteps,
                manager.getDevice().toString(), data.trainRegions(), data.validationRegions()));
        long sessionStart = System.nanoTime();
        long startStep = step;
        double epochLossSum = 0;
        int epochSteps = 0;
        try (MetricsLog metrics = run.openMetrics(step)) {
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
                metrics.append(String.join(",", Long.toString(step), Integer.toString(epoch), format(lastLoss),
                        validation, String.format(Locale.ROOT, "%.6g", rate),
                        String.format(Locale.ROOT, "%.1f", m.tokensPerSecond()),
                        String.format(Locale.ROOT, "%.2f", m.elapsedSeconds())));
                listener.stepped(m);
                if (epochEnds) {
                    listener.epochEnded(new EpochMetrics(epoch, step, epochLossSum / epochSteps, validationLoss,
                            unigramLoss));
                    epochLossSum = 0;
                    epochSteps = 0;
                }
                if (epochEnds || step % options.checkpointEvery() == 0) {
                    checkpoint(metrics, elapsedBefore + sessionSeconds);
                }
            }
            double elapsed = elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
            if (step > lastCheckpointStep) {
                checkpoint(metrics, elapsed); // a stop between checkpoints keeps its steps
            }
            TrainingSummary summary = new TrainingSummary(run.path(), step, step < totalSteps, lastLoss,
                    validationLoss, unigramLoss, elapsed, lastCheckpoint);
            listener.finished(summary);
            return summary;
        } catch (IOException | RuntimeException e) {
            listener.failed(e);
            throw e;
        }
    }

    private long awaitResumed() throws IOException {
        try {
            return pause.awaitResumed(cancel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while paused");
        }
    }

    private int epochOf(long zeroBasedStep) {
        return options.firstEpoch() + (int) (zeroBasedStep / options.stepsPerEpoch());
    }

    /** Forward, backward and an Adam step on the batch of this step; returns the loss. */
    private double trainStep(double rate) throws IOException {
        TrainingData.Batch batch = data.trainBatch(options.batch(), options.seed(), step);
        if (options.dropout() > 0 || options.vae() != null) { // dropout masks, the VAE's latent noise
            Engine.getInstance().setRandomSeed((int) (options.seed() * 1_000_003L + step));
        }
        double loss;
        try (NDManager scratch = manager.newSubManager()) {
            Shape shape = new Shape(batch.size(), batch.ctx());
            NDArray inputs = scratch.create(batch.inputs(), shape);
            NDArray targets = scratch.create(batch.targets(), shape);
            NDArray mask = scratch.create(batch.mask(), shape);
            loss = options.gradientCheckpointing()
                    ? StepGradients.checkpointed(model, inputs, targets, mask, this::seedDropoutOfLayer,
                    trained.trained().containsKey(ParameterNames.LN0_WEIGHT))
                    : StepGradients.whole(model, inputs, targets, mask, trained.jointVae());
        }
        // after the pass's manager has closed and given the weights back: lending them twice at once would let
        // the inner manager return them to the outer one, which would then free them
        optimizer.step(trained.trained(), rate);
        if (!Double.isFinite(loss)) {
            throw new IOException("the loss became " + loss + " at step " + step + "; lower the learning rate (-i)");
        }
        return loss;
    }

    /** A recomputed block draws the dropout mask it drew in the forward pass. */
    private void seedDropoutOfLayer(int layer) {
        if (options.dropout() > 0) {
            Engine.getInstance().setRandomSeed((int) ((options.seed() * 1_000_003L + step) * 1_009 + layer));
        }
    }

    /** Validation loss and the unigram baseline on the same held-out tokens. */
    private void evaluate() throws IOException {
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

    /**
     * Forces the metrics rows to disk, then writes the checkpoint of this step. A failure (a full disk) says which
     * checkpoint is still intact.
     */
    private void checkpoint(MetricsLog metrics, double elapsedSeconds) throws IOException {
        RunFolder.TrainingState state = new RunFolder.TrainingState(step, epochOf(Math.max(0, step - 1)),
                optimizer.steps(), elapsedSeconds, lastLoss, finiteOrNull(validationLoss),
                finiteOrNull(unigramLoss));
        Path folder;
        try {
            metrics.sync();
            folder = run.writeCheckpoint(state, trained.files(), RwkvWeights.encode(optimizer.state()));
        } catch (IOException e) {
            String intact = lastCheckpoint == null ? "there is no earlier checkpoint, so --resume starts again from "
                    + "step " + lastCheckpointStep
                    : "the checkpoint of step " + lastCheckpointStep + " (" + lastCheckpoint + ") is intact and "
                    + "--resume continues from it";
            throw new IOException("cannot write the checkpoint of step " + step + " in " + run.path() + ": "
                    + e.getMessage() + "; " + intact + " once the problem is solved", e);
        }
        lastCheckpointStep = step;
        lastCheckpoint = folder;
        listener.checkpointed(folder, step);
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
