package org.musai.token.bpe;

import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Accumulates streamed documents of base ids and learns a {@link BpeModel} from them.
 *
 * <p>Documents are split into words as soon as they are added and only the table of distinct
 * words with their counts is kept, so a caller can stream a large corpus from disk:
 * <pre>{@code
 * BpeTrainer trainer = new BpeTrainer(baseVocabSize, id -> id == BAR, id -> id < 4);
 * for (int[] document : documents) trainer.add(document);
 * BpeModel model = trainer.train(8192);
 * }</pre>
 * {@link #train(int)} leaves the accumulated table untouched, so it may be called again, for
 * example with another target size. Not thread-safe: feed one trainer from one thread.
 */
public final class BpeTrainer {

    /** The minimum pair count for a merge unless the caller chooses another: a pair seen once compresses nothing. */
    public static final int DEFAULT_MIN_FREQUENCY = 2;

    private final WordSplitter splitter;
    private final int minFrequency;
    private final WordFrequencies words = new WordFrequencies();
    private long documentCount;
    private long tokenCount;

    /**
     * A trainer that merges pairs seen at least {@link #DEFAULT_MIN_FREQUENCY} times.
     *
     * @param baseVocabSize the number of base ids; documents hold ids in {@code [0, baseVocabSize)}
     * @param startsWord    true for ids before which a new word starts (for example the bar token)
     * @param unmergeable   true for ids that stand alone and are never merged (special tokens)
     */
    public BpeTrainer(int baseVocabSize, IntPredicate startsWord, IntPredicate unmergeable) {
        this(baseVocabSize, startsWord, unmergeable, DEFAULT_MIN_FREQUENCY);
    }

    /**
     * A trainer with an explicit minimum pair count.
     *
     * @param minFrequency the smallest pair count that is still merged; at least 1
     * @see #BpeTrainer(int, IntPredicate, IntPredicate)
     */
    public BpeTrainer(int baseVocabSize, IntPredicate startsWord, IntPredicate unmergeable, int minFrequency) {
        if (minFrequency < 1) {
            throw new IllegalArgumentException("minimum frequency must be at least 1, got " + minFrequency);
        }
        this.splitter = new WordSplitter(baseVocabSize, startsWord, unmergeable);
        this.minFrequency = minFrequency;
    }

    /**
     * Adds one document; the array is only read and may be reused by the caller afterwards.
     *
     * @throws IllegalArgumentException if an id is outside {@code [0, baseVocabSize)}
     */
    public void add(int[] document) {
        Objects.requireNonNull(document, "document");
        // Split into a scratch table first so that a bad id leaves the counts as they were.
        WordFrequencies.Batch batch = words.newBatch();
        splitter.forEachWord(document, batch::add);
        batch.commit();
        documentCount++;
        tokenCount += document.length;
    }

    /** Adds every document of {@code documents}, in iteration order, reading each one once. */
    public void addAll(Iterable<int[]> documents) {
        Objects.requireNonNull(documents, "documents");
        for (int[] document : documents) {
            add(document);
        }
    }

    /** How many documents were added. */
    public long documentCount() {
        return documentCount;
    }

    /** How many base ids the added documents held in total. */
    public long tokenCount() {
        return tokenCount;
    }

    /** How many distinct words of two or more ids the table holds; single ids are not kept. */
    public int distinctWordCount() {
        return words.distinctWords();
    }

    /**
     * Learns merges until the vocabulary reaches {@code targetVocabSize} or no pair occurs at
     * least the minimum frequency, whichever comes first.
     *
     * @param targetVocabSize the largest vocabulary wanted, base ids included; at least the base size
     * @return the model; its {@link BpeModel#vocabSize()} is at most {@code targetVocabSize}
     * @throws IllegalArgumentException if {@code targetVocabSize} is below the base vocabulary size
     */
    public BpeModel train(int targetVocabSize) {
        int baseVocabSize = splitter.baseVocabSize();
        if (targetVocabSize < baseVocabSize) {
            throw new IllegalArgumentException("target vocabulary size " + targetVocabSize
                    + " is below the base vocabulary size " + baseVocabSize);
        }
        List<Merge> merges = MergeLearner.learn(words, baseVocabSize, targetVocabSize - baseVocabSize, minFrequency);
        return BpeModel.of(splitter, merges);
    }
}
