package org.musai.train;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntFunction;
import org.musai.token.binidx.BinIdxReader;

/**
 * Refuses a token file that holds an id the model cannot read, before training or scoring starts: such an id would
 * otherwise stop PyTorch mid-run with an index error. Reads every token once.
 */
final class TokenIdCheck {

    /** Tokens read at a time. */
    private static final int CHUNK = 1 << 16;

    private TokenIdCheck() {
    }

    /**
     * Checks that every id is in {@code [0, vocabSize)}.
     *
     * @param tokenFile    the .bin file, for the message
     * @param documentName a document's name for the message ("" when there is none)
     * @param remedy       what the user can do, for the message
     */
    static void requireIdsBelow(BinIdxReader tokens, int vocabSize, Path tokenFile, IntFunction<String> documentName,
                                String remedy) throws TrainingException {
        int[] buffer = new int[CHUNK];
        for (int document = 0; document < tokens.documentCount(); document++) {
            long start = tokens.offset(document);
            int length = tokens.length(document);
            for (int at = 0; at < length; at += CHUNK) {
                int n = Math.min(CHUNK, length - at);
                try {
                    tokens.read(start + at, buffer, 0, n);
                } catch (UncheckedIOException e) {
                    throw new TrainingException(tokenFile + ": document " + document + documentName.apply(document)
                            + " cannot be read: " + e.getCause().getMessage(), e);
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0 || buffer[i] >= vocabSize) {
                        throw new TrainingException(tokenFile + ": document " + document
                                + documentName.apply(document) + " holds the id " + buffer[i] + " at token " + (at + i)
                                + ", outside the model's vocabulary of " + vocabSize + " ids (0-" + (vocabSize - 1)
                                + "); " + remedy);
                    }
                }
            }
        }
    }
}
