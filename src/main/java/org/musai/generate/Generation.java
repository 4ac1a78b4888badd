package org.musai.generate;

import org.musai.midi.Score;

/**
 * One generated piece.
 *
 * @param score         the music (primer included): at 480 ticks per quarter, or at a MIDI primer's own resolution
 * @param ids           the ids the model read and wrote, BOS to EOS
 * @param skippedTokens tokens the decoder could not place: 0 unless something is wrong
 * @param seed          the seed that made it
 * @param seconds       how long it took
 */
public record Generation(Score score, int[] ids, int skippedTokens, long seed, double seconds) {
}
