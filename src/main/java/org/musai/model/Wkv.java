package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * RWKV-4's weighted key-value mix, in tensor ops that autograd differentiates:
 * {@code out_t = (sum_{i<t} e^{(t-1-i)w + k_i} v_i + e^{u + k_t} v_t) / (same without v)}.
 *
 * <p>The chunked form computes all pairs of a chunk at once and carries a state (a, b, p) between chunks, where
 * a and b are sums scaled by {@code e^-p}; every exponent has its maximum subtracted first, so keys of magnitude 50
 * or long sequences neither overflow nor underflow. The maxima are constants to autograd: the result does not depend
 * on them, so their gradient is zero and need not be computed.
 */
public final class Wkv {

    /**
     * Steps per chunk: all pairs inside a chunk cost chunk x chunk exponentials per channel, each chunk a few dozen
     * calls. 8 was fastest for a training step at embed 256, ctx 256, batch 8 on 2 cores (4: 2,465, 8: 2,672-3,191,
     * 16: 1,766, 32: 1,155 tokens/s).
     */
    public static final int DEFAULT_CHUNK = 8;

    /** Stands for minus infinity in exponents: exp of it is exactly 0, and it stays finite when added to. */
    static final float NEGATIVE_HUGE = -1e38f;

    private Wkv() {
    }

    /**
     * The chunked parallel form.
     *
     * @param w     negative decays, (C)
     * @param u     bonus of the current token, (C)
     * @param k     keys, (B, T, C)
     * @param v     values, (B, T, C)
     * @param chunk steps per chunk
     * @return (B, T, C)
     */
    public static NDArray chunked(NDArray w, NDArray u, NDArray k, NDArray v, int chunk) {
        Shape shape = k.getShape();
        long batch = shape.get(0);
        long steps = shape.get(1);
        long channels = shape.get(2);
        NDManager manager = k.getManager();
        NDArray kt = k.transpose(0, 2, 1); // (B, C, T)
        NDArray vt = v.transpose(0, 2, 1);
        NDArray wc = w.reshape(1, channels, 1);
        NDArray a = manager.zeros(new Shape(batch, channels, 1), k.getDataType());
        NDArray b = manager.zeros(new Shape(batch, channels, 1), k.getDataType());
        NDArray p = manager.full(new Shape(batch, channels, 1), NEGATIVE_HUGE, k.getDataType());
        NDList outputs = new NDList();
        PairTerms full = null;
        // split once rather than slice per chunk: each slice's backward writes its gradient into a zeroed copy of
        // the whole (B, C, T) array, which made a step's cost grow with the square of the context
        NDList keyChunks = chunks(kt, steps, chunk);
        NDList valueChunks = chunks(vt, steps, chunk);
        for (int c = 0; c < keyChunks.size(); c++) {
            NDArray kc = keyChunks.get(c); // (B, C, n)
            NDArray vc = valueChunks.get(c);
            int n = (int) kc.getShape().get(2);
            PairTerms terms = n == chunk && full != null ? full : new PairTerms(w, u, n, manager, k.getDataType());
            if (n == chunk) {
                full = terms;
            }
            // lg[b,c,t,i] = k_i + (t-1-i)w for i<t, k_t + u for i=t, -inf above: the pair terms plus k_i
            NDArray lg = kc.expandDims(2).add(terms.pairs); // (B, C, n, n)
            NDArray st = p.add(wc.mul(terms.steps)); // (B, C, n): the carried state decayed t steps
            NDArray m = NDArrays.maximum(lg.max(new int[]{3}), st).stopGradient();
            NDArray e = lg.sub(m.expandDims(3)).exp();
            NDArray es = st.sub(m).exp();
            NDArray num = e.matMul(vc.expandDims(3)).squeeze(3).add(es.mul(a));
            NDArray den = e.sum(new int[]{3}).add(es.mul(b));
            outputs.add(num.div(den));
            // the state after the chunk: sum_i e^{(n-1-i)w + k_i} (v_i, 1) + e^{n w} (a, b), scaled by e^-p
            NDArray lw = kc.add(wc.mul(terms.stepsToEnd)); // (B, C, n)
            NDArray sp = p.add(Scalars.times(wc, n));
            NDArray m2 = NDArrays.maximum(lw.max(new int[]{2}, true), sp).stopGradient();
            NDArray e2 = lw.sub(m2).exp();
            NDArray es2 = sp.sub(m2).exp();
            a = e2.mul(vc).sum(new int[]{2}, true).add(es2.mul(a));
            b = e2.sum(new int[]{2}, true).add(es2.mul(b));
            p = m2;
        }
        // DJL's concat of a single array returns a copy that autograd does not see
        NDArray all = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 2);
        return all.transpose(0, 2, 1);
    }

    /** The array cut along its last axis into pieces of {@code chunk} steps (the last may be shorter). */
    private static NDList chunks(NDArray array, long steps, int chunk) {
        if (steps <= chunk) {
            return new NDList(array);
        }
        long[] cuts = new long[(int) ((steps - 1) / chunk)];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (long) (i + 1) * chunk;
        }
        return array.split(cuts, 2);
    }

    /** The terms of a chunk of n steps that depend only on w and u, computed once per forward pass. */
    private static final class PairTerms {
        /** (1, C, n, n): (t-1-i)w below the diagonal, u on it, minus infinity above. */
        final NDArray pairs;
        /** (1, 1, n): t, the steps from the chunk start. */
        final NDArray steps;
        /** (1, 1, n): n-1-i, the steps to the chunk end. */
        final NDArray stepsToEnd;

        PairTerms(NDArray w, NDArray u, int n, NDManager manager, DataType type) {
            float[] gap = new float[n * n];
            boolean[] below = new boolean[n * n];
            boolean[] diagonal = new boolean[n * n];
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < n; i++) {
                    gap[t * n + i] = t - 1 - i;
                    below[t * n + i] = i < t;
                    diagonal[t * n + i] = i == t;
                }
            }
            long channels = w.getShape().get(0);
            NDArray gaps = manager.create(gap, new Shape(1, 1, n, n)).toType(type, false);
            NDArray decayed = gaps.mul(w.reshape(1, channels, 1, 1));
            NDArray bonus = u.reshape(1, channels, 1, 1).broadcast(decayed.getShape());
            NDArray hugeNegative = manager.full(decayed.getShape(), NEGATIVE_HUGE, type);
            NDArray belowMask = manager.create(below, new Shape(1, 1, n, n)).broadcast(decayed.getShape());
            NDArray diagonalMask = manager.create(diagonal, new Shape(1, 1, n, n)).broadcast(decayed.getShape());
            pairs = NDArrays.where(belowMask, decayed, NDArrays.where(diagonalMask, bonus, hugeNegative));
            float[] t = new float[n];
            float[] toEnd = new float[n];
            for (int i = 0; i < n; i++) {
                t[i] = i;
                toEnd[i] = n - 1 - i;
            }
            steps = manager.create(t, new Shape(1, 1, n)).toType(type, false);
            stepsToEnd = manager.create(toEnd, new Shape(1, 1, n)).toType(type, false);
        }
    }

    /**
     * The plain recurrence, one step at a time, as RWKV's CUDA kernel computes it: the reference that tests hold the
     * chunked form to. Slow (a dozen small ops per step).
     */
    public static NDArray sequential(NDArray w, NDArray u, NDArray k, NDArray v) {
        Shape shape = k.getShape();
        long batch = shape.get(0);
        long steps = shape.get(1);
        long channels = shape.get(2);
        NDManager manager = k.getManager();
        NDArray aa = manager.zeros(new Shape(batch, channels), k.getDataType());
        NDArray bb = manager.zeros(new Shape(batch, channels), k.getDataType());
        NDArray pp = manager.full(new Shape(batch, channels), NEGATIVE_HUGE, k.getDataType());
        NDList outputs = new NDList();
        for (long t = 0; t < steps; t++) {
            NDArray kt = k.get(new NDIndex(":, {}, :", t));
            NDArray vt = v.get(new NDIndex(":, {}, :", t));
            NDArray ww = u.add(kt);
            NDArray q = NDArrays.maximum(pp, ww);
            NDArray e1 = pp.sub(q).exp();
            NDArray e2 = ww.sub(q).exp();
            outputs.add(e1.mul(aa).add(e2.mul(vt)).div(e1.mul(bb).add(e2)));
            ww = pp.add(w);
            q = NDArrays.maximum(ww, kt);
            e1 = ww.sub(q).exp();
            e2 = kt.sub(q).exp();
            aa = e1.mul(aa).add(e2.mul(vt));
            bb = e1.mul(bb).add(e2);
            pp = q;
        }
        return NDArrays.stack(outputs, 1);
    }
}
