package org.musai.generate;

/**
 * How the next token is drawn from the model's logits.
 *
 * @param temperature       divides the logits: below 1 more predictable, above 1 more adventurous (0.1-2.0)
 * @param topP              keeps the most likely tokens whose probabilities add up to this (1 keeps all)
 * @param topK              keeps only this many most likely tokens (0 keeps all)
 * @param repetitionPenalty the seed's recency-weighted penalty on notes played lately (1 is none)
 * @param maxPenalty        the strongest the penalty may get
 * @param penaltyWindow     how many past tokens the penalty looks at
 * @param penaltyDecay      how much less each older occurrence counts
 * @param seed              the same seed and settings give the same notes
 */
public record SamplingSettings(double temperature, double topP, int topK, double repetitionPenalty,
                               double maxPenalty, int penaltyWindow, double penaltyDecay, long seed) {

    public SamplingSettings {
        if (!(temperature > 0 && temperature <= 10)) {
            throw new IllegalArgumentException("temperature must be in (0, 10], not " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], not " + topP);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must not be negative, not " + topK);
        }
        if (repetitionPenalty < 1 || maxPenalty < 1 || penaltyWindow < 0 || penaltyDecay <= 0 || penaltyDecay > 1) {
            throw new IllegalArgumentException("repetition penalty must be >= 1, its window >= 0, decay in (0, 1]");
        }
    }

    /** The seed runner's defaults: temperature 1, top-p 0.85, penalty 1.1 up to 1.5 over 128 tokens, decay 0.85. */
    public static SamplingSettings defaults(long seed) {
        return new SamplingSettings(1.0, 0.85, 0, 1.1, 1.5, 128, 0.85, seed);
    }

    /**
     * Looser settings for the {@code attempt}-th rewrite of a bar that locked into a loop: a quarter more temperature
     * and a quarter of the way further to top-p 1 each time, so that a model sure of its loop gets out of it.
     */
    public SamplingSettings loosened(int attempt) {
        return new SamplingSettings(Math.min(10, temperature * (1 + 0.25 * attempt)),
                Math.min(1, topP + (1 - topP) * Math.min(1, attempt / 4.0)), topK, repetitionPenalty, maxPenalty,
                penaltyWindow, penaltyDecay, seed);
    }

    public SamplingSettings withSeed(long newSeed) {
        return new SamplingSettings(temperature, topP, topK, repetitionPenalty, maxPenalty, penaltyWindow,
                penaltyDecay, newSeed);
    }
}
