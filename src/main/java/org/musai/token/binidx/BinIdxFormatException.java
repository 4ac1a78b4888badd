package org.musai.token.binidx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Signals that a {@code .idx}/{@code .bin} pair is not a valid binidx dataset, with a one-line reason.
 */
public final class BinIdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message of the form {@code "<file>: <problem>"}. */
    public BinIdxFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
