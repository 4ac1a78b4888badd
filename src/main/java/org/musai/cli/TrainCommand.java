package org.musai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.musai.model.AdapterConfig;
import org.musai.model.LoraSettings;
import org.musai.model.VaeConfig;
import org.musai.progress.PauseGate;
import org.musai.progress.Rate;
import org.musai.train.EpochMetrics;
import org.musai.train.RunFolder;
import org.musai.train.StepMetrics;
import org.musai.train.Trainer;
import org.musai.train.TrainingException;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;
import org.musai.train.TrainingPlan;
import org.musai.train.TrainingSummary;
import org.musai.train.VaeMode;
import org.musai.train.VaeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai train}: an RWKV model from a dataset, with the seed trainer's flags. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train an RWKV-4 model on a dataset from 'musai tokenize' (or a binidx file in text mode).",
                "Example: musai train -t data/pop -o runs/pop -e 256 -n 4 -c 256 -b 8 -p 10 -s 200 -i 5e-4 -q",
                "Continue an interrupted run: musai train --resume runs/pop (a finished one: add -p MORE_EPOCHS)",
                "Fine-tune the shipped model on your music (tokenize it with --tokenizer-of assets/models/default):",
                "  musai train -m assets/models/default -l -t data/mine -o runs/mine -b 2 -p 3 -s 20 -i 3e-4 -d 1",
                "Ctrl-C stops after the current step and writes a checkpoint first."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-t", "--dataset_path"}, paramLabel = "DIR", description = "Dataset folder from musai tokenize.")
    Path dataset;

    @Option(names = {"-x", "--binidx"}, paramLabel = "PREFIX",
            description = "Text mode: a binidx prefix (json2binidx); needs --vocab-size.")
    Path binidx;

    @Option(names = "--vocab-size", paramLabel = "N", defaultValue = "0", description = "Vocabulary size in text mode.")
    int vocabSize;

    @Option(names = {"-o", "--output_path"}, paramLabel = "DIR", description = "Run folder to create.")
    Path output;

    @Option(names = {"-m", "--base_model"}, paramLabel = "DIR", description = "A run or model folder to fine-tune.")
    Path baseModel;

    @Option(names = {"-c", "--ctx_len"}, defaultValue = "256",
            description = "Context length (default ${DEFAULT-VALUE}; with -m, the base model's).")
    int ctxLen;

    @Option(names = {"-b", "--batches_num"}, defaultValue = "8", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = {"-e", "--embed_num"}, defaultValue = "256", description = "Embedding size (default ${DEFAULT-VALUE}).")
    int embed;

    @Option(names = {"-n", "--layers_num"}, defaultValue = "4", description = "Layers (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = {"-p", "--epochs_num"}, defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = {"-s", "--steps_num"}, defaultValue = "100", description = "Steps per epoch (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = {"-i", "--lr_rate"}, defaultValue = "5e-4",
            description = "Initial learning rate; decays to 1/100 of it (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = {"-d", "--lr_decay"}, defaultValue = "0", description = "Epoch at which the decay starts (default 0).")
    double decayStart;

    @Option(names = {"-f", "--epochs_first"}, defaultValue = "0", description = "First epoch number (default 0).")
    int firstEpoch;

    @Option(names = {"-a", "--attention"}, description = "Tiny attention on the last layer.")
    boolean tinyAttention;

    @Option(names = {"-q", "--head_qk"}, description = "Head-QK copy mechanism.")
    boolean headQk;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout after each residual (default 0).")
    float dropout;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of weights, batches and dropout (default 42).")
    long seed;

    @Option(names = "--val-fraction", defaultValue = "0.05",
            description = "Documents held out for validation (default ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--checkpoint-every", paramLabel = "N",
            description = {"Write a checkpoint every N steps, and at each epoch's end (default "
                    + TrainingOptions.DEFAULT_CHECKPOINT_EVERY + "). A crash loses at most N steps.",
                    "With --resume: the run's new interval."})
    Integer checkpointEvery;

    @Mixin
    TorchThreadsOption threads;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue a run from its last checkpoint, with its own settings.")
    Path resume;

    /** What --resume may be given with: the run's own settings cannot change. */
    @Option(names = "--init", paramLabel = "SCHEME", defaultValue = TrainingOptions.V4NEO_INIT,
            description = {"How fresh weights start: v4neo (RWKV-LM's: blocks start as the identity, orthogonal "
                    + "matrices; the default) or seed (the seed's PyTorch defaults)."})
    String init;

    @Option(names = "--infill-share", paramLabel = "SHARE",
            description = {"With an MMM dataset: the share of training rows that are bar-infill examples cut from a "
                    + "piece (a stretch of bars with one track, or some bars, left to fill) instead of windows of it "
                    + "(default " + TrainingOptions.DEFAULT_MMM_INFILL_SHARE + ": none; 0.5 made the default model's "
                    + "fills keep the rhythm and key better but write whole parts half as busy, "
                    + "docs/decisions/0014)."})
    Double infillShare;

    private static final Set<String> ALLOWED_WITH_RESUME = Set.of("--resume", "--checkpoint-every", "--threads",
            "--epochs_num");

    @Option(names = {"-v", "--vae_emb"}, arity = "1..2", paramLabel = "MODE",
            description = {"Embedding VAE, as the seed: 'train' trains the VAE alone into -o (embvae_N.safetensors), "
                    + "'train PATH' continues a saved one, PATH trains the model on that VAE's embeddings, frozen.",
                    "'true' trains a fresh VAE together with the model (--vae-latent, --vae-layers)."})
    List<String> vae;

    @Option(names = "--vae-latent", paramLabel = "N", defaultValue = "" + VaeConfig.DEFAULT_LATENT,
            description = "With -v train or -v true: the VAE's latent size (default ${DEFAULT-VALUE}, the seed's).")
    int vaeLatent;

    @Option(names = "--vae-layers", paramLabel = "N", defaultValue = "" + VaeConfig.DEFAULT_HIDDEN_LAYERS,
            description = "With -v train or -v true: hidden layers on each side, doubling from the latent (default "
                    + "${DEFAULT-VALUE}, the seed's).")
    int vaeLayers;

    @Option(names = {"-l", "--lora"}, description = {"Fine-tune the base model (-m) through LoRA adapters: its "
            + "weights stay frozen; the run saves only the adapter (adapter.safetensors, a few % of the model)."})
    boolean lora;

    @Option(names = {"-r", "--lora_ckpt"}, paramLabel = "DIR",
            description = "With -l: start from this adapter (a LoRA run folder) instead of a fresh one.")
    Path loraCheckpoint;

    @Option(names = "--lora-rank", paramLabel = "R",
            description = "With -l: the adapters' rank (default " + LoraSettings.DEFAULT_RANK + "; with -r, its own).")
    Integer loraRank;

    @Option(names = "--lora-alpha", paramLabel = "A",
            description = "With -l: the adapters' alpha; the delta is scaled by alpha/rank (default 32; with -r, its own).")
    Double loraAlpha;

    @Option(names = {"-g", "--grad_cp"}, description = {"Gradient checkpointing: keep only what enters each block "
            + "and recompute the block in the backward pass.", "Less memory for about a third more time; the same "
            + "gradients."})
    boolean gradientCheckpointing;

    @Override
    public Integer call() throws Exception {
        checkSeedFlags();
        threads.apply();
        // the summary is printed by the listener, inside the run: after Ctrl-C the JVM exits as soon as it returns
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            ProgressPrinter printer = new ProgressPrinter(spec.commandLine().getOut(), spec.commandLine().getErr());
            if (resume != null) {
                refuseSettingsWithResume();
                OptionalInt interval = checkpointEvery == null ? OptionalInt.empty() : OptionalInt.of(checkpointEvery);
                OptionalInt length = spec.commandLine().getParseResult().hasMatchedOption("-p")
                        ? OptionalInt.of(epochs) : OptionalInt.empty();
                new Trainer().resume(resume, interval, length, printer, interrupt.token(), new PauseGate());
            } else if (vae != null && vae.get(0).equals("train")) {
                Path start = vae.size() > 1 ? Path.of(vae.get(1)) : null;
                if (start != null && !java.nio.file.Files.isRegularFile(start)) {
                    throw new IllegalArgumentException("-v train " + start + ": no VAE file there");
                }
                new VaeTrainer().train(options(), vaeLatent, vaeLayers, start, printer, interrupt.token());
            } else {
                TrainingOptions options = options();
                VaeMode mode = vae == null ? null : vae.get(0).equals("true") ? VaeMode.joint(vaeLatent, vaeLayers)
                        : VaeMode.frozen(Path.of(vae.get(0)));
                new Trainer().train(options.withVae(mode), printer, interrupt.token());
            }
        }
        return ExitCodes.OK;
    }

    private TrainingOptions options() throws IOException {
        if (output == null) {
            throw new IllegalArgumentException("give the run folder with -o (or --resume RUN_DIR)");
        }
        TrainingOptions options = new TrainingOptions(dataset, binidx, vocabSize, output, baseModel, contextLength(), batch,
                embed, layers, epochs, steps, learningRate, decayStart, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction,
                checkpointEvery == null ? TrainingOptions.DEFAULT_CHECKPOINT_EVERY : checkpointEvery, init);
        options = options.withGradientCheckpointing(gradientCheckpointing).withInfillShare(infillShare);
        return lora ? options.withLora(loraSettings(), loraCheckpoint) : options;
    }

    /**
     * The context of the windows: as given, else for a fine-tune the base model's own (adapters trained on shorter
     * windows than the base's made it worse on whole pieces), else the default.
     */
    private int contextLength() {
        boolean given = spec.commandLine().getParseResult().hasMatchedOption("-c");
        if (given || baseModel == null) {
            return ctxLen;
        }
        try {
            return new RunFolder(baseModel).readConfig().model().ctxLen();
        } catch (TrainingException e) {
            return ctxLen; // the trainer says what is wrong with the base
        }
    }

    /** The adapters' rank and alpha: as given, else those of the adapter of -r, else the defaults. */
    private LoraSettings loraSettings() throws IOException {
        LoraSettings start = loraCheckpoint == null ? null : AdapterConfig.read(loraCheckpoint).settings();
        int rank = loraRank != null ? loraRank : start != null ? start.rank() : LoraSettings.DEFAULT_RANK;
        double alpha = loraAlpha != null ? loraAlpha : start != null ? start.alpha() : LoraSettings.DEFAULT_ALPHA;
        return new LoraSettings(rank, alpha);
    }

    /** A resumed run keeps the settings it was started with; a flag that would change them must not pass unnoticed. */
    private void refuseSettingsWithResume() {
        List<String> given = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName).filter(name -> !ALLOWED_WITH_RESUME.contains(name)).toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("--resume continues the run with the settings it was started with; "
                    + "leave out " + String.join(", ", given) + " (only --checkpoint-every, --threads and -p, to train "
                    + "a finished run on, may change)");
        }
    }

    /** The seed's -v, -l and -r in combinations that cannot work are refused, never ignored. */
    private void checkSeedFlags() {
        if (vae != null) {
            String mode = vae.get(0);
            if (vae.size() > 1 && !mode.equals("train")) {
                throw new IllegalArgumentException("-v takes a second value only after 'train' (-v train PATH)");
            }
            if (!mode.equals("train") && !mode.equals("true") && !java.nio.file.Files.isRegularFile(Path.of(mode))) {
                throw new IllegalArgumentException("-v " + mode + ": no VAE file there (give train, train PATH or "
                        + "the path of an embvae_N.safetensors)");
            }
        }
        if (!lora && (loraCheckpoint != null || loraRank != null || loraAlpha != null)) {
            throw new IllegalArgumentException("-r, --lora-rank and --lora-alpha belong to a LoRA fine-tune: give -l "
                    + "(and the base model with -m)");
        }
    }

    /** Prints a live step line on the terminal and a permanent line per epoch. */
    private static final class ProgressPrinter implements TrainingListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean live = System.console() != null;
        private long lastDraw;

        ProgressPrinter(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void started(TrainingPlan plan) {
            out.printf(Locale.ROOT, "Training %,d parameters on %s: steps %d-%d, %d documents (%d held out)%n",
                    plan.parameters(), plan.device(), plan.startStep() + 1, plan.totalSteps(), plan.trainDocuments(),
                    plan.validationDocuments());
            out.flush();
        }

        @Override
        public void stepped(StepMetrics m) {
            long now = System.nanoTime();
            if (!live || (now - lastDraw < 100_000_000L && m.step() < m.totalSteps())) {
                return;
            }
            lastDraw = now;
            err.printf(Locale.ROOT, "\repoch %d  step %d/%d  loss %.4f  lr %.2e  %,.0f tok/s  ETA %s\u001b[K",
                    m.epoch(), m.step(), m.totalSteps(), m.loss(), m.learningRate(), m.tokensPerSecond(),
                    new Rate(0, m.etaSeconds()).etaText());
            err.flush();
        }

        @Override
        public void epochEnded(EpochMetrics m) {
            clearLiveLine();
            out.printf(Locale.ROOT, "epoch %d (step %d): train loss %.4f%s%n", m.epoch(), m.step(), m.trainLoss(),
                    Double.isNaN(m.validationLoss()) ? " (no documents held out)"
                            : Double.isNaN(m.unigramLoss()) ? String.format(Locale.ROOT, ", validation %.4f",
                            m.validationLoss())
                            : String.format(Locale.ROOT, ", validation %.4f, unigram baseline %.4f",
                            m.validationLoss(), m.unigramLoss()));
            out.flush();
        }

        @Override
        public void finished(TrainingSummary summary) {
            clearLiveLine();
            out.printf(Locale.ROOT, "%s after %d steps in %s: loss %.4f%s%n",
                    summary.stopped() ? "Stopped" : "Finished", summary.steps(),
                    new Rate(0, summary.elapsedSeconds()).etaText(), summary.lastLoss(),
                    Double.isNaN(summary.validationLoss()) ? "" : String.format(Locale.ROOT,
                            ", validation %.4f (unigram baseline %.4f)", summary.validationLoss(),
                            summary.unigramLoss()));
            if (summary.stopped()) {
                out.println(summary.checkpoint() == null ? "No checkpoint: stopped before the first step"
                        : "Checkpoint of step " + summary.steps() + " written to "
                        + summary.checkpoint().toAbsolutePath());
            }
            out.println("Run folder: " + summary.runFolder().toAbsolutePath()
                    + (summary.stopped() ? " (continue with --resume " + summary.runFolder() + ")" : ""));
            out.flush();
        }

        private void clearLiveLine() {
            if (live) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }
}
