package org.musai.token.bpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of training and encoding over random small corpora, checked against {@link ReferenceBpe}. */
class BpeRoundTripPropertyTest {

    /** A random corpus with random word rules, a target size and a sequence to encode afterwards. */
    record Scenario(int baseVocabSize, List<int[]> corpus, Set<Integer> wordStarts, Set<Integer> unmergeable,
                    int targetVocabSize, int minFrequency, int[] probe) {

        IntPredicate startsWordRule() {
            return wordStarts::contains;
        }

        IntPredicate unmergeableRule() {
            return unmergeable::contains;
        }

        BpeModel train() {
            BpeTrainer trainer = new BpeTrainer(baseVocabSize, startsWordRule(), unmergeableRule(), minFrequency);
            trainer.addAll(corpus);
            return trainer.train(targetVocabSize);
        }

        @Override
        public String toString() {
            return "Scenario[base=" + baseVocabSize + ", target=" + targetVocabSize + ", minFrequency=" + minFrequency
                    + ", wordStarts=" + wordStarts + ", unmergeable=" + unmergeable
                    + ", corpus=" + corpus.stream().map(java.util.Arrays::toString).collect(Collectors.joining(" "))
                    + ", probe=" + java.util.Arrays.toString(probe) + "]";
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.integers().between(1, 8).flatMap(base -> {
            Arbitrary<int[]> document = Arbitraries.integers().between(0, base - 1).list().ofMaxSize(40)
                    .map(ids -> ids.stream().mapToInt(Integer::intValue).toArray());
            Arbitrary<Set<Integer>> someIds = Arbitraries.integers().between(0, base - 1).set().ofMaxSize(2);
            return Combinators.combine(
                    document.list().ofMinSize(1).ofMaxSize(15),
                    someIds,
                    someIds,
                    Arbitraries.integers().between(0, 40),
                    Arbitraries.integers().between(1, 3),
                    document
            ).as((corpus, starts, unmergeable, extra, minFrequency, probe) ->
                    new Scenario(base, corpus, starts, unmergeable, base + extra, minFrequency, probe));
        });
    }

    @Property
    void decodingAnEncodingGivesBackTheInput(@ForAll("scenarios") Scenario scenario) {
        BpeModel model = scenario.train();

        for (int[] document : scenario.corpus()) {
            assertThat(model.decode(model.encode(document))).isEqualTo(new Decoded(document, 0));
        }
        assertThat(model.decode(model.encode(scenario.probe()))).isEqualTo(new Decoded(scenario.probe(), 0));
    }

    @Property
    void vocabularyNeverExceedsTheTargetAndEncodedIdsStayInside(@ForAll("scenarios") Scenario scenario) {
        BpeModel model = scenario.train();

        assertThat(model.vocabSize()).isLessThanOrEqualTo(scenario.targetVocabSize());
        int[] encoded = model.encode(scenario.probe());
        assertThat(encoded.length).isLessThanOrEqualTo(scenario.probe().length);
        for (int id : encoded) {
            assertThat(id).isBetween(0, model.vocabSize() - 1);
        }
    }

    @Property
    void mergesNeverContainUnmergeableIdsNorSpanAWordStart(@ForAll("scenarios") Scenario scenario) {
        BpeModel model = scenario.train();

        for (int id = model.baseVocabSize(); id < model.vocabSize(); id++) {
            int[] expansion = model.expansion(id);
            for (int i = 0; i < expansion.length; i++) {
                assertThat(scenario.unmergeable()).doesNotContain(expansion[i]);
                if (i > 0) {
                    assertThat(scenario.wordStarts()).doesNotContain(expansion[i]);
                }
            }
        }
    }

    @Property
    void incrementalTrainingLearnsExactlyWhatFullRecountingLearns(@ForAll("scenarios") Scenario scenario) {
        List<Merge> expected = ReferenceBpe.train(scenario.corpus(), scenario.baseVocabSize(),
                scenario.targetVocabSize(), scenario.startsWordRule(), scenario.unmergeableRule(),
                scenario.minFrequency());

        assertThat(scenario.train().merges()).isEqualTo(expected);
    }

    @Property
    void rankOrderedEncodingEqualsApplyingEveryMergeInTurn(@ForAll("scenarios") Scenario scenario) {
        BpeModel model = scenario.train();

        int[] expected = ReferenceBpe.encode(scenario.probe(), scenario.baseVocabSize(), model.merges(),
                scenario.startsWordRule(), scenario.unmergeableRule());

        assertThat(model.encode(scenario.probe())).isEqualTo(expected);
        for (int[] document : scenario.corpus()) {
            assertThat(model.encode(document)).isEqualTo(ReferenceBpe.encode(document, scenario.baseVocabSize(),
                    model.merges(), scenario.startsWordRule(), scenario.unmergeableRule()));
        }
    }

    @Property
    void decodingArbitraryIdsNeverThrowsAndCountsTheUnknownOnes(
            @ForAll("scenarios") Scenario scenario, @ForAll int[] garbage) {
        BpeModel model = scenario.train();

        Decoded decoded = model.decode(garbage);

        long unknown = java.util.Arrays.stream(garbage).filter(id -> id < 0 || id >= model.vocabSize()).count();
        assertThat(decoded.skipped()).isEqualTo(unknown);
        for (int id : decoded.ids()) {
            assertThat(id).isBetween(0, model.baseVocabSize() - 1);
        }
    }
}
