package org.musai.token.remi;

import java.util.List;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.token.BarGrid;
import org.musai.token.DecodedScore;
import org.musai.token.Encoding;
import org.musai.token.IntList;
import org.musai.token.Quantization;
import org.musai.token.QuantizedScore;
import org.musai.token.Quantizer;
import org.musai.token.SpecialTokens;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.Vocabulary;

/**
 * REMI (Huang and Yang, Pop Music Transformer) as the seed configures MidiTok: one stream per piece of Bar,
 * TimeSig, Position, Tempo, Chord and Rest tokens, and Program, Pitch, Velocity, Duration for each note.
 *
 * <p>A Rest advances time from the later of the last position and the end of the last note, so it marks a silence;
 * rests are written for silences of a beat or more and never across a change of meter, whose TimeSig token must
 * come at the start of its bar. Immutable and thread-safe.
 */
public final class RemiTokenizer implements Tokenizer {

    private final TokenizerConfig config;
    private final Quantization q;
    private final Quantizer quantizer;
    private final RemiVocabulary v;

    public RemiTokenizer(TokenizerConfig config) {
        if (config.algorithm() != TokenizerConfig.Algorithm.REMI) {
            throw new IllegalArgumentException("not a REMI config: " + config.algorithm());
        }
        this.config = config;
        this.q = new Quantization(config);
        this.quantizer = new Quantizer(q);
        this.v = new RemiVocabulary(q);
    }

    @Override
    public TokenizerConfig config() {
        return config;
    }

    @Override
    public Vocabulary vocabulary() {
        return v.vocabulary();
    }

    /** The token families and their ids, for constrained sampling. */
    public RemiVocabulary remiVocabulary() {
        return v;
    }

    @Override
    public int noteCount(int[] ids) {
        int notes = 0;
        for (int id : ids) {
            if (v.kind(id) == RemiVocabulary.Kind.PITCH) {
                notes++;
            }
        }
        return notes;
    }

    @Override
    public boolean startsWord(int id) {
        return id == v.bar();
    }

    @Override
    public boolean isHeader(int id) {
        return v.kind(id) == RemiVocabulary.Kind.CLASS;
    }

    @Override
    public Encoding encodeWithLoss(Score score) {
        QuantizedScore quantized = quantizer.quantizePacked(score);
        long[] notes = quantized.notes();
        List<TempoChange> tempos = quantized.tempos();
        StreamWriter writer = new StreamWriter(BarGrid.of(quantized.timeSignatures(), q), notes.length,
                config.classHeader() ? classesOf(notes) : 0);
        int tpp = q.ticksPerPosition();
        int i = 0;
        int j = 0;
        while (i < notes.length || j < tempos.size()) {
            int position = Math.min(i < notes.length ? QuantizedScore.position(notes[i]) : Integer.MAX_VALUE,
                    j < tempos.size() ? tempos.get(j).tick() / tpp : Integer.MAX_VALUE);
            writer.moveTo(position);
            if (j < tempos.size() && tempos.get(j).tick() / tpp == position) {
                writer.out.add(v.tempo(quantized.tempoLevels()[j++]));
            }
            while (i < notes.length && QuantizedScore.position(notes[i]) == position) {
                int end = i + 1;
                long group = QuantizedScore.positionAndInstrument(notes[i]);
                while (end < notes.length && QuantizedScore.positionAndInstrument(notes[end]) == group) {
                    end++;
                }
                writer.writeGroup(notes, i, end, QuantizedScore.instrument(notes[i]));
                i = end;
            }
        }
        writer.out.add(SpecialTokens.EOS);
        return new Encoding(writer.out.toArray(), quantized.loss());
    }

    /** The instrument classes that play, as bits by class number. */
    private static int classesOf(long[] notes) {
        int classes = 0;
        for (long note : notes) {
            int instrument = QuantizedScore.instrument(note);
            InstrumentClass c = InstrumentClass.of(Math.max(0, instrument - 1),
                    instrument == QuantizedScore.DRUM_INSTRUMENT);
            classes |= 1 << c.number();
        }
        return classes;
    }

    /** Writes the stream while keeping the same account of time that the decoder keeps. */
    private final class StreamWriter {
        final IntList out;
        final BarGrid grid;
        final int[] chordPitches = new int[128];
        int bar;
        int cursor;
        int lastEnd;

        StreamWriter(BarGrid grid, int noteCount, int classes) {
            this.grid = grid;
            this.out = new IntList(noteCount * 4 + 64);
            out.add(SpecialTokens.BOS);
            for (InstrumentClass c : InstrumentClass.values()) {
                if ((classes & 1 << c.number()) != 0) {
                    out.add(v.instrumentClass(c));
                }
            }
            out.add(v.bar());
            out.add(v.timeSignature(q.meterIndex(grid.meterOfBar(0))));
        }

        void moveTo(int position) {
            if (config.rests()) {
                writeRests(position);
            }
            while (bar < grid.barAt(position)) {
                bar++;
                out.add(v.bar());
                writeMeterIfChanged();
            }
            out.add(v.position(position - grid.barStart(bar)));
            cursor = position;
        }

        private void writeRests(int position) {
            int limit = Math.min(position, grid.meterChangeAfter(bar));
            int at = Math.max(cursor, lastEnd);
            if (limit - at < q.positionsPerBeat()) {
                return;
            }
            while (limit - at >= q.positionsPerBeat()) {
                int level = q.floorRestIndex(limit - at);
                out.add(v.rest(level));
                at += q.rest(level);
            }
            cursor = at;
            int newBar = grid.barAt(at);
            if (newBar > bar) {
                bar = newBar;
                if (at == grid.barStart(bar)) {
                    writeMeterIfChanged();
                }
            }
        }

        private void writeMeterIfChanged() {
            if (grid.meterStartsAt(bar) || config.meterEveryBar()) {
                out.add(v.timeSignature(q.meterIndex(grid.meterOfBar(bar))));
            }
        }

        /** The notes of one instrument at one position, preceded by the chord they form. */
        void writeGroup(long[] notes, int from, int to, int instrument) {
            boolean drum = instrument == QuantizedScore.DRUM_INSTRUMENT;
            if (config.chords() && !drum) {
                for (int k = from; k < to; k++) {
                    chordPitches[k - from] = QuantizedScore.pitch(notes[k]);
                }
                int chord = ChordDetector.detect(chordPitches, to - from);
                if (chord >= 0) {
                    out.add(v.chord(chord));
                }
            }
            int programToken = v.program(drum ? 0 : instrument - 1, drum);
            for (int k = from; k < to; k++) {
                long note = notes[k];
                int durationLevel = QuantizedScore.durationLevel(note);
                out.add(programToken);
                out.add(v.pitch(QuantizedScore.pitch(note)));
                out.add(v.velocity(QuantizedScore.velocityLevel(note)));
                out.add(v.duration(durationLevel));
                lastEnd = Math.max(lastEnd, cursor + q.duration(durationLevel));
            }
        }
    }

    @Override
    public DecodedScore decode(int[] ids) {
        return new RemiDecoder(v, q).decode(ids);
    }
}
