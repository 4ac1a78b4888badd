package org.musai.token.bpe;

import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Splits a document of base ids into the words that merges may not cross.
 *
 * <p>A word starts before every id for which {@code startsWord} holds; an id for which
 * {@code unmergeable} holds is always a word of its own. Training and encoding share this
 * class so that both see exactly the same words. It also rejects ids outside the base
 * vocabulary, since such ids would be confused with merged ids.
 */
final class WordSplitter {

    /** Receives one word as the range {@code document[from, to)}. */
    @FunctionalInterface
    interface WordSink {
        void accept(int[] document, int from, int to);
    }

    private final int baseVocabSize;
    private final IntPredicate startsWord;
    private final IntPredicate unmergeable;

    WordSplitter(int baseVocabSize, IntPredicate startsWord, IntPredicate unmergeable) {
        if (baseVocabSize <= 0) {
            throw new IllegalArgumentException("base vocabulary size must be positive, got " + baseVocabSize);
        }
        this.baseVocabSize = baseVocabSize;
        this.startsWord = Objects.requireNonNull(startsWord, "startsWord");
        this.unmergeable = Objects.requireNonNull(unmergeable, "unmergeable");
    }

    int baseVocabSize() {
        return baseVocabSize;
    }

    boolean startsWord(int id) {
        return startsWord.test(id);
    }

    boolean unmergeable(int id) {
        return unmergeable.test(id);
    }

    /**
     * Passes every word of {@code document} to {@code sink}, in order; the words cover the document exactly.
     *
     * @throws IllegalArgumentException if an id is negative or not below the base vocabulary size
     */
    void forEachWord(int[] document, WordSink sink) {
        int wordStart = 0;
        for (int i = 0; i < document.length; i++) {
            int id = document[i];
            if (id < 0 || id >= baseVocabSize) {
                throw new IllegalArgumentException("id " + id + " at position " + i
                        + " is outside the base vocabulary [0, " + baseVocabSize + ")");
            }
            if (unmergeable.test(id)) {
                if (i > wordStart) {
                    sink.accept(document, wordStart, i);
                }
                sink.accept(document, i, i + 1);
                wordStart = i + 1;
            } else if (i > wordStart && startsWord.test(id)) {
                sink.accept(document, wordStart, i);
                wordStart = i;
            }
        }
        if (document.length > wordStart) {
            sink.accept(document, wordStart, document.length);
        }
    }
}
