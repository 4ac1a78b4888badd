package org.musai.train;

import org.musai.model.RwkvConfig;

/**
 * A rough estimate of the memory a training run needs, for choosing a shape before starting one: weights, gradients
 * and Adam's two moments, plus the activations kept for the backward pass.
 */
public final class TrainingMemory {

    /** Weights, gradients, first and second moments: four floats per parameter. */
    static final int FLOATS_PER_PARAMETER = 4;
    /** Activations kept per token and layer, in multiples of the embedding (mixes, k/v/r, WKV terms, the FFN's 4x). */
    static final int ACTIVATIONS_PER_LAYER = 32;
    /** Logits, their softmax and its gradient. */
    static final int LOGIT_COPIES = 3;

    private TrainingMemory() {
    }

    /** Bytes of memory for training this shape at this batch size. */
    public static long estimateBytes(RwkvConfig config, int batch) {
        long state = config.parameterCount() * FLOATS_PER_PARAMETER * Float.BYTES;
        long perToken = (long) config.layers() * ACTIVATIONS_PER_LAYER * config.embed()
                + (long) LOGIT_COPIES * config.vocabSize();
        return state + (long) batch * config.ctxLen() * perToken * Float.BYTES;
    }
}
