package org.musai.token;

import org.musai.midi.Score;

/**
 * What decoding made of a sequence of ids: the score, and how many tokens it had to skip because they could not
 * follow what came before (or were not in the vocabulary).
 *
 * @param score         the music, at {@link Quantization#TICKS_PER_QUARTER}
 * @param skippedTokens tokens that were ignored; 0 for any sequence a tokenizer wrote
 */
public record DecodedScore(Score score, int skippedTokens) {
}
