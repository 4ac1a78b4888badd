package org.musai.token;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Track;

/**
 * Gathers notes into one track per instrument (program, or drums) in a fixed order: the form of tracks that both
 * quantizing and decoding produce, so that the two can be compared note for note. Not thread-safe.
 */
public final class CanonicalTracks {

    /** Drums sort after every program. */
    private static final int DRUM_KEY = 128;

    private final Map<Integer, List<Note>> notesByInstrument = new LinkedHashMap<>();

    /** Adds a note of a program (ignored for drums) or of the drum kit. */
    public void add(int program, boolean drum, Note note) {
        notesByInstrument.computeIfAbsent(drum ? DRUM_KEY : program, k -> new ArrayList<>()).add(note);
    }

    /** The notes gathered so far for one instrument, in the order added; null when there are none. */
    public List<Note> notesOf(int program, boolean drum) {
        return notesByInstrument.get(drum ? DRUM_KEY : program);
    }

    /** One track per instrument, programs ascending and drums last, each named after its class, notes sorted. */
    public List<Track> toTracks() {
        List<Track> tracks = new ArrayList<>(notesByInstrument.size());
        notesByInstrument.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<Note> notes = entry.getValue();
            if (notes.isEmpty()) {
                return;
            }
            notes.sort(Comparator.naturalOrder());
            boolean drum = entry.getKey() == DRUM_KEY;
            int program = drum ? 0 : entry.getKey();
            tracks.add(new Track(InstrumentClass.of(program, drum).displayName(), program, drum, notes));
        });
        return tracks;
    }
}
