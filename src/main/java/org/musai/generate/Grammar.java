package org.musai.generate;

/**
 * Which base token may come next, so that every generated sequence decodes without a skipped token and respects the
 * musician's choices (instruments, meter, length). {@link #accept} follows any sequence the decoder accepts (a
 * primer), {@link #allows} is stricter and steers sampling. Not thread-safe; copy it to look ahead.
 */
interface Grammar {

    /** Whether the base id may come next. */
    boolean allows(int id);

    /** Moves past a base id. */
    void accept(int id);

    /** An independent copy, to try a merged token's expansion. */
    Grammar copy();

    /** Whether the piece is complete: nothing but the end may follow. */
    boolean finished();

    /** From now on only what is open may be finished, then the end: a token budget ran out. */
    void close();

    /**
     * A base id that says "go on" where the piece must end now (a new bar after the last one), or -1. The sampler
     * gives its probability to the end: otherwise the model, wanting a new bar, would pile notes into the last
     * position until it happened to draw the end.
     */
    default int endAlias() {
        return -1;
    }

    /** The bar under way (0 the first), for a generator that may write a bar again; -1 where bars are not counted. */
    default int barIndex() {
        return -1;
    }

    /** Whether accepting this base id would end a bar that repeats the one before more often than allowed. */
    default boolean closingRepeatsTooOften(int id) {
        return false;
    }
}
