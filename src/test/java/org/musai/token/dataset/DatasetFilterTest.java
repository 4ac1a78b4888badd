package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.filter;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfWriter;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/** The seed's -c, -r and -l flags, given through {@link DatasetRequest}, choose the files and tracks of a dataset. */
class DatasetFilterTest {

    @TempDir
    Path temp;

    private Manifest build(List<SourceFile> sources, InstrumentFilter filter) throws Exception {
        return new DatasetBuilder().build(request(sources, temp.resolve("ds"), Algorithm.REMI, filter, false),
                ProgressListener.NONE, new CancellationToken());
    }

    @Test
    void requiredDrumsSkipsFilesWithoutADrumTrack() throws Exception {
        Manifest manifest = build(bundledSources(),
                filter(InstrumentFilter.defaultClasses(), Set.of(InstrumentClass.DRUMS), 0));

        assertThat(manifest.files()).isNotEmpty().allSatisfy(f -> assertThat(f.classes()).contains("Drums"));
        assertThat(manifest.files()).extracting(Manifest.UsedFile::source)
                .contains("freedoom/freedoom1_D_E1M1.mid", "note_seq/example_is_drum.mid")
                .doesNotContain("midly/Clementi.mid");
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::source).contains("midly/Clementi.mid");
        assertThat(manifest.skipped()).filteredOn(s -> !s.reason().equals("no notes"))
                .isNotEmpty().allSatisfy(s -> assertThat(s.reason()).contains("Drums"));
        assertThat(manifest.filter().get("required")).isEqualTo(List.of("Drums"));
    }

    @Test
    void keepingPianoOnlyLeavesOnlyPianoInTheManifest() throws Exception {
        Manifest manifest = build(bundledSources(), filter(Set.of(InstrumentClass.PIANO), Set.of(), 0));

        assertThat(manifest.files()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.classes()).containsExactly("Piano"));
        assertThat(manifest.classCounts()).containsOnlyKeys("Piano");
        assertThat(manifest.classCounts().get("Piano")).isEqualTo(manifest.documents());
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::source)
                .contains("midly/Beethoven.rmi", "music21/test04.mid");
        assertThat(manifest.filter().get("keep")).isEqualTo(List.of("Piano"));
    }

    @Test
    void minimumBeatsSkipsShortFilesAsTooShort() throws Exception {
        Manifest manifest = build(bundledSources(), filter(InstrumentFilter.defaultClasses(), Set.of(), 16));

        assertThat(manifest.files()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.beats()).isGreaterThanOrEqualTo(16));
        assertThat(manifest.skipped()).filteredOn(s -> s.reason().startsWith("too short"))
                .extracting(Manifest.SkippedFile::source)
                .contains("music21/test01.mid", "muspy/chords.mid", "note_seq/melody.mid");
        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).contains("music21/test02.mid");
        assertThat(manifest.filter().get("minBeats")).isEqualTo(16.0);
    }

    @Test
    void soundEffectsTracksAreRemovedByDefault() throws Exception {
        Path folder = temp.resolve("midi");
        SmfWriter writer = new SmfWriter();
        writer.write(score(new Track("piano", 0, false, notes(60)), new Track("helicopter", 120, false, notes(72))),
                folder.resolve("mixed.mid"));
        writer.write(score(new Track("helicopter", 120, false, notes(72))), folder.resolve("effects.mid"));
        List<SourceFile> sources = SourceFiles.find(folder, null);

        Manifest manifest = build(sources, DatasetTestSupport.noMinimum());

        assertThat(manifest.files()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo("mixed.mid");
            assertThat(f.classes()).containsExactly("Piano");
            assertThat(f.notes()).isEqualTo(8);
        });
        assertThat(manifest.classCounts()).doesNotContainKey("Sound Effects");
        assertThat(manifest.skipped()).singleElement()
                .isEqualTo(new Manifest.SkippedFile("effects.mid", "no notes in the kept classes"));
        try (Dataset dataset = Dataset.open(temp.resolve("ds"))) {
            Score decoded = dataset.codec().decode(dataset.document(0)).score();
            assertThat(decoded.tracks()).extracting(Track::program).containsExactly(0);
        }
    }

    @Test
    void soundEffectsAreKeptWhenAskedFor() throws Exception {
        Path folder = temp.resolve("midi");
        new SmfWriter().write(score(new Track("helicopter", 120, false, notes(72))), folder.resolve("effects.mid"));

        Manifest manifest = build(SourceFiles.find(folder, null),
                filter(Set.of(InstrumentClass.SOUND_EFFECTS), Set.of(), 0));

        assertThat(manifest.files()).singleElement()
                .satisfies(f -> assertThat(f.classes()).containsExactly("Sound Effects"));
    }

    /** Eight quarter notes from tick 0 at 480 ticks per quarter. */
    private static List<Note> notes(int pitch) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            notes.add(new Note(i * 480, 480, pitch + i % 3, 90));
        }
        return notes;
    }

    private static Score score(Track... tracks) {
        return new Score(480, List.of(tracks), List.of(new TempoChange(0, 500_000)),
                List.of(new TimeSignature(0, 4, 4)));
    }
}
