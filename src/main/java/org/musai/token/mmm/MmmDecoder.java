package org.musai.token.mmm;

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

/**
 * Reads one token sequence, plain or bar-infill form, into a score; one instance per sequence, not thread-safe.
 * Never throws: a token that cannot follow what came before is skipped and counted.
 */
final class MmmDecoder {

    /** Where the decoder is in the document grammar. */
    private enum State { OUTSIDE_TRACK, TRACK_HEADER, BETWEEN_BARS, IN_BAR }

    private final MmmTokenIds ids;
    private final Quantization quantization;
    private final int[] tokens;
    private final int stop;
    private final FillSegments fills;
    /** The last position at which a bar may start, so that no tick overflows an int. */
    private final int lastBarStart;
    private final int commonTime;

    private final CanonicalTracks tracks = new CanonicalTracks();
    private final OpenNotes open = new OpenNotes();
    private final List<TimeSignature> timeSignatures = new ArrayList<>();
    private int skipped;
    private int nextFill;
    private boolean begun;
    private boolean pieceStarted;
    private int tempoLevel = -1;
    private int tracksOpened;

    private State state = State.OUTSIDE_TRACK;
    private int program;
    private boolean drum;
    private boolean hasInstrument;
    private boolean hasDensity;
    private int meterIndex;
    /** Start of the open bar, or of the next bar between bars: the end of the track's last bar. */
    private int barStart;
    private int barLength;
    private int time;
    private boolean barHasContent;
    private int velocityLevel;

    MmmDecoder(MmmTokenIds ids, Quantization quantization, int[] tokens) {
        this.ids = ids;
        this.quantization = quantization;
        this.tokens = tokens;
        int end = 0;
        while (end < tokens.length && tokens[end] != SpecialTokens.EOS) {
            end++;
        }
        this.stop = end;
        this.fills = FillSegments.find(tokens, stop, ids.fillStart(), ids.fillEnd());
        this.lastBarStart = Integer.MAX_VALUE / quantization.ticksPerPosition() - quantization.maxBarPositions();
        this.commonTime = quantization.meterIndex(TimeSignature.COMMON_TIME);
    }

    /** Decodes the whole sequence, up to its first EOS. */
    DecodedScore decode() {
        int fill = 0;
        int i = 0;
        while (i < stop) {
            if (fill < fills.count() && i == fills.start(fill)) {
                i = fills.end(fill); // fills are read where their placeholder stands
                fill++;
                continue;
            }
            accept(tokens[i], false);
            i++;
        }
        for (int unused = nextFill; unused < fills.count(); unused++) {
            skipped += fills.end(unused) - fills.start(unused);
        }
        if (state == State.IN_BAR) {
            endBar();
        }
        if (state != State.OUTSIDE_TRACK) {
            endTrack();
        }
        return new DecodedScore(toScore(), skipped);
    }

    private void accept(int id, boolean inFill) {
        boolean first = !begun;
        begun = true;
        int value = ids.valueOf(id);
        boolean valid = switch (ids.kindOf(id)) {
            case SPECIAL -> id == SpecialTokens.BOS && first;
            case PIECE_START -> pieceHeader() && !pieceStarted && startPiece();
            case TEMPO -> pieceHeader() && tempoLevel < 0 && setTempo(value);
            case TRACK_START -> state == State.OUTSIDE_TRACK && startTrack();
            case INSTRUMENT -> state == State.TRACK_HEADER && !hasInstrument && setInstrument(value);
            case DENSITY -> state == State.TRACK_HEADER && hasInstrument && !hasDensity && setDensity();
            case BAR_START -> (state == State.BETWEEN_BARS || state == State.TRACK_HEADER && hasInstrument)
                    && barStart <= lastBarStart && startBar();
            case TIME_SIG -> state == State.IN_BAR && !barHasContent && setMeter(value);
            case TIME_DELTA -> state == State.IN_BAR && time + value <= barStart + barLength && shift(value);
            case VELOCITY -> state == State.IN_BAR && setVelocity(value);
            case NOTE_ON -> state == State.IN_BAR && velocityLevel >= 0 && time < barStart + barLength
                    && noteOn(value);
            case NOTE_OFF -> state == State.IN_BAR && noteOff(value);
            case BAR_END -> state == State.IN_BAR && endBar();
            case TRACK_END -> (state == State.BETWEEN_BARS || state == State.TRACK_HEADER) && endTrack();
            case FILL_PLACEHOLDER -> !inFill && placeholder();
            case FILL_START, FILL_END, UNKNOWN -> false;
        };
        if (!valid) {
            skipped++;
        }
    }

    /** Whether piece-level tokens may come: before the first track. */
    private boolean pieceHeader() {
        return state == State.OUTSIDE_TRACK && tracksOpened == 0;
    }

    private boolean startPiece() {
        pieceStarted = true;
        return true;
    }

    private boolean setTempo(int level) {
        tempoLevel = level;
        return true;
    }

    private boolean startTrack() {
        state = State.TRACK_HEADER;
        tracksOpened++;
        hasInstrument = false;
        hasDensity = false;
        meterIndex = commonTime;
        barStart = 0;
        open.clear();
        return true;
    }

    private boolean setInstrument(int value) {
        hasInstrument = true;
        drum = value < 0;
        program = drum ? 0 : value;
        return true;
    }

    private boolean setDensity() {
        hasDensity = true; // informative only: the notes say how dense the track is
        return true;
    }

    private boolean startBar() {
        state = State.IN_BAR;
        barLength = quantization.barPositions(quantization.meters().get(meterIndex));
        time = barStart;
        barHasContent = false;
        velocityLevel = -1;
        return true;
    }

    private boolean setMeter(int index) {
        barHasContent = true; // one TIME_SIG per bar, before its events
        meterIndex = index;
        barLength = quantization.barPositions(quantization.meters().get(index));
        if (tracksOpened == 1) { // the score's meters are the first track's; 4/4 until it says otherwise
            TimeSignature meter = quantization.meters().get(index);
            TimeSignature last = timeSignatures.isEmpty()
                    ? TimeSignature.COMMON_TIME : timeSignatures.get(timeSignatures.size() - 1);
            if (!last.sameMeter(meter)) {
                timeSignatures.add(meter.at(barStart * quantization.ticksPerPosition()));
            }
        }
        return true;
    }

    private boolean shift(int positions) {
        barHasContent = true;
        time += positions;
        return true;
    }

    private boolean setVelocity(int level) {
        barHasContent = true;
        velocityLevel = level;
        return true;
    }

    private boolean noteOn(int pitch) {
        barHasContent = true;
        open.open(pitch, time, velocityLevel);
        return true;
    }

    /** Ends the earliest open note of the pitch; invalid when none is open or it would last no time. */
    private boolean noteOff(int pitch) {
        int note = open.earliest(pitch);
        if (note < 0 || open.onset(note) >= time) {
            return false;
        }
        barHasContent = true;
        addNote(pitch, open.onset(note), time, open.velocityLevel(note));
        open.closeEarliest(pitch);
        return true;
    }

    private boolean endBar() {
        state = State.BETWEEN_BARS;
        barStart += barLength;
        return true;
    }

    /** Closes the track; notes still open end with its last bar, which is valid music and not skipped. */
    private boolean endTrack() {
        for (int pitch = 0; pitch < 128; pitch++) {
            for (int note = open.earliest(pitch); note >= 0; note = open.nextOfPitch(note)) {
                addNote(pitch, open.onset(note), barStart, open.velocityLevel(note));
            }
        }
        open.clear();
        state = State.OUTSIDE_TRACK;
        return true;
    }

    /** Reads the next fill where the placeholder stands; a placeholder outside a bar is skipped all the same. */
    private boolean placeholder() {
        boolean valid = state == State.IN_BAR;
        if (nextFill < fills.count()) {
            int fill = nextFill++;
            for (int i = fills.contentStart(fill); i < fills.contentEnd(fill); i++) {
                accept(tokens[i], true);
            }
        }
        return valid;
    }

    private void addNote(int pitch, int onset, int end, int level) {
        int tpp = quantization.ticksPerPosition();
        tracks.add(program, drum, new Note(onset * tpp, (end - onset) * tpp, pitch, quantization.velocity(level)));
    }

    private Score toScore() {
        int level = tempoLevel >= 0 ? tempoLevel : quantization.nearestTempoIndex(120.0);
        List<TimeSignature> meters = timeSignatures;
        if (meters.isEmpty() || meters.get(0).tick() != 0) {
            meters = new ArrayList<>(timeSignatures.size() + 1);
            meters.add(TimeSignature.COMMON_TIME);
            meters.addAll(timeSignatures);
        }
        return new Score(Quantization.TICKS_PER_QUARTER, tracks.toTracks(),
                List.of(new TempoChange(0, quantization.tempoMicros(level))), meters);
    }
}
