package org.musai.token.remi;

import java.util.ArrayList;
import java.util.List;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.token.CanonicalTracks;
import org.musai.token.DecodedScore;
import org.musai.token.Quantization;
import org.musai.token.SpecialTokens;
import org.musai.token.remi.RemiVocabulary.Kind;

/**
 * Reads a REMI stream back into a score, one token at a time, skipping and counting every token that cannot follow
 * what came before. Never throws. One instance per decoding; not thread-safe.
 */
final class RemiDecoder {

    private final RemiVocabulary v;
    private final Quantization q;
    private final CanonicalTracks tracks = new CanonicalTracks();
    private final List<TempoChange> tempos = new ArrayList<>();
    private final List<TimeSignature> meters = new ArrayList<>();

    private final RemiClock clock;
    /**
     * The furthest a Bar or Rest may move time, so that a note there, a bar and a duration later, still has a tick
     * within the int range: any id sequence decodes, however many bars it holds.
     */
    private final int lastSafePosition;
    private Kind previous = Kind.SPECIAL;
    private int skipped;

    /** How much of a note has been read: its Program, then Pitch, then Velocity; 0 when none is open. */
    private int noteTokens;
    private int program;
    private boolean drum;
    private int pitch;
    private int velocity;

    RemiDecoder(RemiVocabulary vocabulary, Quantization quantization) {
        this.v = vocabulary;
        this.q = quantization;
        this.clock = new RemiClock(quantization);
        this.lastSafePosition = Integer.MAX_VALUE / q.ticksPerPosition() - q.maxBarPositions()
                - q.duration(q.durationCount() - 1);
    }

    DecodedScore decode(int[] ids) {
        for (int id : ids) {
            if (id == SpecialTokens.EOS) {
                break;
            }
            Kind kind = v.kind(id);
            if (noteTokens > 0 && kind != expectedNoteToken()) {
                skipped += noteTokens; // an unfinished note is dropped whole
                noteTokens = 0;
            }
            if (accept(kind, v.value(id), id)) {
                previous = kind;
            } else {
                skipped++;
            }
        }
        skipped += noteTokens;
        int tpp = q.ticksPerPosition();
        List<TimeSignature> timeSignatures = meters.isEmpty() ? List.of(TimeSignature.COMMON_TIME) : meters;
        return new DecodedScore(new Score(Quantization.TICKS_PER_QUARTER, tracks.toTracks(), tempos,
                timeSignatures.stream().map(ts -> ts.at(ts.tick() * tpp)).toList()), skipped);
    }

    private Kind expectedNoteToken() {
        return switch (noteTokens) {
            case 1 -> Kind.PITCH;
            case 2 -> Kind.VELOCITY;
            default -> Kind.DURATION;
        };
    }

    /** Applies one token; false when it cannot follow what came before. */
    private boolean accept(Kind kind, int value, int id) {
        boolean inBar = clock.inBar();
        switch (kind) {
            case SPECIAL:
                return id != SpecialTokens.MASK;
            case BAR:
                if (clock.barStart() + clock.barLength() > lastSafePosition) {
                    return false;
                }
                clock.nextBar();
                return true;
            case TIME_SIGNATURE:
                if (!inBar || !clock.atBarStart() || (previous != Kind.BAR && previous != Kind.REST)) {
                    return false;
                }
                TimeSignature meter = q.meters().get(value).at(clock.barStart());
                clock.meter(meter);
                if (!meters.isEmpty() && meters.get(meters.size() - 1).tick() == clock.barStart()) {
                    meters.remove(meters.size() - 1);
                }
                if (meters.isEmpty() || !meters.get(meters.size() - 1).sameMeter(meter)) {
                    meters.add(meter); // a meter repeated at every bar is one meter
                }
                return true;
            case POSITION:
                if (!inBar || value >= clock.barLength() || clock.barStart() + value < clock.cursor()) {
                    return false;
                }
                clock.position(value);
                return true;
            case TEMPO:
                if (!inBar) {
                    return false;
                }
                int tick = clock.cursor() * q.ticksPerPosition();
                if (!tempos.isEmpty() && tempos.get(tempos.size() - 1).tick() == tick) {
                    tempos.remove(tempos.size() - 1);
                }
                tempos.add(new TempoChange(tick, q.tempoMicros(value)));
                return true;
            case REST:
                if (!inBar || clock.restLanding(value) > lastSafePosition) {
                    return false;
                }
                clock.rest(value);
                return true;
            case CLASS:
                return !inBar; // the header names the band; the notes themselves say who plays
            case CHORD:
                return inBar; // chords describe the notes that follow; the notes themselves carry the music
            case PROGRAM:
                if (!inBar) {
                    return false;
                }
                drum = value < 0;
                program = drum ? 0 : value;
                noteTokens = 1;
                return true;
            case PITCH:
                if (noteTokens != 1) {
                    return false;
                }
                pitch = value;
                noteTokens = 2;
                return true;
            case VELOCITY:
                if (noteTokens != 2) {
                    return false;
                }
                velocity = q.velocity(value);
                noteTokens = 3;
                return true;
            case DURATION:
                if (noteTokens != 3) {
                    return false;
                }
                int tpp = q.ticksPerPosition();
                tracks.add(program, drum, new Note(clock.cursor() * tpp, q.duration(value) * tpp, pitch, velocity));
                clock.note(value);
                noteTokens = 0;
                return true;
            default:
                return false;
        }
    }
}
