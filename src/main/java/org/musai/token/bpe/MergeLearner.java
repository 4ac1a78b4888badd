package org.musai.token.bpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Learns merges from a table of distinct words by incremental pair counting, in the manner of
 * the Hugging Face tokenizers and sentencepiece BPE trainers.
 *
 * <p>Pair counts are computed once. Each merge then visits only the words listed for the merged
 * pair, rewrites them in place and adjusts the counts of the neighbouring pairs, so the cost of
 * a merge is proportional to the occurrences it changes, not to the corpus size.
 *
 * <p>The best pair comes from a priority queue with lazy invalidation. This is exact because,
 * once a merge step has finished, a pair's count can only fall: a merge creates adjacencies only
 * with the id it has just introduced, and those new pairs are queued at the end of that step.
 * A queued count is therefore an upper bound, and an entry whose count is still current when it
 * reaches the head is the true maximum (ties go to the smaller pair).
 *
 * <p>One instance performs one training run; it is not thread-safe.
 */
final class MergeLearner {

    private final int[][] symbols;
    private final int[] lengths;
    private final long[] frequencies;
    private final int[] lastStepOfWord;
    private final long minFrequency;
    private final PairStatistics pairs;
    private final PriorityQueue<PairCandidate> queue;
    private int[] touchedSlots = new int[64];
    private int touchedCount;

    private MergeLearner(WordFrequencies words, long minFrequency) {
        int wordCount = words.distinctWords();
        this.symbols = new int[wordCount][];
        this.lengths = new int[wordCount];
        this.frequencies = new long[wordCount];
        this.lastStepOfWord = new int[wordCount];
        Arrays.fill(lastStepOfWord, -1);
        this.minFrequency = minFrequency;
        int[] next = {0};
        words.forEach((word, count) -> {
            int index = next[0]++;
            symbols[index] = word;
            lengths[index] = word.length;
            frequencies[index] = count;
        });
        // Distinct pairs grow far slower than words; start modest and let the table double as needed.
        this.pairs = new PairStatistics((int) Math.min(4L * wordCount, 1 << 20));
        this.queue = new PriorityQueue<>(countInitialPairs());
    }

    /**
     * Learns at most {@code maxMerges} merges; fewer when no pair reaches {@code minFrequency}.
     * The merge at position {@code i} introduces id {@code baseVocabSize + i}.
     */
    static List<Merge> learn(WordFrequencies words, int baseVocabSize, int maxMerges, long minFrequency) {
        return new MergeLearner(words, minFrequency).run(baseVocabSize, maxMerges);
    }

    private List<PairCandidate> countInitialPairs() {
        for (int word = 0; word < symbols.length; word++) {
            int[] ids = symbols[word];
            long frequency = frequencies[word];
            for (int i = 0; i + 1 < lengths[word]; i++) {
                int slot = pairs.addCount(PairKey.pack(ids[i], ids[i + 1]), frequency);
                pairs.recordWord(slot, word);
            }
        }
        List<PairCandidate> candidates = new ArrayList<>();
        for (int slot = 0; slot < pairs.slotCount(); slot++) {
            if (pairs.count(slot) >= minFrequency) {
                candidates.add(new PairCandidate(pairs.pair(slot), slot, pairs.count(slot)));
            }
        }
        return candidates;
    }

    private List<Merge> run(int baseVocabSize, int maxMerges) {
        List<Merge> merges = new ArrayList<>();
        while (merges.size() < maxMerges) {
            PairCandidate best = pollBest();
            if (best == null) {
                break;
            }
            int step = merges.size();
            merges.add(new Merge(PairKey.left(best.pair()), PairKey.right(best.pair())));
            applyMerge(best.slot(), baseVocabSize + step, step);
        }
        return merges;
    }

    /** The pair with the highest current count, or null when none reaches the minimum frequency. */
    private PairCandidate pollBest() {
        PairCandidate candidate;
        while ((candidate = queue.poll()) != null) {
            long current = pairs.count(candidate.slot());
            if (current == candidate.count()) {
                return candidate;
            }
            if (current >= minFrequency) {
                queue.add(new PairCandidate(candidate.pair(), candidate.slot(), current));
            }
        }
        return null;
    }

    private void applyMerge(int slot, int newId, int step) {
        long pair = pairs.pair(slot);
        int left = PairKey.left(pair);
        int right = PairKey.right(pair);
        // The merged pair's own list never grows during its step: every pair created now contains newId.
        int[] wordList = pairs.words(slot);
        int listSize = pairs.wordListSize(slot);
        for (int i = 0; i < listSize; i++) {
            int word = wordList[i];
            if (lastStepOfWord[word] != step) {
                lastStepOfWord[word] = step;
                mergeInWord(word, left, right, newId, step);
            }
        }
        // No later merge can recreate this adjacency, so its list is dead weight from now on.
        pairs.releaseWords(slot);
        for (int i = 0; i < touchedCount; i++) {
            int touched = touchedSlots[i];
            long count = pairs.count(touched);
            if (count >= minFrequency) {
                queue.add(new PairCandidate(pairs.pair(touched), touched, count));
            }
        }
        touchedCount = 0;
    }

    /**
     * Replaces every non-overlapping occurrence of (left, right) in {@code word}, scanning left to
     * right, and moves the counts of the neighbouring pairs from the old adjacency to the new one.
     */
    private void mergeInWord(int word, int left, int right, int newId, int step) {
        int[] ids = symbols[word];
        int length = lengths[word];
        long frequency = frequencies[word];
        int out = 0;
        int in = 0;
        while (in < length) {
            if (in + 1 < length && ids[in] == left && ids[in + 1] == right) {
                if (out > 0) {
                    // ids[out - 1] may be newId from a merge just before; its pair is then undone here.
                    int previous = ids[out - 1];
                    pairs.addCount(PairKey.pack(previous, left), -frequency);
                    gain(PairKey.pack(previous, newId), frequency, word, step);
                }
                if (in + 2 < length) {
                    int next = ids[in + 2];
                    pairs.addCount(PairKey.pack(right, next), -frequency);
                    gain(PairKey.pack(newId, next), frequency, word, step);
                }
                pairs.addCount(PairKey.pack(left, right), -frequency);
                ids[out++] = newId;
                in += 2;
            } else {
                ids[out++] = ids[in++];
            }
        }
        lengths[word] = out;
    }

    private void gain(long pair, long frequency, int word, int step) {
        int slot = pairs.addCount(pair, frequency);
        pairs.recordWord(slot, word);
        if (pairs.markTouched(slot, step)) {
            if (touchedCount == touchedSlots.length) {
                touchedSlots = Arrays.copyOf(touchedSlots, touchedCount * 2);
            }
            touchedSlots[touchedCount++] = slot;
        }
    }
}
