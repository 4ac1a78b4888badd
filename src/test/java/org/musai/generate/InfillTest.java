package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.musai.train.Trainer;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/** Bar infill with a real (briefly trained) MMM model: chosen bars are rewritten, everything else stays. */
class InfillTest {

    @TempDir
    static Path shared;
    static ModelBundle model;

    @BeforeAll
    static void trainATinyMmmModel() throws Exception {
        Path dataset = shared.resolve("mmm");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        Path run = shared.resolve("run");
        new Trainer().train(new TrainingOptions(dataset, null, 0, run, null, 64, 4, 32, 2, 1, 20, 3e-3, 0, 0, false,
                true, 0f, "cpu", 1, 0.1, TrainingOptions.DEFAULT_CHECKPOINT_EVERY), new TrainingListener() {
        }, new CancellationToken());
        model = ModelBundle.load(run);
    }

    /** A band of six tracks (two guitars, drums, bass, strings, ensemble) that all survive quantization. */
    private static final String BAND = "freedoom/freedoom1_D_E1M2.mid";
    private static final int CHOSEN = 2; // the bass, third in the file

    @Test
    void regeneratesTheChosenBarsOfTheChosenTrackAndKeepsTheRestOfTheFileAsRead() throws Exception {
        Score song = new SmfReader().read(TestCorpus.bundled().resolve(BAND));
        assertThat(song.tracks()).as("six instruments, each on its own track").hasSize(6);
        assertThat(song.tracks().get(CHOSEN).instrumentClass()).isEqualTo(InstrumentClass.BASS);
        // bars 3-4 in the file's own ticks (96 per quarter, 4/4), worked out by hand: 2 * 384 to 4 * 384
        assertThat(song.ticksPerQuarter()).isEqualTo(96);
        int from = 768;
        int to = 1536;
        Generator generator = new Generator(model);
        int changed = 0;
        for (long seed = 0; seed < 4; seed++) {
            Generation piece = generator.infill(song, Set.of(CHOSEN), 2, 3,
                    SamplingSettings.defaults(seed).withSeed(seed), 4000, new CancellationToken());
            Score result = piece.score();
            assertThat(piece.skippedTokens()).isZero();
            assertThat(result.ticksPerQuarter()).isEqualTo(song.ticksPerQuarter());
            assertThat(result.tempos()).isEqualTo(song.tempos());
            assertThat(result.timeSignatures()).isEqualTo(song.timeSignatures());
            assertThat(result.tracks()).extracting(Track::name, Track::program, Track::drum)
                    .containsExactlyElementsOf(song.tracks().stream().map(t -> org.assertj.core.groups.Tuple.tuple(
                            t.name(), t.program(), t.drum())).toList());
            for (int t = 0; t < song.tracks().size(); t++) {
                if (t != CHOSEN) {
                    assertThat(result.tracks().get(t).notes()).as("track %d, not chosen", t)
                            .isEqualTo(song.tracks().get(t).notes());
                }
            }
            List<Note> chosen = result.tracks().get(CHOSEN).notes();
            assertThat(outside(chosen, from, to)).as("the chosen track outside bars 3-4, as read")
                    .containsExactlyElementsOf(outside(song.tracks().get(CHOSEN).notes(), from, to));
            List<Note> inside = chosen.stream().filter(n -> n.tick() >= from && n.tick() < to).toList();
            assertThat(inside).allSatisfy(n -> assertThat(n.end()).isLessThanOrEqualTo(to));
            if (!inside.equals(song.tracks().get(CHOSEN).notes().stream()
                    .filter(n -> n.tick() >= from && n.tick() < to).toList())) {
                changed++;
            }
        }
        assertThat(changed).as("pieces whose chosen bars differ from the primer's").isPositive();
    }

    @Test
    void tracksOfOneInstrumentAreRegeneratedTogetherAndStaySeparate() throws Exception {
        // a piano in two hands: the right hand from bar 1 up, the left an octave and more below
        List<Note> right = new java.util.ArrayList<>();
        List<Note> left = new java.util.ArrayList<>();
        for (int beat = 0; beat < 32; beat++) {
            right.add(new Note(beat * 480, 480, 72 + beat % 5, 80));
            left.add(new Note(beat * 480, 960, 48 + beat % 3, 70));
        }
        Score hands = new Score(480, List.of(new Track("Right hand", 0, false, right),
                new Track("Left hand", 0, false, left)), List.of(org.musai.midi.TempoChange.ofBpm(0, 73),
                org.musai.midi.TempoChange.ofBpm(1920 * 4, 65)), List.of());
        assertThat(Generator.regeneratedTracks(hands, Set.of(1))).containsExactly(0, 1);
        Generation piece = new Generator(model).infill(hands, Set.of(1), 2, 3, SamplingSettings.defaults(3), 4000,
                new CancellationToken());
        assertThat(piece.score().tempos()).as("the tempo map, to the tick and microsecond")
                .isEqualTo(hands.tempos());
        assertThat(piece.score().tracks()).extracting(Track::name).containsExactly("Right hand", "Left hand");
        for (int t = 0; t < 2; t++) {
            assertThat(outside(piece.score().tracks().get(t).notes(), 3840, 7680))
                    .isEqualTo(outside(hands.tracks().get(t).notes(), 3840, 7680));
        }
    }

    private static List<Note> outside(List<Note> notes, int from, int to) {
        return notes.stream().filter(n -> n.end() <= from || n.tick() >= to).toList();
    }

    @Test
    void refusesWhatItCannotDo() {
        Score song = new Score(480, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> new Generator(model).infill(song, Set.of(3), 0, 0, SamplingSettings.defaults(1), 100,
                new CancellationToken())).isInstanceOf(GenerationException.class);
        assertThatThrownBy(() -> new Generator(model).generate(GeneratorTest.request(Set.of(
                org.musai.midi.InstrumentClass.PIANO), 2, 1.0, 1), ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(GenerationException.class).hasMessageContaining("MMM");
    }
}
