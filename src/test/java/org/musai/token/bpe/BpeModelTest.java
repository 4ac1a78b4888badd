package org.musai.token.bpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class BpeModelTest {

    private static final IntPredicate NONE = id -> false;

    /** Base ids 0..4; 5 = (1,2), 6 = (5,3) = 1 2 3, 7 = (6,6) = 1 2 3 1 2 3. */
    private static BpeModel handMadeModel() {
        return BpeModel.of(5, List.of(new Merge(1, 2), new Merge(5, 3), new Merge(6, 6)), NONE, NONE);
    }

    @Test
    void describesItsVocabulary() {
        BpeModel model = handMadeModel();

        assertThat(model.baseVocabSize()).isEqualTo(5);
        assertThat(model.vocabSize()).isEqualTo(8);
        assertThat(model.merges()).containsExactly(new Merge(1, 2), new Merge(5, 3), new Merge(6, 6));
        assertThat(model.expansion(4)).containsExactly(4);
        assertThat(model.expansion(7)).containsExactly(1, 2, 3, 1, 2, 3);
        assertThatThrownBy(() -> model.expansion(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.expansion(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expansionAndMergesCannotBeChangedFromOutside() {
        BpeModel model = handMadeModel();
        model.expansion(6)[0] = 4;

        assertThat(model.expansion(6)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> model.merges().add(new Merge(0, 0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void encodeAppliesMergesInRankOrder() {
        BpeModel model = handMadeModel();

        assertThat(model.encode(new int[] {1, 2, 3, 1, 2, 3, 1, 2, 3})).containsExactly(7, 6);
        assertThat(model.encode(new int[] {2, 3, 1, 2, 1, 2, 3})).containsExactly(2, 3, 5, 6);
        assertThat(model.encode(new int[] {0, 4, 0})).containsExactly(0, 4, 0);
        assertThat(model.encode(new int[0])).isEmpty();
    }

    @Test
    void encodePrefersTheLowerRankOverTheLeftmostPair() {
        BpeModel model = BpeModel.of(5, List.of(new Merge(2, 3), new Merge(1, 2)), NONE, NONE);

        // (1,2) comes first in the word but (2,3) was learned first, so it wins, as in training.
        assertThat(model.encode(new int[] {1, 2, 3})).containsExactly(1, 5);
        assertThat(model.encode(new int[] {1, 2, 4})).containsExactly(6, 4);
    }

    @Test
    void encodeGivesTheSameResultFromTheCache() {
        BpeModel model = handMadeModel();
        int[] document = {1, 2, 3, 1, 2, 3, 0};

        int[] first = model.encode(document);
        first[0] = 99;

        assertThat(model.encode(document)).containsExactly(7, 0);
    }

    @Test
    void encodeRespectsTheWordRulesTheModelWasBuiltWith() {
        BpeModel model = BpeModel.of(5, List.of(new Merge(1, 2)), id -> id == 1, id -> id == 4);

        // 1 starts a word, so (2,1) could never merge anyway; 4 stands alone.
        assertThat(model.encode(new int[] {1, 2, 1, 2, 4, 1, 2})).containsExactly(5, 5, 4, 5);
    }

    @Test
    void encodeRejectsIdsOutsideTheBaseVocabulary() {
        BpeModel model = handMadeModel();

        assertThatThrownBy(() -> model.encode(new int[] {1, 5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 5 at position 1");
        assertThatThrownBy(() -> model.encode(new int[] {-3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeSkipsAndCountsUnknownIdsInsteadOfThrowing() {
        BpeModel model = handMadeModel();

        Decoded decoded = model.decode(new int[] {-1, 7, 8, 0, Integer.MAX_VALUE, 5, Integer.MIN_VALUE});

        assertThat(decoded.ids()).containsExactly(1, 2, 3, 1, 2, 3, 0, 1, 2);
        assertThat(decoded.skipped()).isEqualTo(4);
        assertThat(decoded.complete()).isFalse();
        assertThat(model.decode(new int[] {6, 4})).isEqualTo(new Decoded(new int[] {1, 2, 3, 4}, 0));
        assertThat(model.decode(new int[] {6, 4}).complete()).isTrue();
        assertThat(model.decode(new int[] {100, 200})).isEqualTo(new Decoded(new int[0], 2));
    }

    @Test
    void ofRejectsMergesThatReferToLaterIds() {
        assertThatThrownBy(() -> BpeModel.of(5, List.of(new Merge(1, 5)), NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not defined before id 5");
        assertThatThrownBy(() -> BpeModel.of(5, List.of(new Merge(1, 2), new Merge(6, 1)), NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofRejectsARepeatedPair() {
        assertThatThrownBy(() -> BpeModel.of(5, List.of(new Merge(1, 2), new Merge(1, 2)), NONE, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeats merge 0");
    }

    @Test
    void ofRejectsMergesThatTrainingCouldNeverHaveLearned() {
        assertThatThrownBy(() -> BpeModel.of(5, List.of(new Merge(1, 4)), NONE, id -> id == 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unmergeable id 4");
        assertThatThrownBy(() -> BpeModel.of(5, List.of(new Merge(2, 3), new Merge(1, 5)), id -> id == 2, NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spans the start of a word at id 2");
        assertThat(BpeModel.of(5, List.of(new Merge(2, 3), new Merge(5, 1)), id -> id == 2, NONE).vocabSize())
                .as("a word-start id may begin a merge").isEqualTo(7);
    }

    @Test
    void ofRejectsInvalidArguments() {
        assertThatThrownBy(() -> BpeModel.of(0, List.of(), NONE, NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Merge(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BpeModel.of(5, null, NONE, NONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BpeModel.of(5, List.of(), null, NONE)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aModelRebuiltFromItsMergesEncodesIdentically() {
        List<int[]> corpus = SyntheticMidiCorpus.generate(3, 30_000);
        BpeTrainer trainer = SyntheticMidiCorpus.newTrainer();
        trainer.addAll(corpus);
        BpeModel trained = trainer.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 200);

        BpeModel rebuilt = BpeModel.of(trained.baseVocabSize(), new ArrayList<>(trained.merges()),
                id -> id == SyntheticMidiCorpus.BAR, SyntheticMidiCorpus::isSpecial);

        for (int[] document : corpus) {
            assertThat(rebuilt.encode(document)).isEqualTo(trained.encode(document));
        }
    }

    @Test
    void concurrentEncodingAgreesWithSequentialEncoding() throws Exception {
        List<int[]> corpus = SyntheticMidiCorpus.generate(5, 100_000);
        BpeTrainer trainer = SyntheticMidiCorpus.newTrainer();
        trainer.addAll(corpus);
        List<Merge> merges = trainer.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + 500).merges();
        BpeModel sequentialModel = BpeModel.of(SyntheticMidiCorpus.BASE_VOCAB_SIZE, merges,
                id -> id == SyntheticMidiCorpus.BAR, SyntheticMidiCorpus::isSpecial);
        BpeModel sharedModel = BpeModel.of(SyntheticMidiCorpus.BASE_VOCAB_SIZE, merges,
                id -> id == SyntheticMidiCorpus.BAR, SyntheticMidiCorpus::isSpecial);
        List<int[]> expected = corpus.stream().map(sequentialModel::encode).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < corpus.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new java.util.Random(thread));
                results.add(pool.submit(() -> {
                    for (int index : order) {
                        int[] encoded = sharedModel.encode(corpus.get(index));
                        if (!java.util.Arrays.equals(encoded, expected.get(index))
                                || !java.util.Arrays.equals(sharedModel.decode(encoded).ids(), corpus.get(index))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
