package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;

/**
 * New files tokenized for a model that has BPE get that model's own merges, so that its ids mean what they meant
 * in training (learning merges again on other files gives other ids): what scoring or fine-tuning the shipped model
 * on a musician's files needs.
 */
class DatasetWithModelMergesTest {

    @Test
    void theShippedModelsMergesAreAppliedAsTheyAre(@TempDir Path dir) throws Exception {
        TokenCodec model = TokenizerFile.load(Path.of("assets/models/default/tokenizer.json"));
        assertThat(model.hasBpe()).isTrue();
        DatasetRequest request = new DatasetRequest(SourceFiles.find(TestCorpus.bundled().resolve("freedoom"), null),
                dir.resolve("ds"), model.tokenizer().config(),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 16, false), false, 0, 1)
                .withMergesOf(model);
        new DatasetBuilder().build(request, ProgressListener.NONE, new CancellationToken());
        try (Dataset dataset = Dataset.open(dir.resolve("ds"))) {
            assertThat(TokenizerFile.hash(dataset.codec())).isEqualTo(TokenizerFile.hash(model));
            for (int doc = 0; doc < dataset.documentCount(); doc++) {
                int[] ids = dataset.document(doc);
                int[] base = model.toBaseIds(ids).ids();
                assertThat(ids).as("document %d: the model's merges applied to its base tokens", doc)
                        .containsExactly(model.applyBpe(base));
                assertThat(ids.length).isLessThan(base.length);
            }
        }
    }
}
