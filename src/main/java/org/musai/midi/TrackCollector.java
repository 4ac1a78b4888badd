package org.musai.midi;

import static org.musai.midi.MidiConstants.CHANNELS;
import static org.musai.midi.MidiConstants.DRUM_CHANNEL;
import static org.musai.midi.MidiConstants.KEYS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs note-ons with note-offs in one track chunk and splits its notes by channel and program, since a type 0
 * file keeps all instruments in one chunk. Not thread-safe.
 */
final class TrackCollector {
    private final int[] programOf = new int[CHANNELS];
    /** The sounding notes per channel and key; made on the first note-on, so that empty chunks cost little. */
    private NoteQueue[] open;
    private final Map<Integer, List<Note>> notesByInstrument = new LinkedHashMap<>();
    private String name = "";
    private int lastTick;
    private int noteCount;

    void name(String trackName) {
        if (name.isEmpty()) {
            name = trackName;
        }
    }

    void programChange(int channel, int program) {
        programOf[channel] = program;
    }

    void noteOn(int tick, int channel, int pitch, int velocity) {
        if (open == null) {
            open = new NoteQueue[CHANNELS * KEYS];
        }
        int key = channel * KEYS + pitch;
        if (open[key] == null) {
            open[key] = new NoteQueue();
        }
        open[key].add(tick, velocity, programOf[channel]);
    }

    void noteOff(int tick, int channel, int pitch) {
        NoteQueue queue = open == null ? null : open[channel * KEYS + pitch];
        if (queue != null && !queue.isEmpty()) {
            // first in, first out: the earliest sounding note of that key is the one released
            addNote(channel, pitch, queue.headTick(), tick, queue.headVelocity(), queue.headProgram());
            queue.removeHead();
        }
    }

    void endAt(int tick) {
        lastTick = Math.max(lastTick, tick);
    }

    /** Notes never released end with the track, as a sequencer would hold them until then. */
    void finish() {
        if (open == null) {
            return;
        }
        for (int key = 0; key < open.length; key++) {
            NoteQueue queue = open[key];
            while (queue != null && !queue.isEmpty()) {
                addNote(key / KEYS, key % KEYS, queue.headTick(), lastTick, queue.headVelocity(), queue.headProgram());
                queue.removeHead();
            }
        }
    }

    /** Notes collected so far, released ones only until {@link #finish()}. */
    int noteCount() {
        return noteCount;
    }

    private void addNote(int channel, int pitch, int onTick, int offTick, int velocity, int program) {
        boolean drum = channel == DRUM_CHANNEL;
        // drum kits switch programs without changing class, so all drums of a channel stay one track
        int instrument = drum ? -1 - channel : channel * KEYS + program;
        notesByInstrument.computeIfAbsent(instrument, k -> new ArrayList<>())
                .add(new Note(onTick, offTick - onTick, pitch, velocity));
        noteCount++;
    }

    List<Track> tracks() {
        List<Track> result = new ArrayList<>(notesByInstrument.size());
        for (Map.Entry<Integer, List<Note>> entry : notesByInstrument.entrySet()) {
            int instrument = entry.getKey();
            boolean drum = instrument < 0;
            int program = drum ? programOf[DRUM_CHANNEL] : instrument % KEYS;
            List<Note> notes = entry.getValue();
            notes.sort(null);
            result.add(new Track(name, program, drum, notes));
        }
        return result;
    }
}
