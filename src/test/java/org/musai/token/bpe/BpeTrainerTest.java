package org.musai.token.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class BpeTrainerTest {

    private static final IntPredicate NONE = id -> false;

    private static BpeModel train(int base, int target, IntPredicate startsWord, IntPredicate unmergeable,
                                  int[]... documents) {
        BpeTrainer trainer = new BpeTrainer(base, startsWord, unmergeable);
        for (int[] document : documents) {
            trainer.add(document);
        }
        return trainer.train(target);
    }

    @Test
    void learnsTheMostFrequentPairFirstAndStopsWhenNoPairRepeats() {
        // Pairs: (1,2)x4, (2,3)x2, (2,4)x1, (4,1)x1. After (1,2)->5 the words are [5,3] [5,3] [5,4,5]:
        // (5,3)x2 is merged into 6, leaving only pairs seen once.
        BpeModel model = train(5, 100, NONE, NONE,
                new int[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {1, 2, 4, 1, 2});

        assertThat(model.merges()).containsExactly(new Merge(1, 2), new Merge(5, 3));
        assertThat(model.vocabSize()).isEqualTo(7);
        assertThat(model.expansion(6)).containsExactly(1, 2, 3);
        assertThat(model.encode(new int[] {1, 2, 3, 1, 2, 0, 2, 3})).containsExactly(6, 5, 0, 2, 3);
        assertThat(model.decode(new int[] {6, 5, 0, 2, 3}).ids()).containsExactly(1, 2, 3, 1, 2, 0, 2, 3);
    }

    @Test
    void stopsAtTheTargetVocabularySize() {
        BpeModel model = train(5, 6, NONE, NONE,
                new int[] {1, 2, 3}, new int[] {1, 2, 3}, new int[] {1, 2, 4, 1, 2});

        assertThat(model.merges()).containsExactly(new Merge(1, 2));
        assertThat(model.vocabSize()).isEqualTo(6);
    }

    @Test
    void breaksCountTiesBySmallerLeftIdThenSmallerRightId() {
        BpeModel model = train(10, 100, NONE, NONE,
                new int[] {7, 8}, new int[] {7, 8}, new int[] {3, 9}, new int[] {3, 9},
                new int[] {3, 4}, new int[] {3, 4});

        assertThat(model.merges()).containsExactly(new Merge(3, 4), new Merge(3, 9), new Merge(7, 8));
    }

    @Test
    void countsOverlappingRunsAsTheirAdjacentPairs() {
        // [1,1,1,1] holds (1,1) three times; merged left to right it becomes [10,10], then [11].
        BpeModel model = train(10, 100, NONE, NONE, new int[] {1, 1, 1, 1}, new int[] {1, 1, 1, 1});

        assertThat(model.merges()).containsExactly(new Merge(1, 1), new Merge(10, 10));
        assertThat(model.encode(new int[] {1, 1, 1, 1, 1})).containsExactly(11, 1);
    }

    @Test
    void theSameCorpusAlwaysGivesTheSameMerges() {
        List<int[]> corpus = SyntheticMidiCorpus.generate(7, 50_000);
        BpeTrainer first = SyntheticMidiCorpus.newTrainer();
        BpeTrainer second = SyntheticMidiCorpus.newTrainer();
        first.addAll(corpus);
        // Reverse order: the distinct-word table's iteration order must not matter either.
        List<int[]> reversed = new ArrayList<>(corpus);
        Collections.reverse(reversed);
        second.addAll(reversed);

        List<Merge> merges = first.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 300).merges();

        assertThat(merges).hasSize(300);
        assertThat(second.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 300).merges()).isEqualTo(merges);
        assertThat(first.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 300).merges())
                .as("training again from the same trainer").isEqualTo(merges);
    }

    @Test
    void noMergeSpansAWordStart() {
        // Without the boundary, (1,0) would be as frequent as (0,1) and merged too.
        BpeModel model = train(5, 100, id -> id == 0, NONE,
                new int[] {0, 1, 0, 1, 0, 1, 0, 1}, new int[] {2, 0, 1, 2, 0, 1});

        assertThat(model.merges()).isNotEmpty();
        for (int id = model.baseVocabSize(); id < model.vocabSize(); id++) {
            int[] expansion = model.expansion(id);
            for (int i = 1; i < expansion.length; i++) {
                assertThat(expansion[i]).as("position %d of the expansion of %d", i, id).isNotZero();
            }
        }
        assertThat(model.merges()).doesNotContain(new Merge(1, 0));
        assertThat(model.encode(new int[] {0, 1, 0, 1})).containsExactly(5, 5);
    }

    @Test
    void unmergeableIdsAreNeverPartOfAMerge() {
        BpeModel model = train(5, 100, NONE, id -> id == 4,
                new int[] {4, 4, 4, 4, 1, 4, 1, 4, 2, 3}, new int[] {4, 4, 1, 4, 2, 3});

        assertThat(model.merges()).containsExactly(new Merge(2, 3));
        assertThat(model.encode(new int[] {4, 4, 2, 3, 4})).containsExactly(4, 4, 5, 4);
    }

    @Test
    void minimumFrequencyDecidesWhichPairsAreWorthMerging() {
        int[][] corpus = {{1, 2}, {1, 2}, {3, 4}};

        assertThat(train(5, 100, NONE, NONE, corpus).merges()).containsExactly(new Merge(1, 2));
        BpeTrainer everything = new BpeTrainer(5, NONE, NONE, 1);
        for (int[] document : corpus) {
            everything.add(document);
        }
        assertThat(everything.train(100).merges()).containsExactly(new Merge(1, 2), new Merge(3, 4));
        BpeTrainer strict = new BpeTrainer(5, NONE, NONE, 3);
        for (int[] document : corpus) {
            strict.add(document);
        }
        assertThat(strict.train(100).merges()).isEmpty();
    }

    @Test
    void streamingThroughAddAllEqualsAddingOneByOne() {
        List<int[]> corpus = SyntheticMidiCorpus.generate(11, 20_000);
        BpeTrainer streamed = SyntheticMidiCorpus.newTrainer();
        streamed.addAll(corpus::iterator);
        BpeTrainer oneByOne = SyntheticMidiCorpus.newTrainer();
        corpus.forEach(oneByOne::add);

        assertThat(streamed.documentCount()).isEqualTo(corpus.size());
        assertThat(streamed.tokenCount()).isEqualTo(corpus.stream().mapToLong(d -> d.length).sum());
        assertThat(streamed.distinctWordCount()).isEqualTo(oneByOne.distinctWordCount()).isPositive();
        assertThat(streamed.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 100).merges())
                .isEqualTo(oneByOne.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 100).merges());
    }

    @Test
    void aTargetEqualToTheBaseSizeLearnsNothingAndASmallerOneIsRejected() {
        BpeTrainer trainer = new BpeTrainer(5, NONE, NONE);
        trainer.add(new int[] {1, 2, 1, 2, 1, 2});

        assertThat(trainer.train(5).merges()).isEmpty();
        assertThatThrownBy(() -> trainer.train(4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below the base vocabulary size");
    }

    @Test
    void rejectsIdsOutsideTheBaseVocabularyWithoutCountingTheDocument() {
        BpeTrainer trainer = new BpeTrainer(5, NONE, NONE, 1);

        assertThatThrownBy(() -> trainer.add(new int[] {1, 2, 5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 5 at position 2");
        assertThatThrownBy(() -> trainer.add(new int[] {1, 2, 3, -1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(trainer.documentCount()).isZero();
        assertThat(trainer.distinctWordCount()).isZero();
        assertThat(trainer.train(10).merges()).isEmpty();
    }

    @Test
    void rejectsAMinimumFrequencyBelowOne() {
        assertThatThrownBy(() -> new BpeTrainer(5, NONE, NONE, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
