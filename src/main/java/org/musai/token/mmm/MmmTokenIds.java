package org.musai.token.mmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.Vocabulary;

/**
 * The layout of the MMM vocabulary: the id of every token and the kind and value of every id, for the encoder,
 * the decoder and a grammar-constrained generator. Immutable and thread-safe.
 *
 * <p>Order: the special tokens (ids 0-3), PIECE_START, TRACK_START, TRACK_END, BAR_START, BAR_END,
 * FILL_PLACEHOLDER, FILL_START, FILL_END, INST_-1 (drums) and INST_0..INST_127, DENSITY_0..DENSITY_9, one TIME_SIG
 * per meter, one TEMPO per tempo level, one VELOCITY per velocity level, NOTE_ON and NOTE_OFF for each pitch of the
 * configured range, and TIME_DELTA_1..TIME_DELTA_n where n is four beats in grid positions.
 */
public final class MmmTokenIds {

    /** Number of note density levels. */
    public static final int DENSITY_LEVELS = 10;

    /** Number of INST tokens: drums and the 128 General MIDI programs. */
    public static final int INSTRUMENTS = 129;

    private static final int PIECE_START = SpecialTokens.COUNT;
    private static final int TRACK_START = PIECE_START + 1;
    private static final int TRACK_END = PIECE_START + 2;
    private static final int BAR_START = PIECE_START + 3;
    private static final int BAR_END = PIECE_START + 4;
    private static final int FILL_PLACEHOLDER = PIECE_START + 5;
    private static final int FILL_START = PIECE_START + 6;
    private static final int FILL_END = PIECE_START + 7;

    private final Quantization quantization;
    private final Vocabulary vocabulary;
    private final int pitchLow;
    private final int pitchHigh;
    private final int maxTimeDelta;
    private final int instrumentBase;
    private final int densityBase;
    private final int timeSigBase;
    private final int tempoBase;
    private final int velocityBase;
    private final int noteOnBase;
    private final int noteOffBase;
    private final int timeDeltaBase;
    private final MmmTokenKind[] kindById;
    private final int[] valueById;

    public MmmTokenIds(Quantization quantization) {
        this.quantization = quantization;
        this.pitchLow = quantization.config().pitchLow();
        this.pitchHigh = quantization.config().pitchHigh();
        this.maxTimeDelta = 4 * quantization.positionsPerBeat();

        Vocabulary.Builder builder = new Vocabulary.Builder();
        SpecialTokens.addTo(builder);
        for (String name : List.of("PIECE_START", "TRACK_START", "TRACK_END", "BAR_START", "BAR_END",
                "FILL_PLACEHOLDER", "FILL_START", "FILL_END")) {
            builder.add(name);
        }
        instrumentBase = builder.addAll("INST", range(-1, 127));
        densityBase = builder.addAll("DENSITY", range(0, DENSITY_LEVELS - 1));
        timeSigBase = builder.addAll("TIME_SIG", quantization.meters());
        List<String> tempos = new ArrayList<>();
        for (int i = 0; i < quantization.tempoCount(); i++) {
            tempos.add(String.format(Locale.ROOT, "%.2f", quantization.tempoBpm(i)));
        }
        tempoBase = builder.addAll("TEMPO", tempos);
        List<Integer> velocities = new ArrayList<>();
        for (int i = 0; i < quantization.velocityCount(); i++) {
            velocities.add(quantization.velocity(i));
        }
        velocityBase = builder.addAll("VELOCITY", velocities);
        noteOnBase = builder.addAll("NOTE_ON", range(pitchLow, pitchHigh));
        noteOffBase = builder.addAll("NOTE_OFF", range(pitchLow, pitchHigh));
        timeDeltaBase = builder.addAll("TIME_DELTA", range(1, maxTimeDelta));
        vocabulary = builder.build();

        kindById = new MmmTokenKind[vocabulary.size()];
        valueById = new int[vocabulary.size()];
        Arrays.fill(kindById, 0, SpecialTokens.COUNT, MmmTokenKind.SPECIAL);
        MmmTokenKind[] structural = {MmmTokenKind.PIECE_START, MmmTokenKind.TRACK_START, MmmTokenKind.TRACK_END,
                MmmTokenKind.BAR_START, MmmTokenKind.BAR_END, MmmTokenKind.FILL_PLACEHOLDER,
                MmmTokenKind.FILL_START, MmmTokenKind.FILL_END};
        System.arraycopy(structural, 0, kindById, PIECE_START, structural.length);
        mark(instrumentBase, INSTRUMENTS, MmmTokenKind.INSTRUMENT, -1);
        mark(densityBase, DENSITY_LEVELS, MmmTokenKind.DENSITY, 0);
        mark(timeSigBase, quantization.meters().size(), MmmTokenKind.TIME_SIG, 0);
        mark(tempoBase, quantization.tempoCount(), MmmTokenKind.TEMPO, 0);
        mark(velocityBase, quantization.velocityCount(), MmmTokenKind.VELOCITY, 0);
        mark(noteOnBase, pitchHigh - pitchLow + 1, MmmTokenKind.NOTE_ON, pitchLow);
        mark(noteOffBase, pitchHigh - pitchLow + 1, MmmTokenKind.NOTE_OFF, pitchLow);
        mark(timeDeltaBase, maxTimeDelta, MmmTokenKind.TIME_DELTA, 1);
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>(to - from + 1);
        for (int value = from; value <= to; value++) {
            values.add(value);
        }
        return values;
    }

    private void mark(int base, int count, MmmTokenKind kind, int firstValue) {
        for (int i = 0; i < count; i++) {
            kindById[base + i] = kind;
            valueById[base + i] = firstValue + i;
        }
    }

    /** The vocabulary these ids index. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The kind of a token; {@link MmmTokenKind#UNKNOWN} for any id outside the vocabulary. */
    public MmmTokenKind kindOf(int id) {
        return id >= 0 && id < kindById.length ? kindById[id] : MmmTokenKind.UNKNOWN;
    }

    /**
     * The value a token carries (see {@link MmmTokenKind}): a program (-1 for drums), a level, a meter index, a
     * pitch or a shift in positions; 0 for tokens without a value and for ids outside the vocabulary.
     */
    public int valueOf(int id) {
        return id >= 0 && id < valueById.length ? valueById[id] : 0;
    }

    public int pieceStart() {
        return PIECE_START;
    }

    public int trackStart() {
        return TRACK_START;
    }

    public int trackEnd() {
        return TRACK_END;
    }

    public int barStart() {
        return BAR_START;
    }

    public int barEnd() {
        return BAR_END;
    }

    public int fillPlaceholder() {
        return FILL_PLACEHOLDER;
    }

    public int fillStart() {
        return FILL_START;
    }

    public int fillEnd() {
        return FILL_END;
    }

    /** The INST token of a track: INST_-1 for drums (whatever the program), else INST_program. */
    public int instrumentId(int program, boolean drum) {
        if (drum) {
            return instrumentBase;
        }
        return instrumentBase + 1 + check(program, 0, 127, "program");
    }

    /** DENSITY_level, level 0-9. */
    public int densityId(int level) {
        return densityBase + check(level, 0, DENSITY_LEVELS - 1, "density level");
    }

    /** The TIME_SIG token of a meter index into {@code Quantization.meters()}. */
    public int timeSignatureId(int meterIndex) {
        return timeSigBase + check(meterIndex, 0, quantization.meters().size() - 1, "meter index");
    }

    /** The TIME_SIG token of a meter, or -1 when the meter has none. */
    public int timeSignatureId(TimeSignature meter) {
        int index = quantization.meterIndex(meter);
        return index < 0 ? -1 : timeSigBase + index;
    }

    /** The TEMPO token of a tempo level. */
    public int tempoId(int level) {
        return tempoBase + check(level, 0, quantization.tempoCount() - 1, "tempo level");
    }

    /** The VELOCITY token of a velocity level. */
    public int velocityId(int level) {
        return velocityBase + check(level, 0, quantization.velocityCount() - 1, "velocity level");
    }

    /** NOTE_ON of a pitch within the configured range. */
    public int noteOnId(int pitch) {
        return noteOnBase + check(pitch, pitchLow, pitchHigh, "pitch") - pitchLow;
    }

    /** NOTE_OFF of a pitch within the configured range. */
    public int noteOffId(int pitch) {
        return noteOffBase + check(pitch, pitchLow, pitchHigh, "pitch") - pitchLow;
    }

    /** TIME_DELTA of a shift of 1 to {@link #maxTimeDelta()} positions. */
    public int timeDeltaId(int positions) {
        return timeDeltaBase + check(positions, 1, maxTimeDelta, "time delta") - 1;
    }

    /** The longest shift one TIME_DELTA token says: four beats, in grid positions. */
    public int maxTimeDelta() {
        return maxTimeDelta;
    }

    private static int check(int value, int low, int high, String what) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(what + " must be " + low + "-" + high + ", not " + value);
        }
        return value;
    }
}
