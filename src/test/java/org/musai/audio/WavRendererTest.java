package org.musai.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;

/** Offline rendering with Gervill: real sound, as long as the tempo map says, and clear refusals. */
class WavRendererTest {

    /** A C major arpeggio of four quarter notes and a snare. */
    private static Score arpeggio(double bpm) {
        return new Score(480, List.of(new Track("Piano", 0, false, List.of(new Note(0, 480, 60, 100),
                new Note(480, 480, 64, 100), new Note(960, 480, 67, 100), new Note(1440, 480, 72, 100))),
                new Track("Drums", 0, true, List.of(new Note(0, 240, 38, 120)))),
                List.of(TempoChange.ofBpm(0, bpm)), List.of());
    }

    @Test
    void rendersSoundThatLastsAsTheTempoSays(@TempDir Path dir) throws Exception {
        Path slow = dir.resolve("slow.wav");
        Path fast = dir.resolve("fast.wav");
        new WavRenderer().render(arpeggio(60), null, slow, new CancellationToken());
        new WavRenderer().render(arpeggio(120), null, fast, new CancellationToken());
        // four beats: 4 s at 60 bpm, 2 s at 120, each with the 2 s tail
        assertThat(seconds(slow)).isCloseTo(6.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(seconds(fast)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(peak(slow)).isGreaterThan(2000);
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2); // no temporary file left
        }
    }

    @Test
    void refusesAFileThatIsNotASoundfont(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.sf2");
        Files.writeString(fake, "not a soundfont");
        assertThatThrownBy(() -> new WavRenderer().render(arpeggio(120), fake, dir.resolve("out.wav"),
                new CancellationToken())).isInstanceOf(AudioException.class).hasMessageContaining("fake.sf2");
        assertThat(dir.resolve("out.wav")).doesNotExist();
    }

    @Test
    void aPieceLongerThanTheLimitIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) {
        // one note-off 0x0FFFFFFF ticks after its note-on at 1 tick a beat, 120 bpm: over four years of sound
        Score endless = new Score(1, List.of(new Track("Piano", 0, false, List.of(new Note(0, 0x0FFFFFFF, 60, 100)))),
                List.of(), List.of());
        assertThatThrownBy(() -> new WavRenderer().render(endless, null, dir.resolve("out.wav"),
                new CancellationToken())).isInstanceOf(AudioException.class)
                .hasMessageContaining("longer than the 1:00:00 h limit");
        // four beats at 60 bpm and the tail last 6 s: over a 5-second limit, within a 7-second one
        assertThatThrownBy(() -> new WavRenderer(Duration.ofSeconds(5)).render(arpeggio(60), null,
                dir.resolve("out.wav"), new CancellationToken())).hasMessageContaining("lasts 0:06 min");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aCancelledRenderLeavesNoFile(@TempDir Path dir) {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThatThrownBy(() -> new WavRenderer().render(arpeggio(60), null, dir.resolve("out.wav"), cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aTemporaryFileOfAKilledRenderIsRemovedByTheNextOne(@TempDir Path dir) throws Exception {
        // what a SIGKILLed render of out.wav leaves: a temporary file named after a process that no longer runs
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path left = Files.writeString(dir.resolve(".out.wav.partial-" + gone.pid() + "-123"), "half a WAV");
        Path unrelated = Files.writeString(dir.resolve(".out.wav.partial-notes"), "the user's own file");
        new WavRenderer().render(arpeggio(120), null, dir.resolve("out.wav"), new CancellationToken());
        assertThat(left).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(dir.resolve("out.wav")).isRegularFile();
    }

    @Test
    void namesTheMissingPortAndListsTheOthers() {
        assertThatThrownBy(() -> new MidiPlayer().play(arpeggio(120), "No Such Port", null, new CancellationToken()))
                .isInstanceOf(AudioException.class).hasMessageContaining("No Such Port");
        assertThat(new MidiPlayer().outputPorts()).isNotNull();
    }

    private static double seconds(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / in.getFormat().getFrameRate();
        }
    }

    private static int peak(Path wav) throws Exception {
        byte[] bytes = Files.readAllBytes(wav);
        int peak = 0;
        for (int i = 44; i + 1 < bytes.length; i += 2) {
            peak = Math.max(peak, Math.abs((short) ((bytes[i] & 0xFF) | bytes[i + 1] << 8)));
        }
        return peak;
    }
}
