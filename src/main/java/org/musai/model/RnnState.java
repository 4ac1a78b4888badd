package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What an RWKV model remembers between tokens in RNN mode: per layer the last inputs of both mixes and the WKV sums
 * (a, b and their exponent p), plus the keys and token ids that head-QK and tiny attention look back on. Owns its
 * arrays through its own manager; close it when the generation ends. Not thread-safe.
 */
public final class RnnState implements AutoCloseable {

    final NDManager manager;
    final NDArray[] attentionInput;
    final NDArray[] numerator;
    final NDArray[] denominator;
    final NDArray[] exponent;
    final NDArray[] channelInput;
    /** Head-QK keys of every position so far, (t, headQk); null before the first token or when off. */
    NDArray copyKeys;
    final List<Integer> tokens = new ArrayList<>();
    /** Tiny-attention keys (t, dim) and values (t, C) so far; null before the first token or when off. */
    NDArray tinyKeys;
    NDArray tinyValues;

    RnnState(RwkvConfig config, NDManager parent) {
        manager = parent.newSubManager();
        int layers = config.layers();
        Shape shape = new Shape(config.embed());
        attentionInput = new NDArray[layers];
        numerator = new NDArray[layers];
        denominator = new NDArray[layers];
        exponent = new NDArray[layers];
        channelInput = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            attentionInput[l] = manager.zeros(shape);
            numerator[l] = manager.zeros(shape);
            denominator[l] = manager.zeros(shape);
            exponent[l] = manager.full(shape, Wkv.NEGATIVE_HUGE);
            channelInput[l] = manager.zeros(shape);
        }
    }

    /** Tokens read so far. */
    public int length() {
        return tokens.size();
    }

    /**
     * Hands the state's arrays to a step's manager: results computed from them land there, and whatever the step
     * does not {@link #keep} is freed with it. (Lending instead would bring freed arrays back into this manager.)
     */
    void handTo(NDManager step) {
        for (NDArray[] arrays : new NDArray[][]{attentionInput, numerator, denominator, exponent, channelInput}) {
            for (NDArray array : arrays) {
                array.attach(step);
            }
        }
        for (NDArray array : new NDArray[]{copyKeys, tinyKeys, tinyValues}) {
            if (array != null) {
                array.attach(step);
            }
        }
    }

    /** Takes a step's result into the state; the array it replaces goes with the step's manager. */
    NDArray keep(NDArray replacement) {
        replacement.attach(manager);
        return replacement;
    }

    @Override
    public void close() {
        manager.close();
    }
}
