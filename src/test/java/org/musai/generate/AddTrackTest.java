package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.musai.ScoreDifference;
import org.musai.TestCorpus;
import org.musai.midi.BarMap;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;

/** A new part written over a real song by the shipped MMM model: the song stays, the part fits its instrument. */
class AddTrackTest {

    @Test
    void aBassLineIsWrittenUnderASongAndEveryNoteOfTheSongStays() throws Exception {
        Path lied = TestCorpus.midiFiles(TestCorpus.bundled().resolve("openscore_lieder")).get(0);
        Score whole = new SmfReader().read(lied);
        Score song = whole.before(BarMap.of(whole, 6).end()); // six bars keep the test short
        Generator generator = new Generator(ModelBundle.loadDefaultInfill());
        SamplingSettings sampling = SamplingSettings.defaults(5);

        Generation added = generator.addTrack(song, 33, false, -1, sampling, 4096, new CancellationToken());

        Score result = added.score();
        assertThat(result.tracks()).hasSize(song.tracks().size() + 1);
        Score kept = result.withTracks(result.tracks().subList(0, song.tracks().size()));
        assertThat(ScoreDifference.first(song, kept)).isEmpty();
        assertThat(kept.tempos()).isEqualTo(song.tempos());
        assertThat(kept.timeSignatures()).isEqualTo(song.timeSignatures());
        Track bass = result.tracks().get(song.tracks().size());
        assertThat(bass.program()).isEqualTo(33);
        assertThat(bass.drum()).isFalse();
        assertThat(bass.notes()).isNotEmpty();
        ClassLimits.Limit register = ClassLimits.DEFAULTS.of(InstrumentClass.BASS);
        int end = BarMap.of(song, BarMap.barsOf(song)).end(); // the bars its notes reach, the last ringing ones too
        for (Note note : bass.notes()) {
            assertThat(register.allows(note.pitch())).as("pitch " + note.pitch()).isTrue();
            assertThat(note.tick()).isLessThan(end);
        }
        // the same seed writes the same part; another seed another
        assertThat(generator.addTrack(song, 33, false, -1, sampling, 4096, new CancellationToken()).score()
                .tracks().get(song.tracks().size()).notes()).isEqualTo(bass.notes());
        assertThat(generator.addTrack(song, 33, false, -1, sampling.withSeed(6), 4096, new CancellationToken())
                .score().tracks().get(song.tracks().size()).notes()).isNotEqualTo(bass.notes());
    }

    @Test
    void anInstrumentThePieceHasOrAModelWithoutInfillIsRefused() throws Exception {
        Path lied = TestCorpus.midiFiles(TestCorpus.bundled().resolve("openscore_lieder")).get(0);
        Score song = new SmfReader().read(lied);
        int program = song.tracks().get(0).program();
        Generator mmm = new Generator(ModelBundle.loadDefaultInfill());
        assertThatThrownBy(() -> mmm.addTrack(song, program, false, -1, SamplingSettings.defaults(1), 4096,
                new CancellationToken())).isInstanceOf(GenerationException.class)
                .hasMessageContaining("already has this instrument");
        assertThatThrownBy(() -> mmm.addTrack(new Score(480, List.of(), List.of(), List.of()), 33, false, -1,
                SamplingSettings.defaults(1), 4096, new CancellationToken())).isInstanceOf(GenerationException.class)
                .hasMessageContaining("no notes");
        assertThatThrownBy(() -> new Generator(ModelBundle.loadDefault()).addTrack(song, 33, false, -1,
                SamplingSettings.defaults(1), 4096, new CancellationToken())).isInstanceOf(GenerationException.class)
                .hasMessageContaining("needs an MMM model");
    }
}
