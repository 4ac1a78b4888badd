package org.musai.token.bpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shows that training is incremental: 2,000 merges over 2,000,000 ids finish in seconds, where a
 * rescan per merge would touch four billion ids. The time is printed, not asserted, so a slow
 * CI machine cannot make it flaky.
 */
class BpeTrainingSpeedTest {

    private static final int CORPUS_IDS = 2_000_000;
    private static final int MERGES = 2_000;

    @Test
    void learnsTwoThousandMergesOverTwoMillionIds() {
        List<int[]> corpus = SyntheticMidiCorpus.generate(42, CORPUS_IDS);

        long start = System.nanoTime();
        BpeTrainer trainer = SyntheticMidiCorpus.newTrainer();
        trainer.addAll(corpus);
        long counted = System.nanoTime();
        BpeModel model = trainer.train(SyntheticMidiCorpus.BASE_VOCAB_SIZE + MERGES);
        long trained = System.nanoTime();
        long encodedIds = 0;
        for (int[] document : corpus) {
            int[] encoded = model.encode(document);
            encodedIds += encoded.length;
            assertThat(model.decode(encoded).ids()).isEqualTo(document);
        }
        long encoded = System.nanoTime();

        System.out.printf("BPE speed: %,d ids in %,d documents, %,d distinct words; counting %,d ms, "
                        + "%,d merges %,d ms, encode+decode %,d ms; %,d ids encoded to %,d (%.2fx)%n",
                trainer.tokenCount(), trainer.documentCount(), trainer.distinctWordCount(),
                (counted - start) / 1_000_000, model.merges().size(), (trained - counted) / 1_000_000,
                (encoded - trained) / 1_000_000, trainer.tokenCount(), encodedIds,
                (double) trainer.tokenCount() / encodedIds);
        assertThat(trainer.tokenCount()).isEqualTo(CORPUS_IDS);
        assertThat(model.merges()).hasSize(MERGES);
        assertThat(encodedIds).isLessThan(CORPUS_IDS);
    }
}
