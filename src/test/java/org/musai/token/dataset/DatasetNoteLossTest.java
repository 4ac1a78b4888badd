package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.READER;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.byName;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.filter;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.NoteLoss;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerConfig.Algorithm;

/**
 * {@code manifest.json} says, per file and in total, what filtering and quantizing lost; the counts agree with the
 * notes read independently, and datasets written before the counts existed still open.
 */
class DatasetNoteLossTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void droppedNotesAreTheNotesReadMinusTheNotesInTheDocument(Algorithm algorithm) throws Exception {
        Set<InstrumentClass> keep = Set.of(InstrumentClass.PIANO, InstrumentClass.STRINGS, InstrumentClass.DRUMS,
                InstrumentClass.BASS);
        InstrumentFilter filter = filter(keep, Set.of(), 0);
        List<SourceFile> sources = bundledSources();

        Manifest manifest = new DatasetBuilder().build(request(sources, temp.resolve("ds"), algorithm, filter, false),
                ProgressListener.NONE, new CancellationToken());

        TokenizerConfig config = TokenizerConfig.defaults(algorithm);
        Map<String, SourceFile> byName = byName(sources);
        NoteLoss total = NoteLoss.NONE;
        for (Manifest.UsedFile file : manifest.files()) {
            Score read = READER.read(byName.get(file.source()).path());
            long filtered = 0;
            long outOfRange = 0;
            for (Track track : read.tracks()) {
                boolean kept = keep.contains(track.instrumentClass());
                for (Note note : track.notes()) {
                    filtered += kept ? 0 : 1;
                    outOfRange += kept && (note.pitch() < config.pitchLow() || note.pitch() > config.pitchHigh())
                            ? 1 : 0;
                }
            }
            assertThat(file.loss().dropped()).as(file.source()).isEqualTo(read.noteCount() - file.notes());
            assertThat(file.loss().classesFiltered()).as(file.source()).isEqualTo(filtered);
            assertThat(file.loss().outOfPitchRange()).as(file.source()).isEqualTo(outOfRange);
            assertThat(file.loss().beyondLengthLimit()).isZero();
            total = total.plus(file.loss());
        }
        assertThat(manifest.loss()).isEqualTo(total);
        assertThat(total.classesFiltered()).isPositive();
        assertThat(total.outOfPitchRange()).isPositive();
        assertThat(total.sameOnsetMerged() + total.overlapsShortened()).isPositive();
    }

    @Test
    void datasetWithoutTheCountsStillOpensAndTakesBpe() throws Exception {
        Path dataset = temp.resolve("ds");
        new DatasetBuilder().build(request(bundledSources().subList(0, 6), dataset, Algorithm.REMI, noMinimum(),
                false), ProgressListener.NONE, new CancellationToken());
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        ObjectNode json = (ObjectNode) DatasetBuilder.JSON.readTree(manifestFile.toFile());
        json.remove("loss");
        for (JsonNode file : json.get("files")) {
            ((ObjectNode) file).remove(List.of("loss", "warnings"));
        }
        Files.write(manifestFile, DatasetBuilder.JSON.writeValueAsBytes(json)); // as written before they existed

        try (Dataset opened = Dataset.open(dataset)) {
            assertThat(opened.manifest().loss()).isNull();
            assertThat(opened.manifest().files()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.warnings()).isEmpty())
                    .allSatisfy(f -> assertThat(f.loss()).isNull());
        }
        Manifest withBpe = new DatasetBuilder().applyBpe(dataset, 0, 1, ProgressListener.NONE,
                new CancellationToken());
        assertThat(withBpe.loss()).isNull();
        assertThat(withBpe.documents()).isEqualTo(6);
    }

    @Test
    void fileWhoseDocumentIsOverTheTokenLimitIsSkippedWithTheLimit() throws Exception {
        Path folder = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        // eight-note chords on every eighth of a beat: about 4.3 REMI tokens a note
        List<Note> notes = new ArrayList<>();
        int chords = DatasetBuilder.MAX_DOCUMENT_TOKENS / 32;
        for (int chord = 0; chord < chords; chord++) {
            for (int voice = 0; voice < 8; voice++) {
                notes.add(new Note(chord * 60, 60, 40 + voice * 5, 100));
            }
        }
        new SmfWriter().write(new Score(480, List.of(new Track("", 0, false, notes)), List.of(), List.of()),
                folder.resolve("dense.mid"));

        Manifest manifest = new DatasetBuilder().build(request(SourceFiles.find(folder, null), temp.resolve("ds"),
                Algorithm.REMI, noMinimum(), false), ProgressListener.NONE, new CancellationToken());

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).containsExactly("good.mid");
        assertThat(manifest.skipped()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("dense.mid");
            assertThat(s.reason()).matches("document of \\d+ tokens is over the limit of 1048576");
        });
    }
}
