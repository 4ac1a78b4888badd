package org.musai.model;

import static org.musai.model.ParameterNames.*;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.Map;

/**
 * RWKV-4 in RNN mode: one token at a time with a {@link RnnState}, giving the logits that GPT mode gives at the same
 * position. This is how generation runs, batch 1 on the CPU, in plain Java: a token costs a few hundred small
 * operations, and through DJL each would pay a JNI call (see docs/decisions/0004). The weights are copied in, their
 * matrices stored column by column so that each product is a run of multiply-adds ({@link MatVec}).
 * Immutable after construction; thread-safe for distinct states.
 */
public final class RwkvRnn {

    private final RwkvConfig config;
    private final int c;
    private final Map<String, float[]> vectors = new HashMap<>();
    private final Map<String, Matrix> matrices = new HashMap<>();
    private final float[] embedding;
    private final Layer[] layers;

    /** A weight matrix stored column by column. */
    private record Matrix(float[] columns, int rows, int cols) {
    }

    /** One block's weights, looked up once so that a token costs no map lookups. */
    private final class Layer {
        final float[] ln1Weight;
        final float[] ln1Bias;
        final float[] ln2Weight;
        final float[] ln2Bias;
        final float[] attMixK;
        final float[] attMixV;
        final float[] attMixR;
        final float[] bonus;
        final float[] decay;
        final float[] ffnMixK;
        final float[] ffnMixR;
        final Matrix attKey;
        final Matrix attValue;
        final Matrix attReceptance;
        final Matrix attOutput;
        final Matrix ffnKey;
        final Matrix ffnReceptance;
        final Matrix ffnValue;

        Layer(int l) {
            ln1Weight = vectors.get(block(l, "ln1.weight"));
            ln1Bias = vectors.get(block(l, "ln1.bias"));
            ln2Weight = vectors.get(block(l, "ln2.weight"));
            ln2Bias = vectors.get(block(l, "ln2.bias"));
            attMixK = vectors.get(block(l, "att.time_mix_k"));
            attMixV = vectors.get(block(l, "att.time_mix_v"));
            attMixR = vectors.get(block(l, "att.time_mix_r"));
            bonus = vectors.get(block(l, "att.time_first"));
            float[] timeDecay = vectors.get(block(l, "att.time_decay"));
            decay = new float[c];
            for (int i = 0; i < c; i++) {
                decay[i] = (float) -Math.exp(timeDecay[i]);
            }
            ffnMixK = vectors.get(block(l, "ffn.time_mix_k"));
            ffnMixR = vectors.get(block(l, "ffn.time_mix_r"));
            attKey = matrices.get(block(l, "att.key.weight"));
            attValue = matrices.get(block(l, "att.value.weight"));
            attReceptance = matrices.get(block(l, "att.receptance.weight"));
            attOutput = matrices.get(block(l, "att.output.weight"));
            ffnKey = matrices.get(block(l, "ffn.key.weight"));
            ffnReceptance = matrices.get(block(l, "ffn.receptance.weight"));
            ffnValue = matrices.get(block(l, "ffn.value.weight"));
        }
    }

    public RwkvRnn(RwkvWeights weights) {
        this.config = weights.config();
        this.c = config.embed();
        for (Map.Entry<String, NDArray> entry : weights.all().entrySet()) {
            NDArray array = entry.getValue();
            float[] values = array.toFloatArray();
            long[] shape = array.getShape().getShape();
            if (shape.length == 2 && !entry.getKey().equals(EMBEDDING)) {
                int rows = (int) shape[0];
                int cols = (int) shape[1];
                matrices.put(entry.getKey(), new Matrix(transpose(values, rows, cols), rows, cols));
            } else {
                vectors.put(entry.getKey(), values);
            }
        }
        embedding = vectors.get(EMBEDDING);
        layers = new Layer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Layer(l);
        }
    }

    /** Whether matrix products run through the Vector API (the JVM was given the incubator module). */
    public static boolean usesSimd() {
        return MatVec.SIMD;
    }

    public RwkvConfig config() {
        return config;
    }

    /** A fresh state, before any token. */
    public RnnState newState() {
        return new RnnState(config);
    }

    /**
     * Reads one token and returns the logits for the next.
     *
     * @return a new array of vocabulary size
     */
    public float[] step(RnnState s, int token) {
        return stepAll(new RnnState[] {s}, new int[] {token})[0];
    }

    /**
     * Reads one token into each of several states at once and returns each one's logits for the next: the weights
     * are read once for all of them, which is what a token costs at the shapes a desktop trains. Each state's logits
     * are exactly those {@link #step} gives it alone.
     *
     * @return per state a new array of vocabulary size
     */
    public float[][] stepAll(RnnState[] states, int[] tokens) {
        int n = states.length;
        if (tokens.length != n) {
            throw new IllegalArgumentException(n + " states but " + tokens.length + " tokens");
        }
        float[][] embedded = new float[n][c];
        float[][] x = new float[n][];
        for (int b = 0; b < n; b++) {
            int token = tokens[b];
            if (token < 0 || token >= config.vocabSize()) {
                throw new IllegalArgumentException("token " + token + " is outside the vocabulary of "
                        + config.vocabSize());
            }
            System.arraycopy(embedding, token * c, embedded[b], 0, c);
            x[b] = layerNorm(embedded[b], vectors.get(LN0_WEIGHT), vectors.get(LN0_BIAS));
        }
        for (int l = 0; l < layers.length; l++) {
            Layer layer = layers[l];
            add(x, timeMix(states, l, layer, layerNorms(x, layer.ln1Weight, layer.ln1Bias)));
            add(x, channelMix(states, l, layer, layerNorms(x, layer.ln2Weight, layer.ln2Bias)));
            if (config.hasTinyAttention() && l == config.tinyAttLayer()) {
                for (int b = 0; b < n; b++) {
                    add(x[b], tinyAttention(states[b], l, x[b], embedded[b]));
                }
            }
        }
        float[][] out = layerNorms(x, vectors.get(LN_OUT_WEIGHT), vectors.get(LN_OUT_BIAS));
        float[][] logits = linear(matrices.get(HEAD), out);
        for (int b = 0; b < n; b++) {
            states[b].append(tokens[b]);
            if (config.hasHeadQk()) {
                addCopyTerm(states[b], out[b], logits[b]);
            }
        }
        return logits;
    }

    private float[][] timeMix(RnnState[] states, int l, Layer layer, float[][] x) {
        int n = states.length;
        float[][] previous = exchange(states, s -> s.attentionInput, l, x);
        float[][] k = linear(layer.attKey, mix(x, previous, layer.attMixK));
        float[][] v = linear(layer.attValue, mix(x, previous, layer.attMixV));
        float[][] r = linear(layer.attReceptance, mix(x, previous, layer.attMixR));
        float[][] rwkv = new float[n][];
        for (int b = 0; b < n; b++) {
            rwkv[b] = wkvStep(states[b], l, layer, k[b], v[b], r[b]);
        }
        return linear(layer.attOutput, rwkv);
    }

    /** sigmoid(r) times this step's WKV, and the state's sums moved on. */
    private float[] wkvStep(RnnState s, int l, Layer layer, float[] k, float[] v, float[] r) {
        float[] bonus = layer.bonus;
        float[] aa = s.numerator[l];
        float[] bb = s.denominator[l];
        float[] pp = s.exponent[l];
        float[] w = layer.decay;
        float[] rwkv = new float[c];
        for (int i = 0; i < c; i++) {
            // the same stable recurrence as the CUDA kernel: shift exponents by their maximum before exp
            float ww = bonus[i] + k[i];
            float q = Math.max(pp[i], ww);
            float e1 = (float) Math.exp(pp[i] - q);
            float e2 = (float) Math.exp(ww - q);
            float wkv = (e1 * aa[i] + e2 * v[i]) / (e1 * bb[i] + e2);
            rwkv[i] = sigmoid(r[i]) * wkv;
            ww = pp[i] + w[i];
            q = Math.max(ww, k[i]);
            e1 = (float) Math.exp(ww - q);
            e2 = (float) Math.exp(k[i] - q);
            aa[i] = e1 * aa[i] + e2 * v[i];
            bb[i] = e1 * bb[i] + e2;
            pp[i] = q;
        }
        return rwkv;
    }

    private float[][] channelMix(RnnState[] states, int l, Layer layer, float[][] x) {
        int n = states.length;
        float[][] previous = exchange(states, s -> s.channelInput, l, x);
        float[][] k = linear(layer.ffnKey, mix(x, previous, layer.ffnMixK));
        float[][] r = linear(layer.ffnReceptance, mix(x, previous, layer.ffnMixR));
        for (float[] kb : k) {
            for (int i = 0; i < kb.length; i++) {
                float relu = Math.max(kb[i], 0f);
                kb[i] = relu * relu;
            }
        }
        float[][] v = linear(layer.ffnValue, k);
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < c; i++) {
                v[b][i] *= sigmoid(r[b][i]);
            }
        }
        return v;
    }

    private float[] tinyAttention(RnnState s, int l, float[] x, float[] embedded) {
        int dim = config.tinyAttDim();
        float[] xx = layerNorm(x, vectors.get(block(l, "tiny_ln.weight")), vectors.get(block(l, "tiny_ln.bias")));
        float[] q = linear(matrices.get(block(l, "tiny_q.weight")), xx);
        // this token's row joins the window of the positions before it
        s.tinyKeys.add(linear(matrices.get(block(l, "tiny_k.weight")), xx));
        s.tinyValues.add(linear(matrices.get(block(l, "tiny_v.weight")), embedded));
        float scale = (float) (1.0 / Math.sqrt(dim));
        float[] keys = s.tinyKeys.data();
        float[] values = s.tinyValues.data();
        float[] mixed = new float[c];
        for (int t = 0; t < s.tinyKeys.size(); t++) {
            float score = MatVec.dot(q, keys, s.tinyKeys.offset(t), dim) * scale;
            int row = s.tinyValues.offset(t);
            for (int i = 0; i < c; i++) {
                mixed[i] += score * values[row + i];
            }
        }
        return mixed;
    }

    /**
     * Adds q.k_i / d to the logit of the token read at each position i of the window (the last context-length
     * positions, this one included), as RWKV-LM's runner keeps its last ctx_len keys.
     */
    private void addCopyTerm(RnnState s, float[] x, float[] logits) {
        int d = config.headQk();
        float[] q = linear(matrices.get(HEAD_Q), x);
        s.copyKeys.add(linear(matrices.get(HEAD_K), x)); // s.length already counts this token: its row is the last
        float[] keys = s.copyKeys.data();
        int first = s.length - s.copyKeys.size();
        for (int t = 0; t < s.copyKeys.size(); t++) {
            logits[s.tokens[first + t]] += MatVec.dot(q, keys, s.copyKeys.offset(t), d) / d;
        }
    }

    /** Each state's last input to a mix of layer l, which this step's input replaces. */
    private static float[][] exchange(RnnState[] states, java.util.function.Function<RnnState, float[][]> inputs,
                                      int l, float[][] x) {
        float[][] previous = new float[states.length][];
        for (int b = 0; b < states.length; b++) {
            float[][] slot = inputs.apply(states[b]);
            previous[b] = slot[l];
            slot[l] = x[b];
        }
        return previous;
    }

    private float[][] mix(float[][] x, float[][] previous, float[] f) {
        float[][] mixed = new float[x.length][c];
        for (int b = 0; b < x.length; b++) {
            for (int i = 0; i < c; i++) {
                mixed[b][i] = x[b][i] * f[i] + previous[b][i] * (1 - f[i]);
            }
        }
        return mixed;
    }

    private static float[] linear(Matrix matrix, float[] x) {
        return MatVec.times(matrix.columns(), matrix.rows(), matrix.cols(), x);
    }

    private static float[][] linear(Matrix matrix, float[][] xs) {
        return MatVec.timesAll(matrix.columns(), matrix.rows(), matrix.cols(), xs);
    }

    private static float[][] layerNorms(float[][] x, float[] g, float[] b) {
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = layerNorm(x[i], g, b);
        }
        return y;
    }

    private static void add(float[][] x, float[][] delta) {
        for (int i = 0; i < x.length; i++) {
            add(x[i], delta[i]);
        }
    }

    private static float[] layerNorm(float[] x, float[] g, float[] b) {
        double mean = 0;
        for (float value : x) {
            mean += value;
        }
        mean /= x.length;
        double variance = 0;
        for (float value : x) {
            variance += (value - mean) * (value - mean);
        }
        variance /= x.length;
        double inverse = 1.0 / Math.sqrt(variance + RwkvModel.LAYER_NORM_EPS);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) ((x[i] - mean) * inverse) * g[i] + b[i];
        }
        return y;
    }

    private static void add(float[] x, float[] delta) {
        for (int i = 0; i < x.length; i++) {
            x[i] += delta[i];
        }
    }

    private static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    private static float[] transpose(float[] values, int rows, int cols) {
        float[] t = new float[values.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = values[i * cols + j];
            }
        }
        return t;
    }
}
