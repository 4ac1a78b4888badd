package org.musai.token.bpe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts how often each distinct multi-id word occurs; the only corpus state training keeps in memory.
 *
 * <p>Words of a single id are not kept: they hold no pair, so they can never take part in a merge.
 */
final class WordFrequencies {

    /** A mutable count, so that incrementing an existing word allocates nothing. */
    private static final class Count {
        long value;
    }

    /** Receives each distinct word once, as a fresh mutable array, with its count. */
    @FunctionalInterface
    interface Visitor {
        void visit(int[] word, long count);
    }

    /** The words of one document, counted only on {@link #commit()} so a rejected document leaves no trace. */
    final class Batch {
        private final List<IntSequence> pending = new ArrayList<>();

        private Batch() {
        }

        void add(int[] source, int from, int to) {
            if (to - from >= 2) {
                pending.add(IntSequence.copyOf(source, from, to));
            }
        }

        void commit() {
            for (IntSequence word : pending) {
                counts.computeIfAbsent(word, key -> new Count()).value++;
            }
            pending.clear();
        }
    }

    private final Map<IntSequence, Count> counts = new HashMap<>();

    Batch newBatch() {
        return new Batch();
    }

    /** How many distinct multi-id words were counted. */
    int distinctWords() {
        return counts.size();
    }

    void forEach(Visitor visitor) {
        for (Map.Entry<IntSequence, Count> entry : counts.entrySet()) {
            visitor.visit(entry.getKey().toArray(), entry.getValue().value);
        }
    }
}
