package org.musai.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.musai.io.OutputPaths;
import org.musai.model.EmbeddingVae;
import org.musai.model.VaeConfig;
import org.musai.progress.CancellationToken;

/**
 * {@code train -v train}: the embedding VAE alone, as the seed trains it before a model uses it frozen. Token windows
 * come from the dataset as the main trainer draws them; Adam, clipping and the learning-rate schedule are the main
 * trainer's. After every epoch {@code embvae_N.safetensors} (N the epoch, counted from {@code -f}) and
 * {@code embvae.json} are written into the output folder. Continuing from a saved VAE starts its optimizer afresh,
 * as the seed does.
 */
public final class VaeTrainer {

    /** The file of the VAE after {@code epoch}. */
    public static String fileName(int epoch) {
        return String.format(Locale.ROOT, "embvae_%d.safetensors", epoch);
    }

    /**
     * @param latent       the latent size of a fresh VAE (its vocabulary and embedding come from the dataset and -e)
     * @param hiddenLayers its hidden layers on each side
     * @param start        a VAE file to continue (its own shape then), or null for a fresh one
     */
    public TrainingSummary train(TrainingOptions options, int latent, int hiddenLayers, Path start,
                                 TrainingListener listener, CancellationToken cancel)
            throws TrainingException, IOException {
        GradMode.offOnThisThread();
        try {
            OutputPaths.checkFolder(options.output());
        } catch (OutputPaths.OutputPathException e) {
            throw new TrainingException(e.getMessage());
        }
        try (TrainingSource source = TrainingSource.open(options);
             NDManager manager = NDManager.newBaseManager(DeviceChoice.resolve(options.device()))) {
            VaeConfig config = new VaeConfig(source.vocabSize(), options.embed(), latent, hiddenLayers);
            source.requireIdsBelow(config.vocabSize());
            TrainingData data = source.data(options.ctxLen());
            Files.createDirectories(options.output());
            try (EmbeddingVae vae = start == null ? EmbeddingVae.initialize(config, manager, options.seed())
                    : loadMatching(start, config.vocabSize(), config.embed(), manager);
                 AdamOptimizer optimizer = new AdamOptimizer(manager)) {
                vae.requireGradients();
                long parameters = vae.parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
                listener.started(new TrainingPlan(parameters, 0, options.totalSteps(), manager.getDevice().toString(),
                        data.trainRegions(), data.validationRegions()));
                LearningRateSchedule schedule = new LearningRateSchedule(options);
                long began = System.nanoTime();
                long step = 0;
                double loss = Double.NaN;
                double epochSum = 0;
                Path saved = null;
                while (step < options.totalSteps() && !cancel.isCancelled()) {
                    long stepStart = System.nanoTime();
                    double rate = schedule.at(step);
                    loss = step(vae, data.trainBatch(options.batch(), options.seed(), step), manager, options, step);
                    optimizer.step(vae.parameters(), rate);
                    if (!Double.isFinite(loss)) {
                        throw new IOException("the VAE's loss became " + loss + " at step " + step
                                + "; lower the learning rate (-i)");
                    }
                    step++;
                    epochSum += loss;
                    double elapsed = (System.nanoTime() - began) / 1e9;
                    listener.stepped(new StepMetrics(step, options.totalSteps(), epochOf(options, step - 1), loss,
                            rate, options.batch() * options.ctxLen() / ((System.nanoTime() - stepStart) / 1e9),
                            elapsed, elapsed / step * (options.totalSteps() - step)));
                    if (step % options.stepsPerEpoch() == 0) {
                        int epoch = epochOf(options, step - 1);
                        saved = options.output().resolve(fileName(epoch));
                        vae.save(saved);
                        listener.epochEnded(new EpochMetrics(epoch, step, epochSum / options.stepsPerEpoch(),
                                validationLoss(vae, data, manager, options), Double.NaN));
                        listener.checkpointed(saved, step);
                        epochSum = 0;
                    }
                }
                if (step % options.stepsPerEpoch() != 0 && step > 0) {
                    saved = options.output().resolve(fileName(epochOf(options, step - 1)));
                    vae.save(saved); // a stop mid-epoch keeps its steps
                    listener.checkpointed(saved, step);
                }
                TrainingSummary summary = new TrainingSummary(options.output(), step, step < options.totalSteps(),
                        loss, Double.NaN, Double.NaN, (System.nanoTime() - began) / 1e9, saved);
                listener.finished(summary);
                return summary;
            }
        }
    }

    /** The loss on the held-out documents' windows, the latent drawn as in training (the seed's loss is one). */
    private static double validationLoss(EmbeddingVae vae, TrainingData data, NDManager manager,
                                         TrainingOptions options) throws IOException {
        double sum = 0;
        int count = 0;
        Engine.getInstance().setRandomSeed((int) options.seed());
        for (TrainingData.Batch batch : data.validationBatches(options.batch())) {
            try (NDManager scratch = manager.newSubManager()) {
                vae.parameters().values().forEach(p -> p.tempAttach(scratch));
                EmbeddingVae.Pass pass = vae.forward(scratch.create(batch.inputs(),
                        new Shape(batch.size(), batch.ctx())), true);
                sum += pass.loss(pass.decoded()).getFloat();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static int epochOf(TrainingOptions options, long zeroBasedStep) {
        return options.firstEpoch() + (int) (zeroBasedStep / options.stepsPerEpoch());
    }

    private static double step(EmbeddingVae vae, TrainingData.Batch batch, NDManager manager,
                               TrainingOptions options, long step) {
        Engine.getInstance().setRandomSeed((int) (options.seed() * 1_000_003L + step)); // the latent's noise
        try (NDManager scratch = manager.newSubManager()) {
            vae.parameters().values().forEach(p -> p.tempAttach(scratch));
            NDArray ids = scratch.create(batch.inputs(), new Shape(batch.size(), batch.ctx()));
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                EmbeddingVae.Pass pass = vae.forward(ids, true);
                NDArray loss = pass.loss(pass.decoded());
                collector.backward(loss);
                return loss.getFloat();
            }
        }
    }

    /** Refuses a VAE of another embedding size or vocabulary than the model's and the dataset's. */
    static void requireFits(Path file, VaeConfig found, int vocabSize, int embed) throws TrainingException {
        if (found.embed() != embed) {
            throw new TrainingException("the VAE " + file + " embeds into " + found.embed() + " values, the model "
                    + "into " + embed + " (-e)");
        }
        if (found.vocabSize() != vocabSize) {
            throw new TrainingException("the VAE " + file + " embeds " + found.vocabSize() + " ids, the dataset "
                    + "has " + vocabSize);
        }
    }

    /** A saved VAE to continue or use: its vocabulary and embedding size must be this dataset's and model's. */
    static EmbeddingVae loadMatching(Path file, int vocabSize, int embed, NDManager manager)
            throws TrainingException {
        try {
            requireFits(file, EmbeddingVae.readConfig(file), vocabSize, embed);
            return EmbeddingVae.load(file, manager);
        } catch (IOException e) {
            throw new TrainingException("cannot load the VAE " + e.getMessage(), e);
        }
    }
}
