package org.musai.token.bpe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A deliberately naive BPE, written independently of the production code, that recounts every
 * pair of every word before each merge; the property tests compare the fast trainer against it.
 */
final class ReferenceBpe {

    private ReferenceBpe() {
    }

    /** Splits a document into words: a new word before every word-start id, unmergeable ids alone. */
    static List<List<Integer>> words(int[] document, IntPredicate startsWord, IntPredicate unmergeable) {
        List<List<Integer>> words = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        for (int id : document) {
            if (unmergeable.test(id)) {
                if (!current.isEmpty()) {
                    words.add(current);
                    current = new ArrayList<>();
                }
                words.add(new ArrayList<>(List.of(id)));
            } else {
                if (startsWord.test(id) && !current.isEmpty()) {
                    words.add(current);
                    current = new ArrayList<>();
                }
                current.add(id);
            }
        }
        if (!current.isEmpty()) {
            words.add(current);
        }
        return words;
    }

    static List<Merge> train(List<int[]> corpus, int baseVocabSize, int targetVocabSize,
                             IntPredicate startsWord, IntPredicate unmergeable, int minFrequency) {
        List<List<Integer>> allWords = new ArrayList<>();
        for (int[] document : corpus) {
            allWords.addAll(words(document, startsWord, unmergeable));
        }
        List<Merge> merges = new ArrayList<>();
        while (baseVocabSize + merges.size() < targetVocabSize) {
            Map<List<Integer>, Long> pairCounts = new LinkedHashMap<>();
            for (List<Integer> word : allWords) {
                for (int i = 0; i + 1 < word.size(); i++) {
                    pairCounts.merge(List.of(word.get(i), word.get(i + 1)), 1L, Long::sum);
                }
            }
            List<Integer> best = null;
            long bestCount = 0;
            for (Map.Entry<List<Integer>, Long> entry : pairCounts.entrySet()) {
                List<Integer> pair = entry.getKey();
                long count = entry.getValue();
                if (best == null || count > bestCount || (count == bestCount && comesFirst(pair, best))) {
                    best = pair;
                    bestCount = count;
                }
            }
            if (best == null || bestCount < minFrequency) {
                break;
            }
            int newId = baseVocabSize + merges.size();
            merges.add(new Merge(best.get(0), best.get(1)));
            for (List<Integer> word : allWords) {
                applyMerge(word, best.get(0), best.get(1), newId);
            }
        }
        return merges;
    }

    /** Encodes by applying every merge, in order, to every word. */
    static int[] encode(int[] document, int baseVocabSize, List<Merge> merges,
                        IntPredicate startsWord, IntPredicate unmergeable) {
        List<Integer> encoded = new ArrayList<>();
        for (List<Integer> word : words(document, startsWord, unmergeable)) {
            for (int rank = 0; rank < merges.size(); rank++) {
                applyMerge(word, merges.get(rank).left(), merges.get(rank).right(), baseVocabSize + rank);
            }
            encoded.addAll(word);
        }
        return encoded.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean comesFirst(List<Integer> pair, List<Integer> other) {
        int byLeft = Integer.compare(pair.get(0), other.get(0));
        return byLeft != 0 ? byLeft < 0 : pair.get(1) < other.get(1);
    }

    private static void applyMerge(List<Integer> word, int left, int right, int newId) {
        List<Integer> merged = new ArrayList<>(word.size());
        int i = 0;
        while (i < word.size()) {
            if (i + 1 < word.size() && word.get(i) == left && word.get(i + 1) == right) {
                merged.add(newId);
                i += 2;
            } else {
                merged.add(word.get(i));
                i++;
            }
        }
        word.clear();
        word.addAll(merged);
    }
}
