package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/** A file whose notes the tokenizer cannot represent does not become an empty document. */
class DatasetEmptyDocumentTest {

    @TempDir
    Path temp;

    @Test
    void fileWithEveryNoteBelowThePitchRangeIsSkippedNotAnEmptyDocument() throws Exception {
        Path midi = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), midi, "good.mid");
        List<Note> low = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            low.add(new Note(i * 480, 480, 1 + i % 3, 100));
        }
        new SmfWriter().write(new Score(480, List.of(new Track("low", 78, false, low)),
                List.of(new TempoChange(0, 500_000)), List.of(new TimeSignature(0, 4, 4))), midi.resolve("low.mid"));

        Manifest manifest = new DatasetBuilder().build(request(SourceFiles.find(midi, null), temp.resolve("ds"),
                Algorithm.REMI, noMinimum(), false), ProgressListener.NONE, new CancellationToken());

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).containsExactly("good.mid");
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::source).containsExactly("low.mid");
    }

    @Test
    void everyDocumentOfTheBundledCorpusHasNotes() throws Exception {
        Path ds = temp.resolve("ds");
        new DatasetBuilder().build(request(DatasetTestSupport.bundledSources(), ds, Algorithm.REMI, noMinimum(),
                false), ProgressListener.NONE, new CancellationToken());

        List<String> empty = new ArrayList<>();
        try (Dataset dataset = Dataset.open(ds)) {
            for (Manifest.UsedFile file : dataset.manifest().files()) {
                if (dataset.codec().decode(dataset.document(file.document())).score().noteCount() == 0) {
                    empty.add(file.source() + " (manifest says " + file.notes() + " notes)");
                }
            }
        }
        assertThat(empty).isEmpty();
    }
}
