package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.firstDifference;
import static org.musai.token.dataset.DatasetTestSupport.leftovers;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.DecodedScore;
import org.musai.token.TokenizerConfig.Algorithm;

/** Learning BPE over an existing dataset (the seed's -b alone) changes its ids but not the music they decode to. */
class DatasetApplyBpeTest {

    @TempDir
    Path temp;

    @Test
    void applyBpeKeepsEveryDocumentsDecodedNotes() throws Exception {
        Path out = temp.resolve("ds");
        Manifest plain = new DatasetBuilder().build(request(bundledSources(), out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());
        List<Score> before = decodeAll(out);

        Manifest merged = new DatasetBuilder().applyBpe(out, 0, 2, ProgressListener.NONE, new CancellationToken());

        List<Score> after = decodeAll(out);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(firstDifference(before.get(i), after.get(i))).as("document " + i).isEmpty();
        }
        assertThat(merged.documents()).isEqualTo(plain.documents());
        assertThat(merged.baseTokens()).isEqualTo(plain.baseTokens());
        assertThat(merged.tokens()).isLessThan(plain.tokens());
        assertThat(merged.files()).extracting(Manifest.UsedFile::source)
                .isEqualTo(plain.files().stream().map(Manifest.UsedFile::source).toList());
        assertThat(merged.skipped()).isEqualTo(plain.skipped());
        assertThat(leftovers(temp, "ds")).isEmpty();
        try (Dataset dataset = Dataset.open(out)) {
            assertThat(dataset.codec().hasBpe()).isTrue();
        }
    }

    @Test
    void applyBpeTwiceStartsFromTheBaseIds() throws Exception {
        Path out = temp.resolve("ds");
        new DatasetBuilder().build(request(bundledSources(), out, Algorithm.MMM, noMinimum(), true),
                ProgressListener.NONE, new CancellationToken());
        List<Score> before = decodeAll(out);

        Manifest again = new DatasetBuilder().applyBpe(out, 0, 1, ProgressListener.NONE, new CancellationToken());

        List<Score> after = decodeAll(out);
        for (int i = 0; i < before.size(); i++) {
            assertThat(firstDifference(before.get(i), after.get(i))).as("document " + i).isEmpty();
        }
        assertThat(again.tokens()).isLessThan(again.baseTokens());
    }

    private static List<Score> decodeAll(Path folder) throws Exception {
        List<Score> scores = new ArrayList<>();
        try (Dataset dataset = Dataset.open(folder)) {
            for (int i = 0; i < dataset.documentCount(); i++) {
                DecodedScore decoded = dataset.codec().decode(dataset.document(i));
                assertThat(decoded.skippedTokens()).isZero();
                scores.add(decoded.score());
            }
        }
        return scores;
    }
}
