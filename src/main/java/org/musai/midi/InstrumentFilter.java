package org.musai.midi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses which files and tracks go into a dataset by instrument class and length, as the seed's {@code -c},
 * {@code -r} and {@code -l} flags do. Immutable and thread-safe.
 *
 * @param keep           classes whose tracks stay; the others are removed
 * @param required       classes a file must have (before removal) to be used; drums count
 * @param minBeats       files whose kept notes end before this many quarter-note beats are skipped
 * @param mergeSameClass merge the tracks of one class into one, with the program of the first
 */
public record InstrumentFilter(Set<InstrumentClass> keep, Set<InstrumentClass> required, double minBeats,
                               boolean mergeSameClass) {

    public InstrumentFilter {
        keep = keep.isEmpty() ? EnumSet.noneOf(InstrumentClass.class) : EnumSet.copyOf(keep);
        required = required.isEmpty() ? EnumSet.noneOf(InstrumentClass.class) : EnumSet.copyOf(required);
        if (keep.isEmpty()) {
            throw new IllegalArgumentException("keep at least one instrument class");
        }
        if (minBeats < 0) {
            throw new IllegalArgumentException("minimum length must not be negative");
        }
    }

    /** Every class but Sound Effects, which add nothing a model can learn from, as in the seed. */
    public static Set<InstrumentClass> defaultClasses() {
        return EnumSet.complementOf(EnumSet.of(InstrumentClass.SOUND_EFFECTS));
    }

    /** The seed's defaults: all classes but Sound Effects, nothing required, no minimum length, no merging. */
    public static InstrumentFilter defaults() {
        return new InstrumentFilter(defaultClasses(), Set.of(), 0, false);
    }

    /**
     * What the filter makes of a score.
     *
     * @param score      the score with only the kept tracks, or null when the file is skipped
     * @param skipReason why the file is skipped, or null
     */
    public record Outcome(Score score, String skipReason) {
        public boolean skipped() {
            return score == null;
        }
    }

    public Outcome apply(Score score) {
        Set<InstrumentClass> present = classesOf(score);
        if (!present.containsAll(required)) {
            Set<InstrumentClass> missing = EnumSet.copyOf(required);
            missing.removeAll(present);
            return new Outcome(null, "missing required classes: " + names(missing));
        }
        List<Track> kept = new ArrayList<>();
        for (Track track : score.tracks()) {
            if (keep.contains(track.instrumentClass()) && !track.notes().isEmpty()) {
                kept.add(track);
            }
        }
        if (kept.isEmpty()) {
            return new Outcome(null, score.noteCount() == 0 ? "no notes" : "no notes in the kept classes");
        }
        Score filtered = score.withTracks(mergeSameClass ? mergeByClass(kept) : kept);
        double beats = filtered.lengthInBeats();
        if (beats < minBeats) {
            return new Outcome(null, String.format(Locale.ROOT, "too short: %.1f beats, under %s", beats,
                    minBeats == Math.rint(minBeats) ? Long.toString((long) minBeats) : Double.toString(minBeats)));
        }
        return new Outcome(filtered, null);
    }

    /** The classes of the tracks that have notes. */
    public static Set<InstrumentClass> classesOf(Score score) {
        Set<InstrumentClass> classes = EnumSet.noneOf(InstrumentClass.class);
        for (Track track : score.tracks()) {
            if (!track.notes().isEmpty()) {
                classes.add(track.instrumentClass());
            }
        }
        return classes;
    }

    private static List<Track> mergeByClass(List<Track> tracks) {
        Map<InstrumentClass, List<Track>> byClass = new LinkedHashMap<>();
        for (Track track : tracks) {
            byClass.computeIfAbsent(track.instrumentClass(), c -> new ArrayList<>()).add(track);
        }
        List<Track> merged = new ArrayList<>();
        for (List<Track> group : byClass.values()) {
            Track first = group.get(0);
            List<Note> notes = new ArrayList<>();
            group.forEach(t -> notes.addAll(t.notes()));
            notes.sort(null);
            merged.add(new Track(first.name(), first.program(), first.drum(), notes));
        }
        return merged;
    }

    private static String names(Set<InstrumentClass> classes) {
        return classes.stream().map(InstrumentClass::displayName).collect(Collectors.joining(", "));
    }
}
