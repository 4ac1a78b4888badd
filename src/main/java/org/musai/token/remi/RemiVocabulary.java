package org.musai.token.remi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;
import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.TokenizerConfig;
import org.musai.token.Vocabulary;

/**
 * The REMI vocabulary in MidiTok's naming, with the id of each token family, so that encoding, decoding and
 * constrained sampling can work on ids without looking up names. Immutable.
 */
public final class RemiVocabulary {

    /** What a token id stands for. */
    public enum Kind {
        SPECIAL, BAR, POSITION, PITCH, VELOCITY, DURATION, PROGRAM, CHORD, REST, TEMPO, TIME_SIGNATURE,
        /** An instrument class of the piece's header (0-16, drums 16), with the class header on. */
        CLASS,
        UNKNOWN
    }

    private final Vocabulary vocabulary;
    private final Quantization q;
    private final int bar;
    private final int firstPosition;
    private final int firstPitch;
    private final int firstVelocity;
    private final int firstDuration;
    private final int firstProgram;
    private final int firstChord;
    private final int firstRest;
    private final int firstTempo;
    private final int firstTimeSignature;
    private final int firstClass;
    private final Kind[] kinds;

    RemiVocabulary(Quantization quantization) {
        this.q = quantization;
        TokenizerConfig config = quantization.config();
        Vocabulary.Builder b = new Vocabulary.Builder();
        SpecialTokens.addTo(b);
        bar = b.add("Bar_None");
        firstPosition = b.addAll("Position", IntStream.range(0, q.maxBarPositions()).boxed().toList());
        firstPitch = b.addAll("Pitch", IntStream.rangeClosed(config.pitchLow(), config.pitchHigh()).boxed().toList());
        firstVelocity = b.addAll("Velocity", IntStream.range(0, q.velocityCount()).map(q::velocity).boxed().toList());
        firstDuration = b.addAll("Duration", IntStream.range(0, q.durationCount())
                .mapToObj(i -> q.beatsLabel(q.duration(i), config.durationResolution())).toList());
        firstProgram = b.addAll("Program", IntStream.rangeClosed(-1, 127).boxed().toList());
        firstChord = b.addAll("Chord", ChordDetector.tokenNames());
        firstRest = b.addAll("Rest", IntStream.range(0, q.restCount())
                .mapToObj(i -> q.beatsLabel(q.rest(i), config.restResolution())).toList());
        firstTempo = b.addAll("Tempo", IntStream.range(0, q.tempoCount())
                .mapToObj(i -> String.format(Locale.ROOT, "%.2f", q.tempoBpm(i))).toList());
        List<String> meters = new ArrayList<>();
        for (TimeSignature ts : q.meters()) {
            meters.add(ts.toString());
        }
        firstTimeSignature = b.addAll("TimeSig", meters);
        // last, so that the ids of every other token are those of a vocabulary without the header
        firstClass = config.classHeader() ? b.addAll("Class", IntStream.range(0, InstrumentClass.values().length)
                .boxed().toList()) : -1;
        vocabulary = b.build();

        kinds = new Kind[vocabulary.size()];
        mark(0, SpecialTokens.COUNT, Kind.SPECIAL);
        mark(bar, firstPosition, Kind.BAR);
        mark(firstPosition, firstPitch, Kind.POSITION);
        mark(firstPitch, firstVelocity, Kind.PITCH);
        mark(firstVelocity, firstDuration, Kind.VELOCITY);
        mark(firstDuration, firstProgram, Kind.DURATION);
        mark(firstProgram, firstChord, Kind.PROGRAM);
        mark(firstChord, firstRest, Kind.CHORD);
        mark(firstRest, firstTempo, Kind.REST);
        mark(firstTempo, firstTimeSignature, Kind.TEMPO);
        int afterMeters = firstClass < 0 ? vocabulary.size() : firstClass;
        mark(firstTimeSignature, afterMeters, Kind.TIME_SIGNATURE);
        mark(afterMeters, vocabulary.size(), Kind.CLASS);
    }

    private void mark(int from, int to, Kind kind) {
        for (int i = from; i < to; i++) {
            kinds[i] = kind;
        }
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The family of a token; UNKNOWN for ids outside the vocabulary. */
    public Kind kind(int id) {
        return id >= 0 && id < kinds.length ? kinds[id] : Kind.UNKNOWN;
    }

    /** The value of a token within its family: position, pitch, level index, program (-1 for drums) and so on. */
    public int value(int id) {
        return switch (kind(id)) {
            case POSITION -> id - firstPosition;
            case PITCH -> id - firstPitch + q.config().pitchLow();
            case VELOCITY -> id - firstVelocity;
            case DURATION -> id - firstDuration;
            case PROGRAM -> id - firstProgram - 1;
            case CHORD -> id - firstChord;
            case REST -> id - firstRest;
            case TEMPO -> id - firstTempo;
            case TIME_SIGNATURE -> id - firstTimeSignature;
            case CLASS -> id - firstClass;
            default -> 0;
        };
    }

    public int bar() {
        return bar;
    }

    public int position(int position) {
        return firstPosition + position;
    }

    public int pitch(int pitch) {
        return firstPitch + pitch - q.config().pitchLow();
    }

    public int velocity(int levelIndex) {
        return firstVelocity + levelIndex;
    }

    public int duration(int levelIndex) {
        return firstDuration + levelIndex;
    }

    /** The Program token of a program, or of the drums (Program_-1). */
    public int program(int program, boolean drum) {
        return firstProgram + (drum ? 0 : program + 1);
    }

    public int chord(int chordIndex) {
        return firstChord + chordIndex;
    }

    public int rest(int levelIndex) {
        return firstRest + levelIndex;
    }

    public int tempo(int levelIndex) {
        return firstTempo + levelIndex;
    }

    public int timeSignature(int meterIndex) {
        return firstTimeSignature + meterIndex;
    }

    /** Whether the vocabulary has the instrument-class header. */
    public boolean hasClassHeader() {
        return firstClass >= 0;
    }

    /** The header token of an instrument class. */
    public int instrumentClass(InstrumentClass instrumentClass) {
        if (firstClass < 0) {
            throw new IllegalStateException("this vocabulary has no class header");
        }
        return firstClass + instrumentClass.number();
    }
}
