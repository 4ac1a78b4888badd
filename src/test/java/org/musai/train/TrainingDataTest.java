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

    @Test
    void anMmmRunTrainsOnInfillExamplesCutFromItsDocuments() throws Exception {
        Path dataset = temp.resolve("mmm");
        new org.musai.token.dataset.DatasetBuilder().build(new org.musai.token.dataset.DatasetRequest(
                org.musai.token.dataset.SourceFiles.find(org.musai.TestCorpus.bundled(), null), dataset,
                org.musai.token.TokenizerConfig.defaults(org.musai.token.TokenizerConfig.Algorithm.MMM),
                org.musai.midi.InstrumentFilter.defaults(), true, 600, 1), org.musai.progress.ProgressListener.NONE,
                new org.musai.progress.CancellationToken());
        TrainingOptions options = new TrainingOptions(dataset, null, 0, temp.resolve("run"), null, 512, 4, 16, 1, 1,
                1, 1e-3, 0, 0, false, false, 0f, "cpu", 7, 0.1, 10);
        try (TrainingSource source = TrainingSource.open(options);
             TrainingSource none = TrainingSource.open(options.withInfillShare(0.0));
             TrainingSource all = TrainingSource.open(options.withInfillShare(1.0))) {
            assertThat(source.infillShare()).isEqualTo(TrainingOptions.DEFAULT_MMM_INFILL_SHARE);
            org.musai.token.TokenCodec codec = org.musai.token.dataset.Dataset.open(dataset).codec();
            var ids = ((org.musai.token.mmm.MmmTokenizer) codec.tokenizer()).tokenIds();
            TrainingData.Batch plain = none.data(512).trainBatch(4, 7, 3);
            TrainingData.Batch examples = all.data(512).trainBatch(4, 7, 3);
            assertThat(examples.inputs()).isEqualTo(all.data(512).trainBatch(4, 7, 3).inputs()); // seeded
            int withFills = 0;
            for (int row = 0; row < 4; row++) {
                long[] rowIds = Arrays.copyOfRange(examples.inputs(), row * 512, (row + 1) * 512);
                int[] base = codec.toBaseIds(Arrays.stream(rowIds).mapToInt(id -> (int) id)
                        .filter(id -> id != org.musai.token.SpecialTokens.PAD).toArray()).ids();
                assertThat(base[0]).isEqualTo(org.musai.token.SpecialTokens.BOS); // an example is whole
                withFills += Arrays.stream(base).anyMatch(id -> id == ids.fillStart()) ? 1 : 0;
                long[] plainRow = Arrays.copyOfRange(plain.inputs(), row * 512, (row + 1) * 512);
                assertThat(codec.toBaseIds(Arrays.stream(plainRow).mapToInt(id -> (int) id).toArray()).ids())
                        .doesNotContain(ids.fillStart());
            }
            assertThat(withFills).isEqualTo(4);
            // a row's targets are its inputs moved by one, padding masked out
            assertThat(examples.targets()[0]).isEqualTo(examples.inputs()[1]);
        }
    }

    private static String inputs(List<TrainingData.Batch> batches) {
        StringBuilder text = new StringBuilder();
        batches.forEach(b -> text.append(Arrays.toString(b.inputs())));
        return text.toString();
    }
}
