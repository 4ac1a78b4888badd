package org.musai.generate;

import org.musai.midi.Score;

/**
 * One call to the generator.
 *
 * @param controls    instruments, length, meter, tempo
 * @param sampling    how tokens are drawn; variation i uses seed + i
 * @param variations  how many pieces to write
 * @param primer      music to continue, or null
 * @param primerBars  how many bars of the primer to keep (0: all)
 * @param maxTokens   a safety limit per piece; the piece is closed cleanly when it is reached
 * @param primerTokens base token ids to continue instead of a MIDI primer, or null
 */
public record GenerationRequest(GenerationControls controls, SamplingSettings sampling, int variations, Score primer,
                                int primerBars, int maxTokens, int[] primerTokens) {

    /** Enough for 16 dense bars of a band: the limit only stops a model that never ends a bar. */
    public static final int DEFAULT_MAX_TOKENS = 16_384;
    /** Variations in one call. */
    public static final int MAX_VARIATIONS = 64;

    public GenerationRequest {
        if (variations < 1 || variations > MAX_VARIATIONS) {
            throw new IllegalArgumentException("variations must be 1-" + MAX_VARIATIONS + ", not " + variations);
        }
        if (primerBars < 0) {
            throw new IllegalArgumentException("primer bars must not be negative");
        }
        if (maxTokens < 16) {
            throw new IllegalArgumentException("the token limit must be at least 16");
        }
        if (primer != null && primerTokens != null) {
            throw new IllegalArgumentException("give a MIDI primer or a token primer, not both");
        }
    }

    /** A request without a token primer. */
    public GenerationRequest(GenerationControls controls, SamplingSettings sampling, int variations, Score primer,
                             int primerBars, int maxTokens) {
        this(controls, sampling, variations, primer, primerBars, maxTokens, null);
    }

    /** Whether there is music to continue. */
    public boolean hasPrimer() {
        return primer != null || primerTokens != null;
    }
}
