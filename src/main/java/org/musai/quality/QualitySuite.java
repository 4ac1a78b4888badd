package org.musai.quality;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.musai.generate.SamplingSettings;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.TimeSignature;

/**
 * The pieces the benchmark asks a model for: every combination of class set, meter and length (a cell), each
 * {@code pieces} times with seeds {@code seed}, {@code seed + 1}, ... (as {@code musai generate --seed S
 * --variations N} numbers them), at a fixed tempo and the default sampling settings. Immutable.
 *
 * @param classSets class sets, each with a name
 * @param meters    time signatures
 * @param bars      lengths in bars
 * @param pieces    pieces per cell
 * @param seed      the first piece's seed in every cell
 * @param tempoBpm  the tempo asked for
 */
public record QualitySuite(List<ClassSet> classSets, List<TimeSignature> meters, List<Integer> bars, int pieces,
                           long seed, double tempoBpm) {

    /**
     * Pieces per cell by default: 30 cells of 10 pieces (300 pieces, 5,600 bars, about 540,000 tokens), 100 pieces
     * per length. The whole benchmark of the default model took 13 min 21 s on the 2-core CI-kind machine while other
     * jobs held its load average at 4-8 (8 min 28 s of it writing the pieces on 2 threads); {@code --pieces} scales it.
     */
    public static final int DEFAULT_PIECES = 10;
    /** The CLI's default tempo ({@code musai generate --tempo}). */
    public static final double DEFAULT_TEMPO_BPM = 120;
    /** The name of the set of every class but Sound Effects, which asks for no class in particular. */
    public static final String ALL = "all";

    /**
     * A named set of instrument classes.
     *
     * @param name    "all", or the class numbers as typed ("0,4,16")
     * @param classes the classes
     */
    public record ClassSet(String name, Set<InstrumentClass> classes) {
        public ClassSet {
            classes = EnumSet.copyOf(classes);
        }

        /** "all", or the class numbers separated by commas. */
        public static ClassSet parse(String text) {
            String trimmed = text.trim();
            if (trimmed.equalsIgnoreCase(ALL)) {
                return new ClassSet(ALL, InstrumentFilter.defaultClasses());
            }
            Set<InstrumentClass> classes = EnumSet.noneOf(InstrumentClass.class);
            for (String part : trimmed.split(",")) {
                if (!part.isBlank()) {
                    classes.add(InstrumentClass.parse(part));
                }
            }
            if (classes.isEmpty()) {
                throw new IllegalArgumentException("no instrument class in '" + text + "'");
            }
            return new ClassSet(String.join(",", classes.stream().map(c -> Integer.toString(c.number())).toList()),
                    classes);
        }

        /** Whether this set names its classes: then each of them is expected to play. */
        public boolean explicit() {
            return !ALL.equals(name);
        }
    }

    /**
     * One combination of the suite.
     *
     * @param classSet the classes that may play
     * @param meter    the time signature
     * @param bars     the length
     */
    public record Cell(ClassSet classSet, TimeSignature meter, int bars) {
    }

    public QualitySuite {
        classSets = List.copyOf(classSets);
        meters = List.copyOf(meters);
        bars = List.copyOf(bars);
        if (classSets.isEmpty() || meters.isEmpty() || bars.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one class set, meter and length");
        }
        if (pieces < 1) {
            throw new IllegalArgumentException("pieces per cell must be at least 1, not " + pieces);
        }
    }

    /** Class sets "all", "0,4,16", "3,4,16", "0,5" and "0"; 4/4 and 3/4; 8, 16 and 32 bars; 120 bpm. */
    public static QualitySuite standard(int pieces, long seed) {
        List<ClassSet> sets = new ArrayList<>();
        for (String text : new String[]{ALL, "0,4,16", "3,4,16", "0,5", "0"}) {
            sets.add(ClassSet.parse(text));
        }
        return new QualitySuite(sets, List.of(TimeSignature.COMMON_TIME, new TimeSignature(0, 3, 4)),
                List.of(8, 16, 32), pieces, seed, DEFAULT_TEMPO_BPM);
    }

    /** Every cell: class sets, then meters, then lengths. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (ClassSet set : classSets) {
            for (TimeSignature meter : meters) {
                for (int length : bars) {
                    cells.add(new Cell(set, meter, length));
                }
            }
        }
        return cells;
    }

    /** The seed of a cell's i-th piece (from 0). */
    public long seedOf(int piece) {
        return seed + piece;
    }

    /** How a piece is sampled: the CLI's defaults (temperature 1.0, top-p 0.85, penalty 1.1) with its seed. */
    public SamplingSettings sampling(long pieceSeed) {
        return SamplingSettings.defaults(pieceSeed);
    }

    /** The longest length asked for. */
    public int longest() {
        return bars.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
