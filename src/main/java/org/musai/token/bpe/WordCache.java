package org.musai.token.bpe;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe, size-bounded memo of encoded words, shared by all threads encoding with one model.
 *
 * <p>Once full it stops admitting new words instead of evicting: word frequencies in a corpus
 * are heavily skewed, so the frequent words arrive early and stay cached, and no eviction
 * bookkeeping is paid on the hot path (the Hugging Face tokenizers cache behaves the same way).
 */
final class WordCache {

    private final ConcurrentHashMap<IntSequence, int[]> encodedByWord = new ConcurrentHashMap<>();
    private final int capacity;

    WordCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached encoding of {@code word}, or null; callers must not modify the returned array. */
    int[] get(IntSequence word) {
        return encodedByWord.get(word);
    }

    /** Caches {@code encoded} for {@code word} unless the cache is full; the array must not change afterwards. */
    void offer(IntSequence word, int[] encoded) {
        // size() is only approximate under concurrency; overshooting by a few entries is harmless.
        if (encodedByWord.size() < capacity) {
            encodedByWord.putIfAbsent(word, encoded);
        }
    }

    int size() {
        return encodedByWord.size();
    }
}
