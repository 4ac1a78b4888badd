package org.musai.generate;

import org.musai.midi.Score;

/**
 * Hears a piece as it is written: each time a bar is final (no loop guard will write it again), the piece so far,
 * spliced onto its primer as the finished piece will be. Called on the generating thread; a listener that touches a
 * UI hops to its own thread.
 */
@FunctionalInterface
public interface DraftListener {

    /** Hears nothing: the pieces are only decoded once they are finished. */
    DraftListener NONE = (variation, draft, barsDone, barsInAll) -> { };

    /**
     * @param variation which piece of the batch (0 for the first)
     * @param draft     the piece up to the end of its last final bar
     * @param barsDone  bars final so far, a primer's included
     * @param barsInAll bars the piece will have
     */
    void drafted(int variation, Score draft, int barsDone, int barsInAll);
}
