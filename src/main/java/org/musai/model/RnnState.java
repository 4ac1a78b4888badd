package org.musai.model;

import java.util.Arrays;

/**
 * What an RWKV model remembers between tokens in RNN mode: per layer the last inputs of both mixes and the WKV sums
 * (a, b and their exponent p), plus, for head-QK and tiny attention, the keys, values and ids of every position so
 * far. Plain Java arrays: a state can be copied to branch a generation. Not thread-safe.
 */
public final class RnnState {

    final float[][] attentionInput;
    final float[][] numerator;
    final float[][] denominator;
    final float[][] exponent;
    final float[][] channelInput;
    /** Head-QK keys, position after position. */
    float[] copyKeys = new float[0];
    /** Tiny-attention keys and values, position after position. */
    float[] tinyKeys = new float[0];
    float[] tinyValues = new float[0];
    int[] tokens = new int[16];
    int length;

    RnnState(RwkvConfig config) {
        int layers = config.layers();
        int c = config.embed();
        attentionInput = new float[layers][c];
        numerator = new float[layers][c];
        denominator = new float[layers][c];
        exponent = new float[layers][c];
        channelInput = new float[layers][c];
        for (float[] p : exponent) {
            Arrays.fill(p, Wkv.NEGATIVE_HUGE);
        }
    }

    private RnnState(RnnState other) {
        attentionInput = deepCopy(other.attentionInput);
        numerator = deepCopy(other.numerator);
        denominator = deepCopy(other.denominator);
        exponent = deepCopy(other.exponent);
        channelInput = deepCopy(other.channelInput);
        copyKeys = other.copyKeys.clone();
        tinyKeys = other.tinyKeys.clone();
        tinyValues = other.tinyValues.clone();
        tokens = other.tokens.clone();
        length = other.length;
    }

    /** An independent copy, to continue the same context in several ways. */
    public RnnState copy() {
        return new RnnState(this);
    }

    /** Tokens read so far. */
    public int length() {
        return length;
    }

    void append(int token) {
        if (length == tokens.length) {
            tokens = Arrays.copyOf(tokens, length * 2);
        }
        tokens[length++] = token;
    }

    /**
     * Writes row {@code row} of a growing row-major matrix, doubling its capacity when full, so that a long
     * generation costs amortised constant time per row (copying the whole matrix per token made it quadratic).
     *
     * @return the matrix, grown if it had to be
     */
    static float[] putRow(float[] matrix, int row, float[] values) {
        int end = (row + 1) * values.length;
        float[] target = matrix.length >= end ? matrix : Arrays.copyOf(matrix, Math.max(end, matrix.length * 2));
        System.arraycopy(values, 0, target, row * values.length, values.length);
        return target;
    }

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }
}
