package org.musai.midi;

import java.util.List;

/**
 * The notes that one instrument plays: a General MIDI program, or the drum kit.
 *
 * @param name    the track's name from the file, or empty
 * @param program General MIDI program 0-127 (for drums: the kit, which does not decide the class)
 * @param drum    true when the notes are played on the drum channel
 * @param notes   the notes, sorted by onset
 */
public record Track(String name, int program, boolean drum, List<Note> notes) {

    public Track {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program out of 0-127: " + program);
        }
        name = name == null ? "" : name;
        notes = List.copyOf(notes);
    }

    /** The instrument class of this track: program / 8, or drums. */
    public InstrumentClass instrumentClass() {
        return InstrumentClass.of(program, drum);
    }

    /** The tick at which the last note ends, 0 for an empty track. */
    public int endTick() {
        int end = 0;
        for (Note note : notes) {
            end = Math.max(end, note.end());
        }
        return end;
    }
}
