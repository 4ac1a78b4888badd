package org.musai.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.musai.midi.BarMap;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;

/**
 * Puts what a model wrote into the musician's own file rather than handing back the model's version of it. The
 * model reads a quantized copy with one part per instrument; the result keeps the primer's resolution, tempo map,
 * time signatures, tracks (their order, names and programs) and every note outside what was regenerated, exactly as
 * read. New notes go to the primer's track of their instrument; where several tracks play one instrument (a piano's
 * two hands), to the one whose register is nearest (for drums: the one that plays that key most). Stateless.
 */
final class PrimerSplice {

    private PrimerSplice() {
    }

    /** An instrument as the model tells parts apart: a program, or the drum kit whatever its program. */
    record Instrument(int program, boolean drum) {
        static Instrument of(Track track) {
            return new Instrument(track.drum() ? 0 : track.program(), track.drum());
        }
    }

    /**
     * The primer with bars {@code firstBar..lastBar} (0-based) of the given instruments taken from the model's
     * piece: their notes that start in those bars are replaced, nothing else changes (a track left without notes
     * stays, as in the file).
     */
    static Score infill(Score primer, Score generated, Set<Instrument> regenerated, int firstBar, int lastBar) {
        BarMap own = BarMap.of(primer, lastBar + 1);
        BarMap model = BarMap.of(generated, lastBar + 1);
        int from = own.start(firstBar);
        int to = own.end(lastBar);
        Parts parts = new Parts(primer.tracks(), n -> true);
        for (int t = 0; t < primer.tracks().size(); t++) {
            if (regenerated.contains(Instrument.of(primer.tracks().get(t)))) {
                parts.notes.get(t).removeIf(n -> n.tick() >= from && n.tick() < to);
            }
        }
        for (Track part : generated.tracks()) {
            if (!regenerated.contains(Instrument.of(part))) {
                continue;
            }
            for (Note note : part.notes()) {
                if (note.tick() >= model.start(firstBar) && note.tick() < model.end(lastBar)) {
                    int bar = model.barAt(note.tick());
                    parts.place(part, moved(note, model.start(bar), own.start(bar), generated.ticksPerQuarter(),
                            primer.ticksPerQuarter(), to));
                }
            }
        }
        return primer.withTracks(parts.tracks(true));
    }

    /**
     * The primer's first {@code primedBars} bars as read, followed by what the model wrote after them; the tempo map
     * is the primer's, the meters after the primer the model's. Tracks without a note in the result are left out.
     */
    static Score continuation(Score primer, Score generated, int primedBars) {
        int ownEnd = BarMap.of(primer, primedBars).end();
        int modelEnd = BarMap.of(generated, primedBars).end();
        Parts parts = new Parts(primer.tracks(), n -> n.tick() < ownEnd);
        for (Track part : generated.tracks()) {
            for (Note note : part.notes()) {
                if (note.tick() >= modelEnd) {
                    parts.place(part, moved(note, modelEnd, ownEnd, generated.ticksPerQuarter(),
                            primer.ticksPerQuarter(), Integer.MAX_VALUE));
                }
            }
        }
        Score kept = primer.before(ownEnd);
        List<TimeSignature> meters = new ArrayList<>(kept.timeSignatures());
        for (TimeSignature ts : generated.timeSignatures()) {
            boolean change = meters.isEmpty() || !meters.get(meters.size() - 1).sameMeter(ts);
            if (ts.tick() >= modelEnd && change) {
                meters.add(ts.at(ownEnd + scale(ts.tick() - modelEnd, generated.ticksPerQuarter(),
                        primer.ticksPerQuarter())));
            }
        }
        return new Score(primer.ticksPerQuarter(), parts.tracks(false), kept.tempos(), meters);
    }

    /**
     * A note of the model's piece at the primer's resolution: {@code modelOrigin} in the model's ticks is
     * {@code ownOrigin} in the primer's; released by {@code end} at the latest.
     */
    private static Note moved(Note note, int modelOrigin, int ownOrigin, int modelTpq, int ownTpq, int end) {
        int tick = ownOrigin + scale(note.tick() - modelOrigin, modelTpq, ownTpq);
        int duration = note.duration() == 0 ? 0 : Math.max(1, scale(note.duration(), modelTpq, ownTpq));
        return new Note(tick, (int) Math.max(0, Math.min(duration, (long) end - tick)), note.pitch(),
                note.velocity());
    }

    private static int scale(int ticks, int fromTpq, int toTpq) {
        return (int) Math.round((double) ticks * toTpq / fromTpq);
    }

    /** The primer's tracks as lists of notes to change, and the tracks of instruments the primer does not have. */
    private static final class Parts {
        private final List<Track> primerTracks;
        private final List<List<Note>> notes = new ArrayList<>();
        private final Map<Instrument, Track> added = new LinkedHashMap<>();
        private final Map<Instrument, List<Note>> addedNotes = new LinkedHashMap<>();

        /** Per primer track: the median pitch of its notes, and how often it strikes each key (for drums). */
        private final double[] medianPitch;
        private final int[][] keyCounts;

        Parts(List<Track> primerTracks, java.util.function.Predicate<Note> keep) {
            this.primerTracks = primerTracks;
            medianPitch = new double[primerTracks.size()];
            keyCounts = new int[primerTracks.size()][128];
            for (int t = 0; t < primerTracks.size(); t++) {
                Track track = primerTracks.get(t);
                notes.add(new ArrayList<>(track.notes().stream().filter(keep).toList()));
                int[] pitches = track.notes().stream().mapToInt(Note::pitch).sorted().toArray();
                medianPitch[t] = pitches.length == 0 ? 60 : pitches[pitches.length / 2];
                for (int pitch : pitches) {
                    keyCounts[t][pitch]++;
                }
            }
        }

        /** Adds a note of one of the model's parts to the primer track it belongs in, or to a new track. */
        void place(Track part, Note note) {
            Instrument instrument = Instrument.of(part);
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int t = 0; t < primerTracks.size(); t++) {
                Track track = primerTracks.get(t);
                if (Instrument.of(track).equals(instrument)) {
                    double distance = instrument.drum() ? -keyCounts[t][note.pitch()]
                            : Math.abs(medianPitch[t] - note.pitch());
                    if (distance < bestDistance) {
                        best = t;
                        bestDistance = distance;
                    }
                }
            }
            if (best >= 0) {
                notes.get(best).add(note);
            } else {
                added.computeIfAbsent(instrument, i -> part);
                addedNotes.computeIfAbsent(instrument, i -> new ArrayList<>()).add(note);
            }
        }

        /** The primer's tracks in their order (empty ones only if asked), then new instruments, drums last. */
        List<Track> tracks(boolean keepEmpty) {
            List<Track> tracks = new ArrayList<>();
            for (int t = 0; t < primerTracks.size(); t++) {
                Track track = primerTracks.get(t);
                if (keepEmpty || !notes.get(t).isEmpty()) {
                    tracks.add(withNotes(track.name(), track.program(), track.drum(), notes.get(t)));
                }
            }
            added.entrySet().stream().sorted(Comparator.comparing((Map.Entry<Instrument, Track> e) -> e.getKey().drum())
                    .thenComparingInt(e -> e.getKey().program())).forEach(e -> {
                        Track part = e.getValue();
                        tracks.add(withNotes(InstrumentClass.of(part.program(), part.drum()).displayName(),
                                part.program(), part.drum(), addedNotes.get(e.getKey())));
                    });
            return tracks;
        }

        private static Track withNotes(String name, int program, boolean drum, List<Note> notes) {
            List<Note> sorted = new ArrayList<>(notes);
            sorted.sort(Comparator.naturalOrder());
            return new Track(name, program, drum, sorted);
        }
    }
}
