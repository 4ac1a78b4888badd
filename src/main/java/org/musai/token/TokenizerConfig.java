package org.musai.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How scores become tokens, configured as the seed project configures MidiTok; saved whole in {@code tokenizer.json}.
 *
 * @param algorithm          REMI (one stream) or MMM (one sequence per track)
 * @param pitchLow           lowest pitch kept (piano range by default)
 * @param pitchHigh          highest pitch kept
 * @param durationResolution positions per beat for each range of durations in beats
 * @param restResolution     positions per beat for each range of rests in beats
 * @param velocityBins       number of velocity levels
 * @param tempoBins          number of tempo levels
 * @param tempoMinBpm        slowest tempo level
 * @param tempoMaxBpm        fastest tempo level
 * @param chords             whether REMI writes chord tokens (informative; decoding ignores them)
 * @param rests              whether REMI writes rest tokens for silences of a beat or more
 * @param classHeader        whether a REMI piece starts with the instrument classes that play in it (Class_N tokens
 *                           after BOS), which the trainer repeats at the start of every window: the band to condition
 *                           generation on. Left out of tokenizer.json when off, so older files keep their hash.
 * @param meterEveryBar      whether REMI writes the time signature after every Bar token, not only where it changes,
 *                           so that a model trained on windows always sees the meter it is in
 */
public record TokenizerConfig(Algorithm algorithm, int pitchLow, int pitchHigh, List<BeatRange> durationResolution,
                              List<BeatRange> restResolution, int velocityBins, int tempoBins, double tempoMinBpm,
                              double tempoMaxBpm, boolean chords, boolean rests,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean classHeader,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean meterEveryBar) {

    /** The two tokenizations. */
    public enum Algorithm { REMI, MMM }

    /**
     * A range of lengths in beats and how finely it is divided.
     *
     * @param fromBeat       first beat of the range (exclusive unless 0)
     * @param toBeat         last beat of the range (inclusive)
     * @param positionsPerBeat subdivisions of a beat within the range
     */
    public record BeatRange(int fromBeat, int toBeat, int positionsPerBeat) {
    }

    public TokenizerConfig {
        durationResolution = List.copyOf(durationResolution);
        restResolution = List.copyOf(restResolution);
        if (pitchLow < 0 || pitchHigh > 127 || pitchLow > pitchHigh) {
            throw new IllegalArgumentException("invalid pitch range " + pitchLow + "-" + pitchHigh);
        }
        if (velocityBins < 1 || velocityBins > 127 || tempoBins < 1 || tempoMinBpm <= 0 || tempoMaxBpm < tempoMinBpm) {
            throw new IllegalArgumentException("invalid velocity or tempo bins");
        }
        if ((classHeader || meterEveryBar) && algorithm != Algorithm.REMI) {
            throw new IllegalArgumentException("the class header and a meter at every bar are REMI options");
        }
    }

    /** The seed's settings: MidiTok's default beat resolutions, 24 velocities, 24 tempos over 40-250 bpm. */
    public static TokenizerConfig defaults(Algorithm algorithm) {
        return new TokenizerConfig(algorithm, 21, 108,
                List.of(new BeatRange(0, 4, 8), new BeatRange(4, 12, 4)),
                List.of(new BeatRange(0, 1, 8), new BeatRange(1, 2, 4), new BeatRange(2, 12, 2)),
                24, 24, 40, 250, true, true, false, false);
    }

    /**
     * REMI as the default models are trained now: the seed's settings plus the instrument-class header and a meter
     * at every bar (docs/decisions/0009).
     */
    public static TokenizerConfig conditioned() {
        return defaults(Algorithm.REMI).withConditioning(true);
    }

    /** What a new dataset uses: conditioned REMI, or the seed's MMM. */
    public static TokenizerConfig forNewDatasets(Algorithm algorithm) {
        return algorithm == Algorithm.REMI ? conditioned() : defaults(algorithm);
    }

    /** The same settings with the class header and a meter at every bar on or off. */
    public TokenizerConfig withConditioning(boolean on) {
        return new TokenizerConfig(algorithm, pitchLow, pitchHigh, durationResolution, restResolution, velocityBins,
                tempoBins, tempoMinBpm, tempoMaxBpm, chords, rests, on, on);
    }

    /** The finest subdivision of a beat: the grid on which every onset is placed. */
    public int positionsPerBeat() {
        int max = 1;
        for (BeatRange range : durationResolution) {
            max = Math.max(max, range.positionsPerBeat());
        }
        return max;
    }
}
