package org.musai.model;

import static org.musai.model.ParameterNames.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;

/**
 * RWKV-4 in RNN mode: one token at a time with a {@link RnnState}, giving the same logits as GPT mode gives at that
 * position. This is how generation runs. Derived arrays (decays, 1 - mix factors) are computed once here.
 * Not thread-safe; one instance per model, any number of states.
 */
public final class RwkvRnn implements AutoCloseable {

    private final RwkvConfig config;
    private final RwkvWeights weights;
    private final NDManager manager;
    private final Layer[] layers;

    /** Per-layer weights in the shapes one token needs. */
    private static final class Layer {
        NDArray attMixK;
        NDArray attKeepK;
        NDArray attMixV;
        NDArray attKeepV;
        NDArray attMixR;
        NDArray attKeepR;
        NDArray decay;
        NDArray bonus;
        NDArray ffnMixK;
        NDArray ffnKeepK;
        NDArray ffnMixR;
        NDArray ffnKeepR;

        NDArray[] all() {
            return new NDArray[]{attMixK, attKeepK, attMixV, attKeepV, attMixR, attKeepR, decay, bonus, ffnMixK,
                    ffnKeepK, ffnMixR, ffnKeepR};
        }
    }

    public RwkvRnn(RwkvWeights weights) {
        this.config = weights.config();
        this.weights = weights;
        this.manager = weights.manager().newSubManager();
        this.layers = new Layer[config.layers()];
        long c = config.embed();
        try (NDManager init = manager.newSubManager()) {
            weights.lendTo(init); // intermediate results are freed with init; the kept ones move to this manager
            for (int l = 0; l < layers.length; l++) {
                layers[l] = derive(l, c);
            }
        }
    }

    /** The derived arrays of one layer, in the shapes one token needs; they live as long as this object. */
    private Layer derive(int l, long c) {
        Layer layer = new Layer();
        layer.attMixK = flat(block(l, "att.time_mix_k"), c);
        layer.attKeepK = layer.attMixK.neg().add(1);
        layer.attMixV = flat(block(l, "att.time_mix_v"), c);
        layer.attKeepV = layer.attMixV.neg().add(1);
        layer.attMixR = flat(block(l, "att.time_mix_r"), c);
        layer.attKeepR = layer.attMixR.neg().add(1);
        layer.decay = weights.get(block(l, "att.time_decay")).stopGradient().exp().neg();
        layer.bonus = weights.get(block(l, "att.time_first")).stopGradient();
        layer.ffnMixK = flat(block(l, "ffn.time_mix_k"), c);
        layer.ffnKeepK = layer.ffnMixK.neg().add(1);
        layer.ffnMixR = flat(block(l, "ffn.time_mix_r"), c);
        layer.ffnKeepR = layer.ffnMixR.neg().add(1);
        layer.bonus.attach(manager);
        for (NDArray array : new NDArray[]{layer.attKeepK, layer.attKeepV, layer.attKeepR, layer.decay,
                layer.ffnKeepK, layer.ffnKeepR}) {
            array.attach(manager);
        }
        return layer;
    }

    private void lendTo(NDManager borrower) {
        for (Layer layer : layers) {
            for (NDArray array : layer.all()) {
                array.tempAttach(borrower);
            }
        }
    }

    private NDArray flat(String name, long c) {
        NDArray array = weights.get(name).stopGradient().reshape(c);
        array.attach(manager);
        return array;
    }

    public RwkvConfig config() {
        return config;
    }

    /** A fresh state, before any token. */
    public RnnState newState(NDManager parent) {
        return new RnnState(config, parent);
    }

    /**
     * Reads one token and returns the logits for the next.
     *
     * @return the logits, vocabulary-sized, on the Java heap
     */
    public float[] step(RnnState state, int token) {
        if (token < 0 || token >= config.vocabSize()) {
            throw new IllegalArgumentException("token " + token + " is outside the vocabulary of " + config.vocabSize());
        }
        try (NDManager scratch = state.manager.newSubManager()) {
            weights.lendTo(scratch);
            lendTo(scratch);
            state.handTo(scratch);
            NDArray embedded = weights.get(EMBEDDING).get(token);
            NDArray x = layerNorm(embedded, LN0_WEIGHT, LN0_BIAS);
            for (int l = 0; l < layers.length; l++) {
                x = x.add(timeMix(state, l, layerNorm(x, block(l, "ln1.weight"), block(l, "ln1.bias"))));
                x = x.add(channelMix(state, l, layerNorm(x, block(l, "ln2.weight"), block(l, "ln2.bias"))));
                if (config.hasTinyAttention() && l == config.tinyAttLayer()) {
                    x = x.add(tinyAttention(state, l, x, embedded));
                }
            }
            x = layerNorm(x, LN_OUT_WEIGHT, LN_OUT_BIAS);
            float[] logits = linear(x, HEAD).toFloatArray();
            state.tokens.add(token);
            if (config.hasHeadQk()) {
                addCopyTerm(state, x, logits);
            }
            return logits;
        }
    }

    private NDArray timeMix(RnnState s, int l, NDArray x) {
        Layer layer = layers[l];
        NDArray previous = s.attentionInput[l];
        NDArray k = linear(x.mul(layer.attMixK).add(previous.mul(layer.attKeepK)), block(l, "att.key.weight"));
        NDArray v = linear(x.mul(layer.attMixV).add(previous.mul(layer.attKeepV)), block(l, "att.value.weight"));
        NDArray r = Activation.sigmoid(linear(x.mul(layer.attMixR).add(previous.mul(layer.attKeepR)),
                block(l, "att.receptance.weight")));
        s.attentionInput[l] = s.keep(x.duplicate());
        NDArray aa = s.numerator[l];
        NDArray bb = s.denominator[l];
        NDArray pp = s.exponent[l];
        NDArray ww = k.add(layer.bonus);
        NDArray q = NDArrays.maximum(pp, ww);
        NDArray e1 = pp.sub(q).exp();
        NDArray e2 = ww.sub(q).exp();
        NDArray wkv = e1.mul(aa).add(e2.mul(v)).div(e1.mul(bb).add(e2));
        ww = pp.add(layer.decay);
        q = NDArrays.maximum(ww, k);
        e1 = ww.sub(q).exp();
        e2 = k.sub(q).exp();
        s.numerator[l] = s.keep(e1.mul(aa).add(e2.mul(v)));
        s.denominator[l] = s.keep(e1.mul(bb).add(e2));
        s.exponent[l] = s.keep(q);
        return linear(r.mul(wkv), block(l, "att.output.weight"));
    }

    private NDArray channelMix(RnnState s, int l, NDArray x) {
        Layer layer = layers[l];
        NDArray previous = s.channelInput[l];
        NDArray k = linear(x.mul(layer.ffnMixK).add(previous.mul(layer.ffnKeepK)), block(l, "ffn.key.weight"));
        NDArray r = Activation.sigmoid(linear(x.mul(layer.ffnMixR).add(previous.mul(layer.ffnKeepR)),
                block(l, "ffn.receptance.weight")));
        s.channelInput[l] = s.keep(x.duplicate());
        return r.mul(linear(Activation.relu(k).square(), block(l, "ffn.value.weight")));
    }

    private NDArray tinyAttention(RnnState s, int l, NDArray x, NDArray embedded) {
        NDArray xx = layerNorm(x, block(l, "tiny_ln.weight"), block(l, "tiny_ln.bias"));
        NDArray q = linear(xx, block(l, "tiny_q.weight"));
        NDArray k = linear(xx, block(l, "tiny_k.weight")).reshape(1, config.tinyAttDim());
        NDArray v = linear(embedded, block(l, "tiny_v.weight")).reshape(1, config.embed());
        // keys and values grow in the step's manager and join the state only after use, so results stay there
        NDArray keys = s.tinyKeys == null ? k : NDArrays.concat(new NDList(s.tinyKeys, k), 0);
        NDArray values = s.tinyValues == null ? v : NDArrays.concat(new NDList(s.tinyValues, v), 0);
        NDArray scores = keys.matMul(q.reshape(config.tinyAttDim(), 1)).reshape(1, -1)
                .mul(1.0 / Math.sqrt(config.tinyAttDim()));
        NDArray mixed = scores.matMul(values).reshape(config.embed());
        s.tinyKeys = s.keep(keys);
        s.tinyValues = s.keep(values);
        return mixed;
    }

    /** Adds q.k_i / d to the logit of the token read at each position i so far, this one included. */
    private void addCopyTerm(RnnState s, NDArray x, float[] logits) {
        NDArray q = linear(x, HEAD_Q);
        NDArray k = linear(x, HEAD_K).reshape(1, config.headQk());
        NDArray keys = s.copyKeys == null ? k : NDArrays.concat(new NDList(s.copyKeys, k), 0);
        float[] scores = keys.matMul(q.reshape(config.headQk(), 1)).toFloatArray();
        s.copyKeys = s.keep(keys);
        for (int i = 0; i < scores.length; i++) {
            logits[s.tokens.get(i)] += scores[i] / config.headQk();
        }
    }

    private NDArray linear(NDArray x, String weight) {
        return weights.get(weight).matMul(x.reshape(-1, 1)).reshape(-1);
    }

    private NDArray layerNorm(NDArray x, String weight, String bias) {
        return LayerNorm.layerNorm(x.reshape(1, config.embed()), new Shape(config.embed()), weights.get(weight),
                weights.get(bias), RwkvModel.LAYER_NORM_EPS).singletonOrThrow().reshape(config.embed());
    }

    @Override
    public void close() {
        manager.close();
    }
}
