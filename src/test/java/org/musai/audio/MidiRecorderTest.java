package org.musai.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Transmitter;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.BarMap;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;

/**
 * Recording from a keyboard, driven by transmitters that play known music into the recorder on a clock they set (so
 * that what is recorded does not depend on how busy the machine is): a file's notes come back as the file has them,
 * quantizing puts a loose performance on the grid, and the count-in clicks.
 */
class MidiRecorderTest {

    /**
     * A transmitter that plays a score into its receiver as a keyboard would, setting the clock to each message's
     * time first (so that what is recorded does not depend on how busy the machine is).
     */
    private static final class ScorePlayer implements Transmitter {
        private Receiver receiver;

        void play(Score score, ManualClock clock, long startMicros, java.util.function.IntUnaryOperator jitter)
                throws AudioException {
            int n = 0;
            for (TimedEvents.Timed event : TimedEvents.of(score)) {
                ShortMessage m = (ShortMessage) event.message();
                boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
                clock.set(startMicros + event.micros() + (on ? jitter.applyAsInt(n++) : 0));
                receiver.send(m, -1);
            }
        }

        @Override
        public void setReceiver(Receiver receiver) {
            this.receiver = receiver;
        }

        @Override
        public Receiver getReceiver() {
            return receiver;
        }

        @Override
        public void close() {
        }
    }

    /** Onset, length and pitch of every note. */
    private static List<String> notes(Score score) {
        List<String> all = new ArrayList<>();
        for (Track track : score.tracks()) {
            for (Note note : track.notes()) {
                all.add(note.tick() + "+" + note.duration() + ":" + note.pitch());
            }
        }
        Collections.sort(all);
        return all;
    }

    private static Score playable(Score file) {
        List<Track> kept = new ArrayList<>();
        boolean drums = false;
        for (Track track : file.tracks()) {
            if (!track.drum() || !drums) {
                java.util.Map<Integer, Note> lastByKey = new java.util.HashMap<>();
                List<Note> once = new ArrayList<>();
                for (Note note : track.notes()) {
                    Note before = lastByKey.get(note.pitch());
                    if (before == null || before.end() <= note.tick()) {
                        once.add(note);
                        lastByKey.put(note.pitch(), note);
                    }
                }
                kept.add(new Track(track.name(), track.program(), track.drum(), once));
                drums |= track.drum();
            }
        }
        return new Score(file.ticksPerQuarter(), kept, file.tempos(), file.timeSignatures());
    }

    private static TimeSignature meterOf(Score file) {
        assertThat(file.timeSignatures()).as("one meter").hasSizeLessThanOrEqualTo(1);
        return file.timeSignatures().isEmpty() ? TimeSignature.COMMON_TIME : file.timeSignatures().get(0);
    }

    /** The first bars of a file, at one tempo, every note cut at their end. */
    private static Score firstBars(Score file, int bars, double bpm) {
        int end = BarMap.of(file, bars).end(bars - 1);
        List<Track> tracks = new ArrayList<>();
        for (Track track : file.tracks()) {
            List<Note> kept = track.notes().stream().filter(n -> n.tick() < end)
                    .map(n -> new Note(n.tick(), Math.min(n.duration(), end - n.tick()), n.pitch(), n.velocity()))
                    .toList();
            tracks.add(new Track(track.name(), track.program(), track.drum(), kept));
        }
        return new Score(file.ticksPerQuarter(), tracks, List.of(TempoChange.ofBpm(0, bpm)), file.timeSignatures());
    }

    @Test
    void aFilePlayedIntoTheRecorderComesBackAsItsNotes() throws Exception {
        // a pipe alone, then a guitar and drums join in bar 7, each on its own channel with its own program; as a
        // keyboard can play it: one drum track (the file doubles its kit), each key struck once at a time (the file
        // doubles some notes in a track)
        Score file = playable(new SmfReader().read(TestCorpus.bundled().resolve("freedoom/freedoom1_D_BUNNY.mid")));
        assertThat(file.ticksPerQuarter()).isEqualTo(RecordingSettings.TICKS_PER_QUARTER);
        TimeSignature meter = meterOf(file);
        Score played = firstBars(file, 8, 100);
        RecordingSettings settings = new RecordingSettings(100, meter, 8, 1, false, true);
        ManualClock clock = new ManualClock(1_000_000);
        Take take = new Take(settings, clock, clock.nowMicros());
        ScorePlayer keyboard = new ScorePlayer();
        keyboard.setReceiver(take);
        keyboard.play(played, clock, 1_000_000 + settings.countInMicros(), n -> 0);
        Score recorded = take.score();
        assertThat(notes(played)).hasSizeGreaterThan(20);
        assertThat(notes(recorded)).isEqualTo(notes(played));
        assertThat(recorded.tracks()).extracting(Track::program, Track::drum).containsExactlyInAnyOrderElementsOf(
                played.tracks().stream().filter(t -> !t.notes().isEmpty())
                        .map(t -> org.assertj.core.api.Assertions.tuple(t.program(), t.drum())).toList());
        assertThat(recorded.timeSignatures()).extracting(TimeSignature::numerator, TimeSignature::denominator)
                .containsExactly(org.assertj.core.api.Assertions.tuple(meter.numerator(), meter.denominator()));
        assertThat(recorded.tempos()).containsExactly(TempoChange.ofBpm(0, 100));
    }

    /**
     * Eighth notes played up to 40 ms early or late at 120 bpm (a sixteenth is 125 ms) land on the grid; a note
     * struck in the count-in is not part of the take, one held past the last bar ends with it.
     */
    @Test
    void quantizingPutsALoosePerformanceOnTheGrid() throws Exception {
        List<Note> eighths = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eighths.add(new Note(i * 240, 200, 60 + i, 90));
        }
        eighths.add(new Note(1680, 1000, 72, 90)); // rings past the end of the bar
        Score performance = new Score(480, List.of(new Track("Piano", 0, false, eighths)),
                List.of(TempoChange.ofBpm(0, 120)), List.of());
        RecordingSettings settings = new RecordingSettings(120, TimeSignature.COMMON_TIME, 1, 1, true, true);
        ManualClock clock = new ManualClock(0);
        Take take = new Take(settings, clock, 0);
        ScorePlayer keyboard = new ScorePlayer();
        keyboard.setReceiver(take);
        clock.set(settings.countInMicros() - 400_000); // a note in the count-in
        take.send(new ShortMessage(ShortMessage.NOTE_ON, 0, 50, 90), -1);
        take.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, 50, 0), -1);
        int[] offsets = {-40_000, 35_000, -20_000, 40_000, 10_000, -35_000, 25_000, -5_000, 30_000};
        keyboard.play(performance, clock, settings.countInMicros(), n -> offsets[n]);
        Score recorded = take.score();
        assertThat(recorded.tracks()).singleElement().satisfies(t -> {
            assertThat(t.notes()).extracting(Note::tick).containsExactly(0, 240, 480, 720, 960, 1200, 1440, 1680,
                    1680);
            assertThat(t.notes()).extracting(Note::pitch).containsExactly(60, 61, 62, 63, 64, 65, 66, 67, 72);
            // 200 ticks snap to 240, the held note ends at the bar line
            assertThat(t.notes()).extracting(Note::duration).containsExactly(240, 240, 240, 240, 240, 240, 240,
                    240, 240);
        });
    }

    /**
     * The whole recording: one bar of count-in clicks, then a keyboard plays a file (from the take's first beat) into
     * the recorder, which clicks on, and stops at the last bar.
     */
    @Test
    void aKeyboardIsRecordedAfterTheCountInWithItsClicks() throws Exception {
        Score file = firstBars(new SmfReader().read(TestCorpus.bundled().resolve("music21/test06.mid")), 2, 240);
        TimeSignature meter = meterOf(file);
        RecordingSettings settings = new RecordingSettings(240, meter, 3, 1, false, true);
        ScriptedKeyboard keyboard = new ScriptedKeyboard(file, settings.countInMicros());
        List<String> clicks = new ArrayList<>();
        List<String> beats = new ArrayList<>();
        Receiver click = new Receiver() {
            @Override
            public void send(MidiMessage message, long timeStamp) {
                ShortMessage m = (ShortMessage) message;
                if (m.getCommand() == ShortMessage.NOTE_ON) {
                    clicks.add(m.getChannel() + ":" + m.getData1());
                }
            }

            @Override
            public void close() {
            }
        };
        Score take = new MidiRecorder().record(keyboard, click, settings, new CancellationToken(),
                new RecordingListener() {
                    @Override
                    public void beat(int bar, int beat) {
                        beats.add(bar + "." + beat);
                    }
                }, keyboard);
        int perBar = meter.numerator();
        assertThat(beats).hasSize(4 * perBar).startsWith("-1.1").contains("1.1", "3." + perBar);
        assertThat(clicks).hasSize(4 * perBar).startsWith("9:" + MidiRecorder.CLICK_BAR_KEY,
                "9:" + MidiRecorder.CLICK_BEAT_KEY);
        assertThat(notes(take)).hasSizeGreaterThan(10).isEqualTo(notes(file));
        assertThat(keyboard.getReceiver()).as("the keyboard let go").isNull();
    }
}
