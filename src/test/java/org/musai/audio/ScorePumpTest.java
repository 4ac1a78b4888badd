package org.musai.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.Track;

/**
 * Messages sent when their time comes, and a piece that grows while it plays: nothing played twice, nothing left
 * hanging. At 120 bpm and 480 ticks a beat, a beat is 500,000 us and a 4/4 bar 2,000,000 us.
 */
class ScorePumpTest {

    private static final long BEAT = 500_000;
    private static final long BAR = 4 * BEAT;

    /** Notes and programs received, as "on CHANNEL KEY", "off CHANNEL KEY", "program CHANNEL PROGRAM". */
    private static final class Recorder implements Receiver {
        final List<String> received = new ArrayList<>();

        @Override
        public void send(MidiMessage message, long timeStamp) {
            ShortMessage m = (ShortMessage) message;
            boolean off = m.getCommand() == ShortMessage.NOTE_OFF
                    || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
            if (off) {
                received.add("off " + m.getChannel() + " " + m.getData1());
            } else if (m.getCommand() == ShortMessage.NOTE_ON) {
                received.add("on " + m.getChannel() + " " + m.getData1());
            } else if (m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
                received.add("program " + m.getChannel() + " " + m.getData1());
            }
        }

        List<String> take() {
            List<String> taken = List.copyOf(received);
            received.clear();
            return taken;
        }

        @Override
        public void close() {
        }
    }

    private static Score score(Track... tracks) {
        return new Score(480, List.of(tracks), List.of(TempoChange.ofBpm(0, 120)), List.of());
    }

    private static Track piano(Note... notes) {
        return new Track("Piano", 0, false, List.of(notes));
    }

    @Test
    void eachMessageIsSentWhenItsTimeComes() throws Exception {
        Recorder out = new Recorder();
        ScorePump pump = new ScorePump(out, score(piano(new Note(0, 480, 60, 90), new Note(480, 480, 62, 90))));
        pump.advanceTo(0, track -> false);
        assertThat(out.take()).containsExactly("program 0 0", "on 0 60");
        pump.advanceTo(BEAT - 1, track -> false);
        assertThat(out.take()).isEmpty();
        assertThat(pump.untilNext()).isEqualTo(1);
        pump.advanceTo(BEAT, track -> false);
        assertThat(out.take()).containsExactly("off 0 60", "on 0 62");
        assertThat(pump.tick()).isEqualTo(480);
        pump.advanceTo(10 * BAR, track -> false);
        assertThat(out.take()).containsExactly("off 0 62");
        // the rest of the bar is played out: the end is the bar line, not the last note-off
        assertThat(pump.position()).isEqualTo(BAR);
        assertThat(pump.atEnd()).isTrue();
        assertThat(pump.tick()).isEqualTo(1920);
    }

    /**
     * The first bar plays to its end; the piece, written on, gains a bar and a bass: the bass gets its program, the
     * notes on the bar line are struck once, and a note that sounds across the change goes on to its own end.
     */
    @Test
    void aLongerVersionGoesOnFromWhereTheMusicIs() throws Exception {
        Recorder out = new Recorder();
        Track firstBar = piano(new Note(0, 1920, 60, 90), new Note(960, 960, 64, 90));
        ScorePump pump = new ScorePump(out, score(firstBar));
        pump.advanceTo(BAR, track -> false);
        assertThat(out.take()).containsExactly("program 0 0", "on 0 60", "on 0 64", "off 0 60", "off 0 64");
        assertThat(pump.atEnd()).isTrue();

        Track twoBars = piano(new Note(0, 1920, 60, 90), new Note(960, 960, 64, 90), new Note(1920, 480, 67, 90));
        Track bass = new Track("Bass", 33, false, List.of(new Note(1920, 1920, 36, 90)));
        pump.replace(score(twoBars, bass), track -> false);
        assertThat(out.take()).containsExactly("program 1 33", "on 0 67", "on 1 36");
        assertThat(pump.atEnd()).isFalse();
        pump.advanceTo(3 * BAR, track -> false);
        assertThat(out.take()).containsExactly("off 0 67", "off 1 36");
        assertThat(pump.atEnd()).isTrue();
    }

    @Test
    void aSoundingNoteThatTheNewerVersionEndsSoonerIsReleasedAtOnce() throws Exception {
        Recorder out = new Recorder();
        ScorePump pump = new ScorePump(out, score(piano(new Note(0, 3840, 60, 90))));
        pump.advanceTo(BAR, track -> false);
        assertThat(out.take()).containsExactly("program 0 0", "on 0 60");
        pump.replace(score(piano(new Note(0, 960, 60, 90), new Note(1920, 480, 62, 90))), track -> false);
        assertThat(out.take()).containsExactly("off 0 60", "on 0 62");
        pump.advanceTo(2 * BAR, track -> false);
        assertThat(out.take()).containsExactly("off 0 62");
    }

    @Test
    void aMutedTrackIsReleasedAndStrikesNothing() throws Exception {
        Recorder out = new Recorder();
        Track bass = new Track("Bass", 33, false, List.of(new Note(0, 960, 36, 90), new Note(960, 960, 38, 90)));
        ScorePump pump = new ScorePump(out, score(piano(new Note(0, 1920, 60, 90)), bass));
        pump.advanceTo(0, track -> false);
        assertThat(out.take()).containsExactly("program 0 0", "on 0 60", "program 1 33", "on 1 36");
        pump.advanceTo(BEAT, track -> track == 1);
        assertThat(out.take()).containsExactly("off 1 36");
        pump.advanceTo(BAR, track -> track == 1);
        assertThat(out.take()).containsExactly("off 0 60");
    }

    @Test
    void stoppingReleasesEverySoundingNote() throws Exception {
        Recorder out = new Recorder();
        ScorePump pump = new ScorePump(out, score(piano(new Note(0, 1920, 60, 90), new Note(0, 1920, 64, 90))));
        pump.advanceTo(BEAT, track -> false);
        out.take();
        pump.silence();
        assertThat(out.take()).containsExactlyInAnyOrder("off 0 60", "off 0 64");
    }

    @Test
    void thePlayheadFollowsATempoChange() throws Exception {
        // a beat at 120 bpm, then 60 bpm: tick 480 is at 0.5 s, tick 960 at 1.5 s
        Score slower = new Score(480, List.of(piano(new Note(0, 1920, 60, 90))),
                List.of(TempoChange.ofBpm(0, 120), TempoChange.ofBpm(480, 60)), List.of());
        assertThat(TimedEvents.tickAt(BEAT, slower)).isEqualTo(480);
        assertThat(TimedEvents.tickAt(3 * BEAT, slower)).isEqualTo(960);
        assertThat(TimedEvents.tickAt(TimedEvents.micros(1234, slower), slower)).isEqualTo(1234);
    }
}
