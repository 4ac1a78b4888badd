package org.musai.token.remi;

import java.util.Arrays;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.Track;
import org.musai.token.BarGrid;
import org.musai.token.DecodedScore;
import org.musai.token.IntList;
import org.musai.token.Quantization;
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

    /** Packed note layout for sorting: position, program key (drums 0), pitch, duration level, velocity level. */
    private static final int POSITION_SHIFT = 32;
    private static final int PROGRAM_SHIFT = 24;
    private static final int PITCH_SHIFT = 16;
    private static final int DURATION_SHIFT = 8;
    private static final int BYTE = 0xFF;

    private final TokenizerConfig config;
    private final Quantization q;
    private final Quantizer quantizer;
    private final RemiVocabulary v;
    private final int[] durationLevelOfLength;
    private final int[] velocityLevelOfValue;

    public RemiTokenizer(TokenizerConfig config) {
        if (config.algorithm() != TokenizerConfig.Algorithm.REMI) {
            throw new IllegalArgumentException("not a REMI config: " + config.algorithm());
        }
        this.config = config;
        this.q = new Quantization(config);
        this.quantizer = new Quantizer(q);
        this.v = new RemiVocabulary(q);
        int[] durations = q.durations();
        durationLevelOfLength = new int[durations[durations.length - 1] + 1];
        Arrays.fill(durationLevelOfLength, -1);
        for (int i = 0; i < durations.length; i++) {
            durationLevelOfLength[durations[i]] = i;
        }
        velocityLevelOfValue = new int[128];
        for (int value = 0; value < 128; value++) {
            velocityLevelOfValue[value] = q.nearestVelocityIndex(value);
        }
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
    public boolean startsWord(int id) {
        return id == v.bar();
    }

    @Override
    public int[] encode(Score score) {
        Score quantized = quantizer.quantize(score);
        long[] notes = packNotes(quantized);
        int[][] tempos = tempoLevels(quantized);
        StreamWriter writer = new StreamWriter(BarGrid.of(quantized.timeSignatures(), q), notes.length);

        int i = 0;
        int j = 0;
        while (i < notes.length || j < tempos[0].length) {
            int position = (int) Math.min(i < notes.length ? notes[i] >>> POSITION_SHIFT : Integer.MAX_VALUE,
                    j < tempos[0].length ? tempos[0][j] : Integer.MAX_VALUE);
            writer.moveTo(position);
            if (j < tempos[0].length && tempos[0][j] == position) {
                writer.out.add(v.tempo(tempos[1][j++]));
            }
            while (i < notes.length && (int) (notes[i] >>> POSITION_SHIFT) == position) {
                int programKey = (int) (notes[i] >>> PROGRAM_SHIFT) & BYTE;
                int end = i;
                while (end < notes.length && notes[end] >>> PROGRAM_SHIFT == notes[i] >>> PROGRAM_SHIFT) {
                    end++;
                }
                writer.writeGroup(notes, i, end, programKey);
                i = end;
            }
        }
        writer.out.add(SpecialTokens.EOS);
        return writer.out.toArray();
    }

    private long[] packNotes(Score quantized) {
        long[] packed = new long[quantized.noteCount()];
        int tpp = q.ticksPerPosition();
        int k = 0;
        for (Track track : quantized.tracks()) {
            long programKey = track.drum() ? 0 : track.program() + 1;
            for (Note note : track.notes()) {
                packed[k++] = (long) (note.tick() / tpp) << POSITION_SHIFT | programKey << PROGRAM_SHIFT
                        | (long) note.pitch() << PITCH_SHIFT
                        | (long) durationLevelOfLength[note.duration() / tpp] << DURATION_SHIFT
                        | velocityLevelOfValue[note.velocity()];
            }
        }
        Arrays.sort(packed);
        return packed;
    }

    /** Positions and levels of the tempo changes, as two parallel arrays. */
    private int[][] tempoLevels(Score quantized) {
        int[][] result = new int[2][quantized.tempos().size()];
        for (int i = 0; i < result[0].length; i++) {
            TempoChange tempo = quantized.tempos().get(i);
            result[0][i] = tempo.tick() / q.ticksPerPosition();
            result[1][i] = q.nearestTempoIndex(tempo.bpm());
        }
        return result;
    }

    /** Writes the stream while keeping the same account of time that the decoder keeps. */
    private final class StreamWriter {
        final IntList out;
        final BarGrid grid;
        final int[] chordPitches = new int[128];
        int bar;
        int cursor;
        int lastEnd;

        StreamWriter(BarGrid grid, int noteCount) {
            this.grid = grid;
            this.out = new IntList(noteCount * 4 + 64);
            out.add(SpecialTokens.BOS);
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
            if (grid.meterStartsAt(bar)) {
                out.add(v.timeSignature(q.meterIndex(grid.meterOfBar(bar))));
            }
        }

        /** The notes of one instrument at one position, preceded by the chord they form. */
        void writeGroup(long[] notes, int from, int to, int programKey) {
            if (config.chords() && programKey != 0) {
                for (int k = from; k < to; k++) {
                    chordPitches[k - from] = (int) (notes[k] >>> PITCH_SHIFT) & BYTE;
                }
                int chord = ChordDetector.detect(chordPitches, to - from);
                if (chord >= 0) {
                    out.add(v.chord(chord));
                }
            }
            int programToken = programKey == 0 ? v.program(0, true) : v.program(programKey - 1, false);
            for (int k = from; k < to; k++) {
                long note = notes[k];
                int durationLevel = (int) (note >>> DURATION_SHIFT) & BYTE;
                out.add(programToken);
                out.add(v.pitch((int) (note >>> PITCH_SHIFT) & BYTE));
                out.add(v.velocity((int) note & BYTE));
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
