package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.token.binidx.BinIdxDtype;
import org.musai.token.binidx.BinIdxReader;
import org.musai.token.binidx.BinIdxWriter;

/** Held-out documents and their windows: all of them, the trainer's first ones, and a seeded sample. */
class TrainingDataTest {

    private static final int DOCUMENTS = 20;
    private static final int LENGTH = 30;
    private static final int CTX = 8;

    @TempDir
    Path temp;

    private BinIdxReader tokens() throws Exception {
        Path prefix = temp.resolve("tokens");
        try (BinIdxWriter writer = BinIdxWriter.create(prefix, BinIdxDtype.forVocabularySize(1000))) {
            for (int d = 0; d < DOCUMENTS; d++) {
                int[] ids = new int[LENGTH];
                for (int i = 0; i < LENGTH; i++) {
                    ids[i] = 10 * d + i % 10 + 1;
                }
                writer.add(ids);
            }
        }
        return BinIdxReader.open(prefix);
    }

    @Test
    void heldOutDocumentsMakeWindowsWithAStrideOfTheContext() throws Exception {
        try (BinIdxReader tokens = tokens()) {
            TrainingData data = TrainingData.byDocument(tokens, CTX, 0.25, 1);
            List<Integer> held = data.validationDocuments();
            assertThat(held).hasSize(5).isSorted();
            // windows start at 0, 8, 16 and 24 of each 30-token document
            assertThat(data.validationWindowCount()).isEqualTo(20);
            List<TrainingData.Batch> all = data.sampledValidationBatches(4, 0, 7);
            assertThat(all.stream().mapToInt(TrainingData.Batch::size).sum()).isEqualTo(20);
            // each held-out token but a document's first is a target once: 5 x 29
            assertThat(all.stream().mapToInt(TrainingData.Batch::tokenCount).sum()).isEqualTo(5 * (LENGTH - 1));
            assertThat(inputs(data.validationBatches(4))).isEqualTo(inputs(all));
        }
    }

    @Test
    void aSampleIsSeededAndAsLargeAsAskedFor() throws Exception {
        try (BinIdxReader tokens = tokens()) {
            TrainingData data = TrainingData.byDocument(tokens, CTX, 0.25, 1);
            List<TrainingData.Batch> sample = data.sampledValidationBatches(4, 6, 7);
            assertThat(sample.stream().mapToInt(TrainingData.Batch::size).sum()).isEqualTo(6);
            assertThat(inputs(data.sampledValidationBatches(4, 6, 7))).isEqualTo(inputs(sample));
            assertThat(inputs(data.sampledValidationBatches(4, 6, 8))).isNotEqualTo(inputs(sample));
            assertThat(data.sampledValidationBatches(4, 100, 7).stream().mapToInt(TrainingData.Batch::size).sum())
                    .isEqualTo(20);
        }
    }

    private static String inputs(List<TrainingData.Batch> batches) {
        StringBuilder text = new StringBuilder();
        batches.forEach(b -> text.append(Arrays.toString(b.inputs())));
        return text.toString();
    }
}
