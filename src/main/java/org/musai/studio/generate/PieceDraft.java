package org.musai.studio.generate;

import org.musai.midi.Score;

/**
 * The first piece of a batch as far as it is written, shown in the roll while the generator goes on.
 *
 * @param score     the piece up to its last final bar
 * @param barsDone  bars final so far, a primer's included
 * @param barsInAll bars it will have
 */
public record PieceDraft(Score score, int barsDone, int barsInAll) {
}
