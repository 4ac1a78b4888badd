package org.musai.token.bpe;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An immutable, thread-safe set of learned merges that encodes base-id sequences and decodes them back.
 *
 * <p>Ids {@code 0 .. baseVocabSize-1} are base ids; merge {@code i} of {@link #merges()} introduces
 * id {@code baseVocabSize + i}. Encoding splits a document into words exactly as training did
 * and, within each word, repeatedly merges the adjacent pair of lowest rank (GPT-2 style), which
 * reproduces the training-time segmentation. {@code decode(encode(x))} equals {@code x} for every
 * valid base sequence, including sequences with ids that training never saw.
 *
 * <p>The word predicates must be pure (stateless, thread-safe) functions of the id.
 */
public final class BpeModel {

    /** How many distinct words the encode cache holds at most (roughly 10-20 MiB for bar-sized words). */
    static final int WORD_CACHE_CAPACITY = 65_536;

    private final WordSplitter splitter;
    private final List<Merge> merges;
    private final LongIntHashMap rankByPair;
    private final int[][] expansions;
    private final WordCache wordCache = new WordCache(WORD_CACHE_CAPACITY);

    private BpeModel(WordSplitter splitter, List<Merge> merges, LongIntHashMap rankByPair, int[][] expansions) {
        this.splitter = splitter;
        this.merges = merges;
        this.rankByPair = rankByPair;
        this.expansions = expansions;
    }

    /**
     * Rebuilds a model from merges, for example ones the caller stored as JSON.
     *
     * @param baseVocabSize the number of base ids; at least 1
     * @param merges        the merges in rank order; merge {@code i} introduces id {@code baseVocabSize + i}
     * @param startsWord    the word-start predicate the merges were learned with
     * @param unmergeable   the unmergeable predicate the merges were learned with
     * @throws IllegalArgumentException if a merge refers to an id that does not exist yet, repeats an
     *                                  earlier pair, contains an unmergeable id, or would span a word start
     */
    public static BpeModel of(int baseVocabSize, List<Merge> merges, IntPredicate startsWord, IntPredicate unmergeable) {
        return of(new WordSplitter(baseVocabSize, startsWord, unmergeable), merges);
    }

    static BpeModel of(WordSplitter splitter, List<Merge> merges) {
        List<Merge> ordered = List.copyOf(Objects.requireNonNull(merges, "merges"));
        int baseVocabSize = splitter.baseVocabSize();
        if ((long) baseVocabSize + ordered.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("vocabulary of " + baseVocabSize + " + " + ordered.size()
                    + " merges does not fit in int ids");
        }
        int vocabSize = baseVocabSize + ordered.size();
        int[][] expansions = new int[vocabSize][];
        for (int id = 0; id < baseVocabSize; id++) {
            expansions[id] = new int[] {id};
        }
        LongIntHashMap rankByPair = new LongIntHashMap(ordered.size());
        for (int rank = 0; rank < ordered.size(); rank++) {
            Merge merge = ordered.get(rank);
            int newId = baseVocabSize + rank;
            if (merge.left() >= newId || merge.right() >= newId) {
                throw new IllegalArgumentException("merge " + rank + " " + merge
                        + " refers to an id not defined before id " + newId);
            }
            long pair = PairKey.pack(merge.left(), merge.right());
            if (rankByPair.get(pair) != LongIntHashMap.ABSENT) {
                throw new IllegalArgumentException("merge " + rank + " " + merge + " repeats merge "
                        + rankByPair.get(pair));
            }
            rankByPair.put(pair, rank);
            int[] expansion = concat(expansions[merge.left()], expansions[merge.right()]);
            requireMergeable(splitter, expansion, rank, merge);
            expansions[newId] = expansion;
        }
        return new BpeModel(splitter, ordered, rankByPair, expansions);
    }

    /** Rejects merges that training could never have produced, since encoding could never apply them. */
    private static void requireMergeable(WordSplitter splitter, int[] expansion, int rank, Merge merge) {
        for (int i = 0; i < expansion.length; i++) {
            int id = expansion[i];
            if (splitter.unmergeable(id)) {
                throw new IllegalArgumentException("merge " + rank + " " + merge + " contains unmergeable id " + id);
            }
            if (i > 0 && splitter.startsWord(id)) {
                throw new IllegalArgumentException("merge " + rank + " " + merge
                        + " spans the start of a word at id " + id);
            }
        }
    }

    private static int[] concat(int[] first, int[] second) {
        int[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** The number of base ids. */
    public int baseVocabSize() {
        return splitter.baseVocabSize();
    }

    /** The number of ids this model can emit: base ids plus one per merge. */
    public int vocabSize() {
        return expansions.length;
    }

    /** The merges in rank order; merge {@code i} introduces id {@code baseVocabSize() + i}. Unmodifiable. */
    public List<Merge> merges() {
        return merges;
    }

    /**
     * The base ids that {@code id} stands for: itself for a base id, the recursive expansion for a merged id.
     *
     * @return a fresh array
     * @throws IllegalArgumentException if {@code id} is negative or not below {@link #vocabSize()}
     */
    public int[] expansion(int id) {
        if (id < 0 || id >= expansions.length) {
            throw new IllegalArgumentException("id " + id + " is outside the vocabulary [0, " + expansions.length + ")");
        }
        return expansions[id].clone();
    }

    /**
     * Encodes a document of base ids into model ids.
     *
     * @param baseIds ids in {@code [0, baseVocabSize())}; only read
     * @return a fresh array, never longer than the input
     * @throws IllegalArgumentException if an id is outside the base vocabulary (it would be
     *                                  indistinguishable from a merged id)
     */
    public int[] encode(int[] baseIds) {
        Objects.requireNonNull(baseIds, "baseIds");
        int[] encoded = new int[baseIds.length];
        int[] size = {0};
        splitter.forEachWord(baseIds, (document, from, to) -> {
            if (to - from == 1) {
                encoded[size[0]++] = document[from];
                return;
            }
            int[] word = encodeWord(document, from, to);
            System.arraycopy(word, 0, encoded, size[0], word.length);
            size[0] += word.length;
        });
        return size[0] == encoded.length ? encoded : Arrays.copyOf(encoded, size[0]);
    }

    private int[] encodeWord(int[] document, int from, int to) {
        IntSequence key = IntSequence.copyOf(document, from, to);
        int[] cached = wordCache.get(key);
        if (cached == null) {
            cached = mergeByRank(key.toArray());
            wordCache.offer(key, cached);
        }
        return cached;
    }

    /**
     * Applies merges to one word: while some adjacent pair has a rank, merge every occurrence of
     * the lowest-ranked one, left to right. A merge only creates pairs with its own, newer id, so
     * ranks are applied in increasing order, exactly as training applied them.
     */
    private int[] mergeByRank(int[] ids) {
        int length = ids.length;
        while (length > 1) {
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < length; i++) {
                int rank = rankByPair.get(PairKey.pack(ids[i], ids[i + 1]));
                if (rank != LongIntHashMap.ABSENT && rank < bestRank) {
                    bestRank = rank;
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            Merge merge = merges.get(bestRank);
            int newId = splitter.baseVocabSize() + bestRank;
            int out = 0;
            int in = 0;
            while (in < length) {
                if (in + 1 < length && ids[in] == merge.left() && ids[in + 1] == merge.right()) {
                    ids[out++] = newId;
                    in += 2;
                } else {
                    ids[out++] = ids[in++];
                }
            }
            length = out;
        }
        return length == ids.length ? ids : Arrays.copyOf(ids, length);
    }

    /**
     * Expands model ids back to base ids. Ids that are negative or not below {@link #vocabSize()}
     * (for example sampled from a larger model head) are skipped and counted instead of failing.
     *
     * @param ids model ids; only read
     * @throws IllegalArgumentException if the expansion would not fit in one Java array
     */
    public Decoded decode(int[] ids) {
        Objects.requireNonNull(ids, "ids");
        long total = 0;
        int skipped = 0;
        for (int id : ids) {
            if (id >= 0 && id < expansions.length) {
                total += expansions[id].length;
            } else {
                skipped++;
            }
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("decoded length " + total + " exceeds the largest Java array");
        }
        int[] decoded = new int[(int) total];
        int size = 0;
        for (int id : ids) {
            if (id >= 0 && id < expansions.length) {
                int[] expansion = expansions[id];
                System.arraycopy(expansion, 0, decoded, size, expansion.length);
                size += expansion.length;
            }
        }
        return new Decoded(decoded, skipped);
    }

    @Override
    public String toString() {
        return "BpeModel[baseVocabSize=" + baseVocabSize() + ", merges=" + merges.size() + "]";
    }
}
