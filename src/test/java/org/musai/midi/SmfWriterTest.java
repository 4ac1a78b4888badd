package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;

/** Writing scores as type 1 files that we and the JDK read back note for note. */
class SmfWriterTest {

    private final SmfReader reader = new SmfReader();
    private final SmfWriter writer = new SmfWriter();

    @Test
    void writtenFilesReadBackWithTheSameNotesTemposAndMeters(@TempDir Path dir) throws Exception {
        for (Path file : TestCorpus.midiFiles(TestCorpus.bundled())) {
            Score original = reader.read(file);
            Path copy = dir.resolve("copy.mid");
            writer.write(original, copy);
            Score again = reader.read(copy);
            assertThat(again.ticksPerQuarter()).isEqualTo(original.ticksPerQuarter());
            assertThat(again.tempos()).as(file.toString()).isEqualTo(original.tempos());
            assertThat(again.timeSignatures()).isEqualTo(original.timeSignatures());
            assertThat(sortedNotes(again)).as(file.toString()).isEqualTo(sortedNotes(original));
        }
    }

    @Test
    void theJdkParsesOurFilesWithDrumsOnChannelTen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.mid");
        Sequence sequence = writtenAndReadByTheJdk(pianoAndDrumsInThreeFour(new Note(480, 480, 64, 90)), file);
        assertThat(MidiSystem.getMidiFileFormat(file.toFile()).getType()).isEqualTo(1);
        assertThat(sequence.getTracks()).hasSize(3);
        Score read = reader.read(file);
        assertThat(read.tracks()).extracting(Track::drum).containsExactly(false, true);
        assertThat(read.tempos()).containsExactly(new TempoChange(0, 600_000));
        assertThat(read.timeSignatures()).containsExactly(new TimeSignature(0, 3, 4));
        assertThat(Files.list(dir)).hasSize(1); // the atomic write left no temporary file
    }

    @Test
    void everyTrackEndsOnTheBarLineAfterTheLastRelease(@TempDir Path dir) throws Exception {
        // 3/4 at 480: bars of 1440 ticks; the last note is released at 1500, in bar 2, so every track ends at 2880
        Score score = pianoAndDrumsInThreeFour(new Note(1000, 500, 64, 90));
        Path file = dir.resolve("out.mid");
        Sequence sequence = writtenAndReadByTheJdk(score, file);
        for (javax.sound.midi.Track track : sequence.getTracks()) {
            javax.sound.midi.MidiEvent last = track.get(track.size() - 1);
            assertThat(last.getMessage().getStatus()).isEqualTo(0xFF);
            assertThat(((javax.sound.midi.MetaMessage) last.getMessage()).getType()).isEqualTo(0x2F);
            assertThat(last.getTick()).isEqualTo(2880);
        }
        // a release exactly on a bar line ends the piece there
        Score onTheLine = score.withTracks(List.of(new Track("Piano", 0, false, List.of(new Note(0, 1440, 60, 100)))));
        writer.write(onTheLine, file);
        assertThat(MidiSystem.getSequence(file.toFile()).getTickLength()).isEqualTo(1440);
    }

    private Sequence writtenAndReadByTheJdk(Score score, Path file) throws Exception {
        writer.write(score, file);
        return MidiSystem.getSequence(file.toFile());
    }

    /** Piano (middle C, then the given note) and a kick, at 480 ticks per quarter, 100 bpm, 3/4. */
    private static Score pianoAndDrumsInThreeFour(Note second) {
        return new Score(480, List.of(new Track("Piano", 0, false, List.of(new Note(0, 480, 60, 100), second)),
                new Track("Drums", 0, true, List.of(new Note(0, 60, 36, 120)))),
                List.of(new TempoChange(0, 600_000)), List.of(new TimeSignature(0, 3, 4)));
    }

    private static List<String> sortedNotes(Score score) {
        return score.tracks().stream().flatMap(t -> t.notes().stream().map(n -> t.program() + "/" + t.drum() + "/" + n))
                .sorted().toList();
    }
}
