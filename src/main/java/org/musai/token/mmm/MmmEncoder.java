package org.musai.token.mmm;

import org.musai.token.IntList;
import org.musai.token.Quantization;
import org.musai.token.QuantizedScore;
import org.musai.token.SpecialTokens;

/** Writes the plain MMM document of a quantized score, read in its packed form. Stateless and thread-safe. */
final class MmmEncoder {

    /** Instrument keys of {@link QuantizedScore}: drums, then programs 0-127. */
    private static final int INSTRUMENT_KEYS = 129;

    private final MmmTokenIds ids;
    private final Quantization quantization;

    MmmEncoder(MmmTokenIds ids, Quantization quantization) {
        this.ids = ids;
        this.quantization = quantization;
    }

    /** The document of a quantized score. */
    MmmDocument encode(QuantizedScore score) {
        int[] instruments = canonicalInstruments(score.notes());
        int trackCount = instruments.length;
        long[] ons = new long[score.notes().length];
        long[] offs = new long[ons.length];
        int[] trackFrom = splitByTrack(score.notes(), instruments, ons, offs);
        NoteEvents[] events = new NoteEvents[trackCount];
        long end = 0;
        for (int t = 0; t < trackCount; t++) {
            events[t] = new NoteEvents(ons, offs, trackFrom[t], trackFrom[t + 1]);
            end = Math.max(end, events[t].lastPosition());
        }
        BarLayout bars = BarLayout.of(score.timeSignatures(), end, quantization);
        int barCount = bars.count();
        int[] eventsFrom = new int[trackCount * barCount];
        int[] eventsTo = new int[trackCount * barCount];
        IntList out = new IntList(4 + ons.length * 4 + trackCount * (barCount * 3 + 4));
        out.add(SpecialTokens.BOS);
        out.add(ids.pieceStart());
        out.add(ids.tempoId(score.tempoLevels()[0])); // MMM has no tempo map: the first tempo stands for the piece
        for (int t = 0; t < trackCount; t++) {
            int instrument = instruments[t];
            boolean drum = instrument == QuantizedScore.DRUM_INSTRUMENT;
            out.add(ids.trackStart());
            out.add(ids.instrumentId(drum ? 0 : instrument - 1, drum));
            out.add(ids.densityId(NoteDensity.level(trackFrom[t + 1] - trackFrom[t], barCount)));
            for (int bar = 0; bar < barCount; bar++) {
                out.add(ids.barStart());
                if (bars.writesMeter(bar)) {
                    out.add(ids.timeSignatureId(bars.meterIndex(bar)));
                }
                eventsFrom[t * barCount + bar] = out.size();
                writeBar(events[t], bars.start(bar), bars.start(bar + 1), out);
                eventsTo[t * barCount + bar] = out.size();
                out.add(ids.barEnd());
            }
            out.add(ids.trackEnd());
        }
        out.add(SpecialTokens.EOS);
        return new MmmDocument(out.toArray(), trackCount, barCount, eventsFrom, eventsTo);
    }

    /** The instrument keys that have notes, in the canonical track order: programs ascending, drums last. */
    private static int[] canonicalInstruments(long[] notes) {
        boolean[] present = new boolean[INSTRUMENT_KEYS];
        int count = 0;
        for (long note : notes) {
            int instrument = QuantizedScore.instrument(note);
            count += present[instrument] ? 0 : 1;
            present[instrument] = true;
        }
        int[] instruments = new int[count];
        int t = 0;
        for (int key = 0; key < INSTRUMENT_KEYS; key++) {
            if (key != QuantizedScore.DRUM_INSTRUMENT && present[key]) {
                instruments[t++] = key;
            }
        }
        if (present[QuantizedScore.DRUM_INSTRUMENT]) {
            instruments[t] = QuantizedScore.DRUM_INSTRUMENT;
        }
        return instruments;
    }

    /**
     * Packs each note's events into {@code ons} and {@code offs}, grouped by track in a stable counting pass, so
     * that each track's note-ons keep the quantizer's order (position, then pitch). Returns where each track's
     * notes start, and the total at the end.
     */
    private int[] splitByTrack(long[] notes, int[] instruments, long[] ons, long[] offs) {
        int[] trackOfInstrument = new int[INSTRUMENT_KEYS];
        for (int t = 0; t < instruments.length; t++) {
            trackOfInstrument[instruments[t]] = t;
        }
        int[] trackFrom = new int[instruments.length + 1];
        for (long note : notes) {
            trackFrom[trackOfInstrument[QuantizedScore.instrument(note)] + 1]++;
        }
        for (int t = 0; t < instruments.length; t++) {
            trackFrom[t + 1] += trackFrom[t];
        }
        int[] next = trackFrom.clone();
        for (long note : notes) {
            int slot = next[trackOfInstrument[QuantizedScore.instrument(note)]]++;
            int position = QuantizedScore.position(note);
            int pitch = QuantizedScore.pitch(note);
            ons[slot] = NoteEvents.noteOn(position, pitch, QuantizedScore.velocityLevel(note));
            offs[slot] = NoteEvents.noteOff(
                    (long) position + quantization.duration(QuantizedScore.durationLevel(note)), pitch);
        }
        return trackFrom;
    }

    /**
     * Writes the events of one bar: note-ons before the bar's end and note-offs up to it (a note that ends on the
     * bar line is released in this bar).
     */
    private void writeBar(NoteEvents events, int barStart, int barEnd, IntList out) {
        long time = barStart;
        int velocityLevel = -1; // each bar says its first velocity, so that it can be regenerated alone
        while (events.hasNext()) {
            long event = events.peek();
            long eventTime = NoteEvents.position(event);
            boolean on = NoteEvents.isNoteOn(event);
            if (eventTime > barEnd || eventTime == barEnd && on) {
                break;
            }
            writeShift(eventTime - time, out);
            time = eventTime;
            int pitch = NoteEvents.pitch(event);
            if (on) {
                int level = NoteEvents.velocityLevel(event);
                if (level != velocityLevel) {
                    out.add(ids.velocityId(level));
                    velocityLevel = level;
                }
                out.add(ids.noteOnId(pitch));
            } else {
                out.add(ids.noteOffId(pitch));
            }
            events.advance();
        }
    }

    /** Time shifts longer than one token says are chained, largest first. */
    private void writeShift(long positions, IntList out) {
        int max = ids.maxTimeDelta();
        while (positions > 0) {
            int step = (int) Math.min(positions, max);
            out.add(ids.timeDeltaId(step));
            positions -= step;
        }
    }
}
