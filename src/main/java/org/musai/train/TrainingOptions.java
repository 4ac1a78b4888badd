package org.musai.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.musai.model.LoraSettings;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvWeights;

/**
 * Everything a training run is asked to do, as the seed trainer's flags say it; saved in the run's config.json so
 * that {@code --resume} continues with the same settings.
 *
 * @param dataset         a dataset folder from {@code musai tokenize} ({@code -t}), or null in text mode
 * @param binidx          an external binidx prefix ({@code -x}), or null
 * @param textVocabSize   vocabulary size in text mode ({@code --vocab-size})
 * @param output          the run folder ({@code -o})
 * @param baseModel       a run folder to fine-tune ({@code -m}), or null
 * @param ctxLen          context length ({@code -c})
 * @param batch           sequences per step ({@code -b})
 * @param embed           embedding size ({@code -e})
 * @param layers          blocks ({@code -n})
 * @param epochs          epochs ({@code -p})
 * @param stepsPerEpoch   steps per epoch ({@code -s})
 * @param learningRate    initial learning rate ({@code -i}); it decays exponentially to a hundredth of it
 * @param decayStartEpoch the epoch at which the decay starts ({@code -d})
 * @param firstEpoch      the epoch number to start counting at ({@code -f})
 * @param tinyAttention   tiny attention on the last block ({@code -a})
 * @param headQk          the head-QK copy mechanism ({@code -q})
 * @param dropout         dropout after each residual
 * @param device          cpu, gpu or auto
 * @param seed            seed of weights, batches and dropout
 * @param valFraction     documents held out for validation
 * @param checkpointEvery steps between checkpoints ({@code --checkpoint-every}); one comes at every epoch's end too
 * @param init            how fresh weights start ({@code --init}): {@value #V4NEO_INIT}, RWKV-LM's v4neo scheme, or
 *                        {@value #SEED_INIT}, the seed's PyTorch defaults; a fine-tune or a resumed run loads its weights
 * @param lora            a LoRA fine-tune of the base model ({@code -l}): the adapter's rank and alpha; null trains
 *                        every weight
 * @param loraStart       an adapter folder to start the adapter from ({@code -r}), or null for a fresh one
 * @param gradientCheckpointing recompute each block in the backward pass instead of keeping its activations
 *                        ({@code -g}): less memory, more arithmetic, the same gradients
 * @param vae             where the embeddings come from an embedding VAE ({@code -v PATH} frozen, {@code -v true}
 *                        trained jointly); null for the model's own table
 * @param infillShare     with an MMM dataset, the share of training rows that are bar-infill examples cut from a
 *                        document ({@code --infill-share}) rather than windows of it; null for the tokenization's
 *                        default ({@value #DEFAULT_MMM_INFILL_SHARE} for MMM, none for REMI)
 */
public record TrainingOptions(Path dataset, Path binidx, int textVocabSize, Path output, Path baseModel, int ctxLen,
                              int batch, int embed, int layers, int epochs, int stepsPerEpoch, double learningRate,
                              double decayStartEpoch, int firstEpoch, boolean tinyAttention, boolean headQk,
                              float dropout, String device, long seed, double valFraction, int checkpointEvery,
                              String init, LoraSettings lora, Path loraStart, boolean gradientCheckpointing,
                              VaeMode vae, Double infillShare) {

    /** RWKV-LM's v4neo initialisation (identity blocks, orthogonal matrices): the default, as it trains faster. */
    public static final String V4NEO_INIT = "v4neo";
    /** The seed's PyTorch default initialisation. */
    public static final String SEED_INIT = "seed";

    /**
     * The default checkpoint interval: about two minutes of the default shape on a 2-core CPU (550 ms a step), while
     * its checkpoint (weights and Adam moments, 64 MB written and forced to disk) took 0.1-0.8 s there: under 1%.
     * Smaller models take shorter steps and write smaller checkpoints alike, so the share stays about the same.
     */
    public static final int DEFAULT_CHECKPOINT_EVERY = 200;

    /**
     * No infill examples unless asked for: continuing the default MMM model with half its rows infill examples made
     * its fills' rhythm and key closer to the composers' but its whole-part fills half as busy, and on more of the
     * infill benchmark's figures plain windows did better (docs/decisions/0014).
     */
    public static final double DEFAULT_MMM_INFILL_SHARE = 0;

    /** Checks the settings for nonsense; the message names the flag. */
    public TrainingOptions {
        require((dataset == null) != (binidx == null), "give either a dataset (-t) or a binidx prefix (-x)");
        require(binidx == null || textVocabSize >= 2, "text mode (-x) needs --vocab-size");
        require(output != null, "give the run folder (-o)");
        require(ctxLen >= 2 && ctxLen <= 1 << 16, "context length (-c) must be 2-65536, not " + ctxLen);
        require(batch >= 1 && batch <= 4096, "batch (-b) must be 1-4096, not " + batch);
        require(embed >= 2 && embed <= 16384, "embedding size (-e) must be 2-16384, not " + embed);
        require(layers >= 1 && layers <= 256, "layers (-n) must be 1-256, not " + layers);
        require(epochs >= 1, "epochs (-p) must be at least 1, not " + epochs);
        require(stepsPerEpoch >= 1, "steps per epoch (-s) must be at least 1, not " + stepsPerEpoch);
        require(learningRate > 0 && learningRate < 1, "learning rate (-i) must be in (0, 1), not " + learningRate);
        require(decayStartEpoch >= 0, "decay start (-d) must not be negative, not " + decayStartEpoch);
        require(firstEpoch >= 0, "first epoch (-f) must not be negative, not " + firstEpoch);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), not " + dropout);
        require(valFraction >= 0 && valFraction < 1, "--val-fraction must be in [0, 1), not " + valFraction);
        require(device == null || device.matches("cpu|gpu|auto"), "--device must be cpu, gpu or auto, not " + device);
        require(checkpointEvery >= 1, "--checkpoint-every must be at least 1 step, not " + checkpointEvery);
        require(init == null || init.equals(V4NEO_INIT) || init.equals(SEED_INIT),
                "--init must be " + V4NEO_INIT + " or " + SEED_INIT + ", not " + init);
        require(lora == null || baseModel != null, "LoRA (-l) adapts a base model: give it with -m (the shipped one is "
                + "assets/models/default)");
        require(loraStart == null || lora != null, "-r continues a LoRA adapter: give -l too");
        require(vae == null || baseModel == null, "-v trains a new model on a VAE's embeddings; it cannot fine-tune "
                + "a base model (-m), whose embeddings are its own");
        require(vae == null || !vae.joint() || !gradientCheckpointing, "-g with -v true is not available: the "
                + "recomputed embeddings would draw other latents");
        require(infillShare == null || infillShare >= 0 && infillShare <= 1,
                "--infill-share must be 0-1, not " + infillShare);
        device = device == null ? "cpu" : device;
        init = init == null ? V4NEO_INIT : init;
    }

    /** Options with the default initialisation. */
    public TrainingOptions(Path dataset, Path binidx, int textVocabSize, Path output, Path baseModel, int ctxLen,
                           int batch, int embed, int layers, int epochs, int stepsPerEpoch, double learningRate,
                           double decayStartEpoch, int firstEpoch, boolean tinyAttention, boolean headQk,
                           float dropout, String device, long seed, double valFraction, int checkpointEvery) {
        this(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers, epochs, stepsPerEpoch,
                learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout, device, seed, valFraction,
                checkpointEvery, V4NEO_INIT);
    }

    /** Options that train every weight. */
    public TrainingOptions(Path dataset, Path binidx, int textVocabSize, Path output, Path baseModel, int ctxLen,
                           int batch, int embed, int layers, int epochs, int stepsPerEpoch, double learningRate,
                           double decayStartEpoch, int firstEpoch, boolean tinyAttention, boolean headQk,
                           float dropout, String device, long seed, double valFraction, int checkpointEvery,
                           String init) {
        this(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers, epochs, stepsPerEpoch,
                learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout, device, seed, valFraction,
                checkpointEvery, init, null, null, false, null, null);
    }

    /** The same options as a LoRA fine-tune with these settings, starting from {@code start} (or fresh if null). */
    public TrainingOptions withLora(LoraSettings settings, Path start) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                epochs, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, checkpointEvery, init, settings, start, gradientCheckpointing, vae, infillShare);
    }

    /** The same options with more epochs (a finished run continued); the decay stretches over the new length. */
    public TrainingOptions withEpochs(int count) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                count, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, checkpointEvery, init, lora, loraStart, gradientCheckpointing, vae, infillShare);
    }

    /** The same options, with block recomputation ({@code -g}) on or off. */
    public TrainingOptions withGradientCheckpointing(boolean on) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                epochs, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, checkpointEvery, init, lora, loraStart, on, vae, infillShare);
    }

    /** The same options, with embeddings from a VAE (null: the model's own table). */
    public TrainingOptions withVae(VaeMode mode) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                epochs, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, checkpointEvery, init, lora, loraStart, gradientCheckpointing, mode, infillShare);
    }

    /** The same options with another checkpoint interval (a resumed run may change it). */
    public TrainingOptions withCheckpointEvery(int steps) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                epochs, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, steps, init, lora, loraStart, gradientCheckpointing, vae, infillShare);
    }

    /** The same options with another share of infill examples (null: the tokenization's default). */
    public TrainingOptions withInfillShare(Double share) {
        return new TrainingOptions(dataset, binidx, textVocabSize, output, baseModel, ctxLen, batch, embed, layers,
                epochs, stepsPerEpoch, learningRate, decayStartEpoch, firstEpoch, tinyAttention, headQk, dropout,
                device, seed, valFraction, checkpointEvery, init, lora, loraStart, gradientCheckpointing, vae, share);
    }

    /** Fresh weights for a model of this shape, as {@link #init} says. */
    public RwkvWeights initialWeights(RwkvConfig config, NDManager manager) {
        return init.equals(SEED_INIT) ? RwkvWeights.initialize(config, manager, seed)
                : RwkvWeights.initializeV4neo(config, manager, seed, learningRate);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** All steps of the run. */
    public long totalSteps() {
        return (long) epochs * stepsPerEpoch;
    }
}
