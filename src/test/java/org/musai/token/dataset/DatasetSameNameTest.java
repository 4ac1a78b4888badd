package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerConfig.Algorithm;

/** Two files of the same name in different folders stay two documents and come back as two MIDI files. */
class DatasetSameNameTest {

    @TempDir
    Path temp;

    @Test
    void sameNameInTwoFoldersIsKeptTwiceAndDetokenizedTwice() throws Exception {
        Path midi = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), midi, "a/x.mid");
        copy(bundledCorpus().resolve("muspy/fur-elise.mid"), midi, "b/x.mid");
        Path ds = temp.resolve("ds");

        Manifest manifest = new DatasetBuilder().build(request(SourceFiles.find(midi, null), ds, Algorithm.REMI,
                noMinimum(), false), ProgressListener.NONE, new CancellationToken());

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).containsExactly("a/x.mid", "b/x.mid");
        Path back = temp.resolve("back");
        Detokenizer.Summary summary;
        try (Dataset dataset = Dataset.open(ds)) {
            summary = new Detokenizer().write(dataset, back, ProgressListener.NONE, new CancellationToken());
        }
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.skippedTokens()).isZero();
        SmfReader reader = new SmfReader();
        var config = TokenizerConfig.defaults(Algorithm.REMI);
        var sources = DatasetTestSupport.byName(SourceFiles.find(midi, null));
        for (String name : new String[] {"a/x.mid", "b/x.mid"}) {
            var expected = DatasetTestSupport.expectedScore(sources.get(name), noMinimum(), config);
            assertThat(reader.read(back.resolve(name)).noteCount()).as(name).isEqualTo(expected.noteCount());
        }
        assertThat(reader.read(back.resolve("a/x.mid")).noteCount())
                .isNotEqualTo(reader.read(back.resolve("b/x.mid")).noteCount());
    }

    @Test
    void sameNameWithDifferentExtensionsGivesTwoMidiFiles() throws Exception {
        Path midi = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), midi, "x.mid");
        copy(bundledCorpus().resolve("muspy/fur-elise.mid"), midi, "x.kar");
        Path ds = temp.resolve("ds");
        new DatasetBuilder().build(request(SourceFiles.find(midi, null), ds, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());
        Path back = temp.resolve("back");

        Detokenizer.Summary summary;
        try (Dataset dataset = Dataset.open(ds)) {
            summary = new Detokenizer().write(dataset, back, ProgressListener.NONE, new CancellationToken());
        }

        assertThat(summary.files()).isEqualTo(2);
        try (var files = java.nio.file.Files.list(back)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("one MIDI file per document").hasSize(2)
                    .allSatisfy(n -> assertThat(n).endsWith(".mid"));
        }
    }
}
