package org.musai.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import org.musai.midi.GeneralMidi;
import org.musai.midi.MidiConstants;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/**
 * What a keyboard plays, as it plays it: each message is stamped by the clock when it arrives (devices' own time
 * stamps differ by platform, and many send none), and the take becomes a score at the recording's tempo and meter,
 * one track per channel (channel 10: drums), with the program each channel was given. Thread-safe: the device's
 * thread sends, the recorder's reads the score.
 */
final class Take implements Receiver {

    /** Quantizing snaps to sixteenth notes. */
    private static final int GRID_TICKS = RecordingSettings.TICKS_PER_QUARTER / 4;

    private final RecordingSettings settings;
    private final MidiClock clock;
    private final long firstClickMicros;
    /** Per channel and key: when the sounding note was struck (micros from the first click) and how hard. */
    private final Map<Integer, long[]> sounding = new TreeMap<>();
    private final Map<Integer, List<Note>> notesByChannel = new TreeMap<>();
    private final int[] programs = new int[MidiConstants.CHANNELS];

    /**
     * @param clock            the clock that stamps each message
     * @param firstClickMicros its time at the first click of the count-in
     */
    Take(RecordingSettings settings, MidiClock clock, long firstClickMicros) {
        this.settings = settings;
        this.clock = clock;
        this.firstClickMicros = firstClickMicros;
    }

    @Override
    public synchronized void send(MidiMessage message, long timeStamp) {
        if (!(message instanceof ShortMessage m)) {
            return;
        }
        long micros = clock.nowMicros() - firstClickMicros;
        int key = m.getChannel() * MidiConstants.KEYS + m.getData1();
        boolean noteOn = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
        boolean noteOff = m.getCommand() == ShortMessage.NOTE_OFF
                || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
        if (noteOn) {
            close(key, micros); // a key struck again before its release: the first note ends here
            sounding.put(key, new long[] {micros, m.getData2()});
        } else if (noteOff) {
            close(key, micros);
        } else if (m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
            programs[m.getChannel()] = m.getData1();
        }
    }

    private void close(int key, long releasedMicros) {
        long[] struck = sounding.remove(key);
        Note note = struck == null ? null : note(key, struck, releasedMicros);
        if (note != null) {
            notesByChannel.computeIfAbsent(key / MidiConstants.KEYS, c -> new ArrayList<>()).add(note);
        }
    }

    /** The note of a key struck then released, on the take's grid; null if it falls outside the take. */
    private Note note(int key, long[] struck, long releasedMicros) {
        int end = settings.barTicks() * settings.bars();
        int onset = tick(struck[0]);
        int release = Math.min(end, tick(releasedMicros));
        if (settings.quantize()) {
            onset = snap(onset);
            release = Math.max(onset + GRID_TICKS, snap(release));
        } else if (onset < 0 && onset >= -GRID_TICKS / 2) {
            onset = 0; // struck a little before the first beat: meant on it
        }
        release = Math.min(end, Math.max(release, onset + 1));
        if (onset < 0 || onset >= end) {
            return null; // played in the count-in or after the last bar
        }
        return new Note(onset, release - onset, key % MidiConstants.KEYS, (int) struck[1]);
    }

    /** The tick of the take (0: its first beat) at a time from the first click. */
    private int tick(long micros) {
        return (int) Math.round((micros - settings.countInMicros()) / settings.microsPerTick());
    }

    private static int snap(int tick) {
        return Math.round((float) tick / GRID_TICKS) * GRID_TICKS;
    }

    /** The take so far as a score, keys still held as if released now (they go on sounding in the take). */
    synchronized Score score() {
        long now = clock.nowMicros() - firstClickMicros;
        Map<Integer, List<Note>> all = new TreeMap<>();
        notesByChannel.forEach((channel, notes) -> all.put(channel, new ArrayList<>(notes)));
        sounding.forEach((key, struck) -> {
            Note held = note(key, struck, now);
            if (held != null) {
                all.computeIfAbsent(key / MidiConstants.KEYS, c -> new ArrayList<>()).add(held);
            }
        });
        List<Track> tracks = new ArrayList<>();
        for (Map.Entry<Integer, List<Note>> channel : all.entrySet()) {
            boolean drum = channel.getKey() == MidiConstants.DRUM_CHANNEL;
            int program = drum ? 0 : programs[channel.getKey()];
            List<Note> notes = channel.getValue();
            notes.sort(null);
            tracks.add(new Track(GeneralMidi.name(program, drum), program, drum, notes));
        }
        TimeSignature meter = new TimeSignature(0, settings.meter().numerator(), settings.meter().denominator());
        return new Score(RecordingSettings.TICKS_PER_QUARTER, tracks, List.of(TempoChange.ofBpm(0, settings.bpm())),
                List.of(meter));
    }

    @Override
    public void close() {
    }
}
