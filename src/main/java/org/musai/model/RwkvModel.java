package org.musai.model;

import static org.musai.model.ParameterNames.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;

/**
 * RWKV-4 in GPT mode, layer for layer as the seed builds it: embedding, ln0, then per block
 * {@code x + TimeMix(ln1 x)} and {@code x + ChannelMix(ln2 x)}, optional tiny attention on one block, ln_out, the
 * head, and the optional head-QK copy term. Pure maths over {@link RwkvWeights}: no I/O, no state.
 */
public final class RwkvModel {

    /** PyTorch's layer-norm epsilon, which the seed uses. */
    static final float LAYER_NORM_EPS = 1e-5f;

    private final RwkvConfig config;
    private final RwkvWeights weights;
    private final int wkvChunk;
    private final LoraAdapter adapter;
    private final EmbeddingVae vae;

    public RwkvModel(RwkvWeights weights) {
        this(weights, Wkv.DEFAULT_CHUNK);
    }

    public RwkvModel(RwkvWeights weights, int wkvChunk) {
        this(weights, wkvChunk, null, null);
    }

    /** A model whose adapted layers add a LoRA adapter's delta to the weights' output (null: none). */
    public RwkvModel(RwkvWeights weights, LoraAdapter adapter) {
        this(weights, Wkv.DEFAULT_CHUNK, adapter, null);
    }

    /**
     * A model that reads its embeddings from a frozen embedding VAE (the seed's {@code -v PATH}) instead of its own
     * table; null for either means none.
     */
    public RwkvModel(RwkvWeights weights, LoraAdapter adapter, EmbeddingVae vae) {
        this(weights, Wkv.DEFAULT_CHUNK, adapter, vae);
    }

    private RwkvModel(RwkvWeights weights, int wkvChunk, LoraAdapter adapter, EmbeddingVae vae) {
        this.config = weights.config();
        this.weights = weights;
        this.wkvChunk = wkvChunk;
        this.adapter = adapter;
        this.vae = vae;
    }

    public RwkvConfig config() {
        return config;
    }

    public RwkvWeights weights() {
        return weights;
    }

    /**
     * Logits for every position.
     *
     * @param tokens   (B, T) ids; every array the pass makes goes to its manager. Training passes T up to the context
     *                 length; a longer T is read as RNN mode reads it: head-QK and tiny attention see the last
     *                 context-length positions, the recurrence everything
     * @param training whether dropout applies
     * @return (B, T, vocabulary)
     */
    public NDArray forward(NDArray tokens, boolean training) {
        weights.lendTo(tokens.getManager());
        NDArray embedded = embedding(tokens, training);
        NDArray x = layerNorm(embedded, LN0_WEIGHT, LN0_BIAS);
        for (int l = 0; l < config.layers(); l++) {
            x = layer(l, x, embedded, training);
        }
        return output(x, tokens);
    }

    /*
     * The pieces of forward, for a pass that recomputes one block at a time (gradient checkpointing). Unlike
     * forward, they do not lend the weights: the caller does ({@link RwkvWeights#lendTo}).
     */

    /**
     * The token embeddings, (B, T, C): the table's rows, or the VAE's decoded latents (drawn while training, the
     * means otherwise).
     */
    public NDArray embedding(NDArray tokens, boolean training) {
        if (vae != null) {
            return vae.forward(tokens, training).decoded();
        }
        return Embedding.embedding(tokens, weights.get(EMBEDDING), ai.djl.ndarray.types.SparseFormat.DENSE)
                .singletonOrThrow();
    }

    /** Whether the embeddings come from a frozen VAE: then no gradient flows into them. */
    public boolean embeddingsFrozen() {
        return vae != null;
    }

    /** What block 0 reads: the embeddings through ln0. */
    public NDArray blockInput(NDArray embedded) {
        return layerNorm(embedded, LN0_WEIGHT, LN0_BIAS);
    }

    /** Block {@code l}: {@code x + TimeMix(ln1 x)}, then {@code + ChannelMix(ln2 x)}, then its tiny attention if any. */
    public NDArray layer(int l, NDArray x, NDArray embedded, boolean training) {
        x = dropout(x.add(timeMix(l, layerNorm(x, block(l, "ln1.weight"), block(l, "ln1.bias")))), training);
        x = dropout(x.add(channelMix(l, layerNorm(x, block(l, "ln2.weight"), block(l, "ln2.bias")))), training);
        if (config.hasTinyAttention() && l == config.tinyAttLayer()) {
            x = x.add(tinyAttention(l, x, embedded));
        }
        return x;
    }

    /** Whether block {@code l} reads the embeddings (its tiny attention does). */
    public boolean readsEmbeddings(int l) {
        return config.hasTinyAttention() && l == config.tinyAttLayer();
    }

    /** ln_out, the head and the head-QK term over the last block's output: the logits. */
    public NDArray output(NDArray x, NDArray tokens) {
        x = layerNorm(x, LN_OUT_WEIGHT, LN_OUT_BIAS);
        NDArray logits = linear(x, HEAD);
        if (config.hasHeadQk()) {
            logits = logits.add(headQk(x, tokens));
        }
        return logits;
    }

    private NDArray timeMix(int l, NDArray x) {
        NDArray shifted = shift(x);
        NDArray step = x.sub(shifted);
        NDArray k = linear(mix(shifted, step, block(l, "att.time_mix_k")), block(l, "att.key.weight"));
        NDArray v = linear(mix(shifted, step, block(l, "att.time_mix_v")), block(l, "att.value.weight"));
        NDArray r = Activation.sigmoid(linear(mix(shifted, step, block(l, "att.time_mix_r")),
                block(l, "att.receptance.weight")));
        NDArray w = weights.get(block(l, "att.time_decay")).exp().neg();
        NDArray wkv = Wkv.chunked(w, weights.get(block(l, "att.time_first")), k, v, wkvChunk);
        return linear(r.mul(wkv), block(l, "att.output.weight"));
    }

    private NDArray channelMix(int l, NDArray x) {
        NDArray shifted = shift(x);
        NDArray step = x.sub(shifted);
        NDArray k = linear(mix(shifted, step, block(l, "ffn.time_mix_k")), block(l, "ffn.key.weight"));
        NDArray r = Activation.sigmoid(linear(mix(shifted, step, block(l, "ffn.time_mix_r")),
                block(l, "ffn.receptance.weight")));
        return r.mul(linear(Activation.relu(k).square(), block(l, "ffn.value.weight")));
    }

    /** Causal attention of one head over the token embeddings, as the seed's "tiny attention". */
    private NDArray tinyAttention(int l, NDArray x, NDArray embedded) {
        NDArray xx = layerNorm(x, block(l, "tiny_ln.weight"), block(l, "tiny_ln.bias"));
        NDArray q = linear(xx, block(l, "tiny_q.weight"));
        NDArray k = linear(xx, block(l, "tiny_k.weight"));
        NDArray scores = Scalars.times(q.matMul(k.transpose(0, 2, 1)), 1.0 / Math.sqrt(config.tinyAttDim()));
        return causal(scores, config.ctxLen()).matMul(linear(embedded, block(l, "tiny_v.weight")));
    }

    /** The copy term: logits gain, for each earlier (or the same) position, q_t.k_i / d on the id seen there. */
    private NDArray headQk(NDArray x, NDArray tokens) {
        NDArray q = linear(x, HEAD_Q);
        NDArray k = linear(x, HEAD_K);
        NDArray scores = causal(Scalars.times(q.matMul(k.transpose(0, 2, 1)), 1.0 / config.headQk()), config.ctxLen());
        NDArray oneHot = tokens.oneHot(config.vocabSize()).toType(scores.getDataType(), false);
        return scores.matMul(oneHot);
    }

    /**
     * Zeroes the scores of later positions and of those {@code window} or more back: a (B, T, T) band under the
     * diagonal, diagonal included; for T up to the window, the whole lower triangle.
     */
    private static NDArray causal(NDArray scores, int window) {
        int steps = (int) scores.getShape().get(1);
        float[] lower = new float[steps * steps];
        for (int t = 0; t < steps; t++) {
            java.util.Arrays.fill(lower, t * steps + Math.max(0, t - window + 1), t * steps + t + 1, 1f);
        }
        NDArray mask = scores.getManager().create(lower, new Shape(steps, steps)).toType(scores.getDataType(), false);
        return scores.mul(mask);
    }

    /** The previous step's input, zeros before the first. */
    private static NDArray shift(NDArray x) {
        Shape shape = x.getShape();
        NDArray zeros = x.getManager().zeros(new Shape(shape.get(0), 1, shape.get(2)), x.getDataType());
        return NDArrays.concat(new ai.djl.ndarray.NDList(zeros, x.get(new NDIndex(":, :-1, :"))), 1);
    }

    /**
     * {@code x f + shifted (1 - f)}, as {@code shifted + (x - shifted) f} with {@code x - shifted} shared by a block's
     * mixes: a third of the element-wise work, forward and backward, on the largest arrays of a step.
     */
    private NDArray mix(NDArray shifted, NDArray step, String factor) {
        return shifted.add(step.mul(weights.get(factor)));
    }

    private NDArray linear(NDArray x, String weight) {
        NDArray y = Linear.linear(x, weights.get(weight)).singletonOrThrow();
        return adapter == null ? y : adapter.addDelta(x, weight, y);
    }

    private NDArray layerNorm(NDArray x, String weight, String bias) {
        return LayerNorm.layerNorm(x, new Shape(config.embed()), weights.get(weight), weights.get(bias), LAYER_NORM_EPS)
                .singletonOrThrow();
    }

    private NDArray dropout(NDArray x, boolean training) {
        return training && config.dropout() > 0 ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
    }
}
