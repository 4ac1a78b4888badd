package org.musai.model;

import java.util.Arrays;

/**
 * What an RWKV model remembers between tokens in RNN mode: per layer the last inputs of both mixes and the WKV sums
 * (a, b and their exponent p), plus, for head-QK and tiny attention, the keys and values of the last context-length
 * positions (the window training saw) and the ids read. Plain Java arrays: a state can be copied to branch a
 * generation. Not thread-safe.
 */
public final class RnnState {

    final float[][] attentionInput;
    final float[][] numerator;
    final float[][] denominator;
    final float[][] exponent;
    final float[][] channelInput;
    /** Head-QK keys of the last context-length positions. */
    final RowWindow copyKeys;
    /** Tiny-attention keys and values of the last context-length positions. */
    final RowWindow tinyKeys;
    final RowWindow tinyValues;
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
        copyKeys = new RowWindow(config.headQk(), config.ctxLen());
        tinyKeys = new RowWindow(config.tinyAttDim(), config.ctxLen());
        tinyValues = new RowWindow(c, config.ctxLen());
    }

    private RnnState(RnnState other) {
        attentionInput = deepCopy(other.attentionInput);
        numerator = deepCopy(other.numerator);
        denominator = deepCopy(other.denominator);
        exponent = deepCopy(other.exponent);
        channelInput = deepCopy(other.channelInput);
        copyKeys = other.copyKeys.copy();
        tinyKeys = other.tinyKeys.copy();
        tinyValues = other.tinyValues.copy();
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

    private static float[][] deepCopy(float[][] arrays) {
        float[][] copy = new float[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }
}
