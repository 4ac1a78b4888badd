package org.musai.train;

import org.musai.model.RwkvConfig;

/**
 * The peak resident memory of a training run on the CPU, for choosing a shape before starting one: the process itself
 * (the JVM, PyTorch's libraries), the weights with their gradients and Adam's two moments, and the activations that
 * the backward pass keeps. The per-token factors are fitted to peak resident memory measured with
 * {@code musai bench train} over embed 256-768, 4-12 layers, contexts 256-1024 and vocabularies 560-4,096
 * (docs/decisions/0012); the estimate is within 20% of those measurements.
 */
public final class TrainingMemory {

    /** The process before any model: the JVM, its heap in use, PyTorch's libraries. */
    static final long BASE_BYTES = 300L << 20;
    /** Weight, gradient, Adam's first and second moment, and about one more of transient copies (measured). */
    static final int FLOATS_PER_TRAINED_PARAMETER = 5;
    /** Floats per token, layer and embedding channel that the backward pass keeps (mixes, k/v/r, WKV, the FFN's 4x). */
    static final double ACTIVATIONS_PER_LAYER = 88;
    /**
     * With blocks recomputed: floats per token, layer and channel (the blocks' inputs, the gradients flowing back)
     * and per token and channel (the one block recomputed at a time); fitted to -g at two shapes.
     */
    static final double CHECKPOINTED_PER_LAYER = 25;
    static final double RECOMPUTED_BLOCK = 13;
    /** Floats per token and vocabulary entry: logits, their log-softmax, its gradient and copies. */
    static final double PER_VOCABULARY_ENTRY = 7;
    /** Head-QK: floats per token and earlier position (the scores and their gradient), and per vocabulary entry. */
    static final double HEAD_QK_PER_POSITION = 4;
    static final double HEAD_QK_PER_VOCABULARY_ENTRY = 2;
    /** A LoRA run trains adapters of about this share of the base's values (4.2% at the default shape). */
    static final double LORA_SHARE = 0.05;

    private TrainingMemory() {
    }

    /** Peak bytes for training this shape at this batch size, every weight trained, nothing recomputed. */
    public static long estimateBytes(RwkvConfig config, int batch) {
        return estimateBytes(config, batch, false, false);
    }

    /**
     * Peak bytes for training this shape at this batch size.
     *
     * @param recomputeBlocks gradient checkpointing ({@code -g}): blocks recomputed in the backward pass
     * @param lora            LoRA: the base frozen (its weights only), adapters trained
     */
    public static long estimateBytes(RwkvConfig config, int batch, boolean recomputeBlocks, boolean lora) {
        double parameters = config.parameterCount();
        double state = lora ? parameters * (1 + LORA_SHARE * FLOATS_PER_TRAINED_PARAMETER) // the base: weights only
                : parameters * FLOATS_PER_TRAINED_PARAMETER;
        double layerChannels = (double) config.layers() * config.embed();
        double perToken = (recomputeBlocks
                ? CHECKPOINTED_PER_LAYER * layerChannels + RECOMPUTED_BLOCK * config.embed()
                : ACTIVATIONS_PER_LAYER * layerChannels)
                + PER_VOCABULARY_ENTRY * config.vocabSize();
        if (config.hasHeadQk()) {
            perToken += HEAD_QK_PER_POSITION * config.ctxLen() + HEAD_QK_PER_VOCABULARY_ENTRY * config.vocabSize();
        }
        double tokens = (double) batch * config.ctxLen();
        return BASE_BYTES + (long) ((state + tokens * perToken) * Float.BYTES);
    }
}
