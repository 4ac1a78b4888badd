package org.musai.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;

/**
 * Playback into a receiver, on a clock that moves only as the player waits (so what is sent does not depend on how
 * busy the machine is): a piece that grows while it plays is heard whole and once, another piece takes over from the
 * same moment, and stopping leaves no note hanging.
 */
class MidiPlayerTest {

    /** At 400 bpm a 4/4 bar lasts 0.6 s. */
    private static Score fast(Note... notes) {
        return new Score(480, List.of(new Track("Piano", 0, false, List.of(notes))),
                List.of(TempoChange.ofBpm(0, 400)), List.of());
    }

    /** "on KEY" and "off KEY" of channel 0, as received (from the playing thread). */
    private static final class Recorder implements Receiver {
        final List<String> notes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void send(MidiMessage message, long timeStamp) {
            ShortMessage m = (ShortMessage) message;
            if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
                notes.add("on " + m.getData1());
            } else if (m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON) {
                notes.add("off " + m.getData1());
            }
        }

        @Override
        public void close() {
        }
    }

    /**
     * Gives the player another version of the score once the music has reached a tick; {@code growing}: a piece
     * being written, which the music waits for until then.
     */
    private static final class OneChange implements PlaybackMonitor {
        private final long atTick;
        private final Score other;
        private final boolean growing;
        private volatile boolean given;
        private volatile long tick;

        OneChange(long atTick, Score other, boolean growing) {
            this.atTick = atTick;
            this.other = other;
            this.growing = growing;
        }

        @Override
        public void position(long now) {
            tick = now;
        }

        @Override
        public Score newer() {
            if (!given && tick >= atTick) {
                given = true;
                return other;
            }
            return null;
        }

        @Override
        public boolean moreToCome() {
            return growing && !given;
        }
    }

    @Test
    void aPieceWrittenWhileItPlaysIsHeardWholeAndOnce() throws Exception {
        Score firstBar = fast(new Note(0, 960, 60, 90), new Note(960, 960, 62, 90));
        Score twoBars = fast(new Note(0, 960, 60, 90), new Note(960, 960, 62, 90), new Note(1920, 960, 64, 90),
                new Note(2880, 960, 65, 90));
        Recorder out = new Recorder();
        // the second bar is "written" only once the music has reached the end of the first and waits for it
        PlaybackMonitor growing = new OneChange(1920, twoBars, true);
        MidiPlayer.play(firstBar, out, new CancellationToken(), growing, new ManualClock(0));
        assertThat(out.notes).containsExactly("on 60", "off 60", "on 62", "off 62", "on 64", "off 64", "on 65",
                "off 65");
    }

    /** A/B: another piece takes over at the same moment; what sounded of the first is released, not left on. */
    @Test
    void anotherPieceTakesOverFromTheSameMoment() throws Exception {
        Score a = fast(new Note(0, 1920, 60, 90), new Note(960, 960, 62, 90));
        Score b = fast(new Note(0, 1920, 72, 90), new Note(1440, 480, 74, 90));
        Recorder out = new Recorder();
        MidiPlayer.play(a, out, new CancellationToken(), new OneChange(1200, b, false), new ManualClock(0));
        // A's 60 and 62 were sounding and B ends neither later: both released at the switch; B's 72 began before
        // the switch, so only its 74 is struck
        assertThat(out.notes).containsExactly("on 60", "on 62", "off 60", "off 62", "on 74", "off 74");
    }

    @Test
    void stoppingReleasesWhatSounds() throws Exception {
        Score held = fast(new Note(0, 1920, 60, 90), new Note(0, 1920, 64, 90));
        Recorder out = new Recorder();
        CancellationToken stop = new CancellationToken();
        MidiPlayer.play(held, out, stop, new PlaybackMonitor() {
            @Override
            public void position(long tick) {
                if (tick >= 480) {
                    stop.cancel();
                }
            }
        }, new ManualClock(0));
        assertThat(out.notes).containsExactlyInAnyOrder("on 60", "on 64", "off 60", "off 64");
    }
}
