package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.Track;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;

/** {@code musai generate | render | eval} end to end with the default model, and their refusals. */
class GenerateCommandTest {

    @Test
    void generatesVariationsWithTheDefaultModelAndRendersTheFirst(@TempDir Path dir) throws Exception {
        CliRunner.Result result = CliRunner.run("generate", "-o", dir.resolve("idea.mid"), "--bars", "4",
                "--classes", "piano,bass", "--tempo", "100", "--seed", "3", "--variations", "2", "--wav",
                dir.resolve("idea.wav"));
        assertThat(result.exit()).as(result.err()).isZero();
        for (String name : new String[]{"idea-1.mid", "idea-2.mid"}) {
            Score score = new SmfReader().read(dir.resolve(name));
            assertThat(score.noteCount()).isPositive();
            assertThat(score.tempos().get(0).bpm()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
            for (Track track : score.tracks()) {
                assertThat(track.instrumentClass()).isIn(InstrumentClass.PIANO, InstrumentClass.BASS);
            }
        }
        assertThat(AudioSystem.getAudioInputStream(dir.resolve("idea.wav").toFile()).getFrameLength()).isPositive();

        CliRunner.Result metrics = CliRunner.run("eval", dir.resolve("idea-1.mid"), "--json");
        assertThat(metrics.exit()).isZero();
        assertThat(metrics.out()).contains("\"pitch_class_entropy\"", "\"groove_consistency\"", "\"mean\"");
    }

    @Test
    void continuesATokenFilePrimer(@TempDir Path dir) throws Exception {
        TokenCodec codec = TokenizerFile.load(Path.of("assets/models/default/tokenizer.json"));
        Score elise = new SmfReader().read(TestCorpus.bundled().resolve("muspy/fur-elise.mid"));
        int[] ids = codec.tokenizer().encode(elise);
        int bar = codec.tokenizer().vocabulary().id("Bar_None");
        StringBuilder names = new StringBuilder();
        int bars = 0;
        int cut = 0;
        for (int id : ids) {
            if (id == bar && ++bars == 3) {
                break; // the first two bars, cut at a bar line
            }
            names.append(codec.tokenizer().vocabulary().token(id)).append(' ');
            cut++;
        }
        Path primer = Files.writeString(dir.resolve("elise.tokens"), names.toString());
        CliRunner.Result result = CliRunner.run("generate", "-o", dir.resolve("more.mid"), "--primer", primer,
                "--bars", "2", "--classes", "0", "--seed", "1");
        assertThat(result.exit()).as(result.err()).isZero();
        Score primed = codec.decode(java.util.Arrays.copyOf(ids, cut)).score();
        Score continued = new SmfReader().read(dir.resolve("more.mid"));
        assertThat(continued.tracks().get(0).notes()).containsAll(primed.tracks().get(0).notes());
        assertThat(continued.noteCount()).isGreaterThan(primed.noteCount());

        Files.writeString(dir.resolve("bad.tokens"), "Bar_None Kazoo_7");
        CliRunner.Result bad = CliRunner.run("generate", "-o", dir.resolve("x.mid"), "--primer", dir.resolve("bad.tokens"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Kazoo_7");
    }

    @Test
    void infillWithoutAModelUsesTheDefaultMmmModelAndKeepsTheFilesTracks(@TempDir Path dir) throws Exception {
        Path band = TestCorpus.bundled().resolve("freedoom/freedoom1_D_E1M2.mid");
        CliRunner.Result result = CliRunner.run("generate", "-o", dir.resolve("redo.mid"), "--infill", "--primer",
                band, "--bars-range", "3-4", "--tracks", "3", "--seed", "2");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("bars 3-4 of tracks [3] regenerated");
        // read back with the JDK: the file's own six instrument tracks and names, at its own 96 ticks per quarter
        javax.sound.midi.Sequence original = javax.sound.midi.MidiSystem.getSequence(band.toFile());
        javax.sound.midi.Sequence redone = javax.sound.midi.MidiSystem.getSequence(dir.resolve("redo.mid").toFile());
        assertThat(redone.getResolution()).isEqualTo(original.getResolution());
        assertThat(trackNames(redone)).isEqualTo(trackNames(original));
    }

    @Test
    void addTrackWritesANewPartOverThePrimer(@TempDir Path dir) throws Exception {
        Path elise = TestCorpus.bundled().resolve("muspy/fur-elise.mid");
        CliRunner.Result result = CliRunner.run("generate", "-o", dir.resolve("with-bass.mid"), "--add-track", "4",
                "--primer", elise, "--seed", "3", "--density", "3");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("a Bass part added");
        javax.sound.midi.Sequence original = javax.sound.midi.MidiSystem.getSequence(elise.toFile());
        javax.sound.midi.Sequence added = javax.sound.midi.MidiSystem.getSequence(dir.resolve("with-bass.mid")
                .toFile());
        assertThat(trackNames(added)).containsAll(trackNames(original)).contains("Bass");
    }

    private static java.util.List<String> trackNames(javax.sound.midi.Sequence sequence) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (javax.sound.midi.Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                if (track.get(i).getMessage() instanceof javax.sound.midi.MetaMessage meta && meta.getType() == 3) {
                    names.add(new String(meta.getData(), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return names;
    }

    @Test
    void rendersAMidiFile(@TempDir Path dir) {
        CliRunner.Result result = CliRunner.run("render", TestCorpus.bundled().resolve("muspy/fur-elise.mid"), "-o",
                dir.resolve("elise.wav"));
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(dir.resolve("elise.wav")).exists();
    }

    @Test
    void refusesBadInputWithExitCodeTwo(@TempDir Path dir) throws Exception {
        refused("--temperature", "generate", "-o", dir.resolve("a.mid"), "--temperature", "3");
        refused("bars", "generate", "-o", dir.resolve("a.mid"), "--bars", "0");
        refused("unknown instrument class", "generate", "-o", dir.resolve("a.mid"), "--classes", "kazoo");
        refused("time signature", "generate", "-o", dir.resolve("a.mid"), "--time-signature", "4-4");
        refused("not a model folder", "generate", "-M", dir, "-o", dir.resolve("a.mid"));
        refused("--infill needs --primer", "generate", "-o", dir.resolve("a.mid"), "--infill");
        refused("needs an MMM model", "generate", "-M", "assets/models/default", "-o", dir.resolve("a.mid"),
                "--infill", "--primer", TestCorpus.bundled().resolve("muspy/fur-elise.mid"), "--bars-range", "1-2");
        refused("no such file", "generate", "-o", dir.resolve("a.mid"), "--primer", dir.resolve("none.mid"));
        refused("--add-track needs --primer", "generate", "-o", dir.resolve("a.mid"), "--add-track", "bass");
        refused("unknown instrument class", "generate", "-o", dir.resolve("a.mid"), "--add-track", "kazoo",
                "--primer", TestCorpus.bundled().resolve("muspy/fur-elise.mid"));
        refused("--density", "generate", "-o", dir.resolve("a.mid"), "--add-track", "bass", "--density", "10",
                "--primer", TestCorpus.bundled().resolve("muspy/fur-elise.mid"));
        refused("already has this instrument", "generate", "-o", dir.resolve("a.mid"), "--add-track", "piano",
                "--primer", TestCorpus.bundled().resolve("muspy/fur-elise.mid"));
        refused("no such file", "render", dir.resolve("none.mid"), "-o", dir.resolve("a.wav"));
        Path fake = Files.writeString(dir.resolve("fake.sf2"), "nope");
        refused("soundfont", "render", TestCorpus.bundled().resolve("muspy/fur-elise.mid"), "-o", dir.resolve("b.wav"),
                "--soundfont", fake);
        refused("give MIDI files", "eval");
        assertThat(dir.resolve("a.mid")).doesNotExist();
    }

    private static void refused(String reason, Object... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains(reason);
    }
}
