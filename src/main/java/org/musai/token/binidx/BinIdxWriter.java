package org.musai.token.binidx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a binidx dataset one document at a time and publishes {@code PREFIX.bin} and
 * {@code PREFIX.idx} only when it is closed successfully.
 *
 * <p>Tokens go to {@code PREFIX.bin.tmp} as they are added; {@link #close()} writes
 * {@code PREFIX.idx.tmp} and then moves both into place. {@link #abort()} deletes the temporary
 * files instead. Because try-with-resources calls {@code close()} even when its body throws,
 * abort inside the body on failure; {@code close()} after {@code abort()} does nothing:
 * <pre>{@code
 * try (BinIdxWriter writer = BinIdxWriter.create(prefix, BinIdxDtype.UINT16)) {
 *     try {
 *         for (int[] document : documents) {
 *             writer.add(document);
 *         }
 *     } catch (RuntimeException | IOException e) {
 *         writer.abort();
 *         throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>Each added document is stored as one Megatron sequence, so the document index is
 * {@code 0, 1, ..., count}. Instances are not thread-safe.
 */
public final class BinIdxWriter implements AutoCloseable {

    private enum State { OPEN, PUBLISHED, ABORTED }

    private final BinIdxDtype dtype;
    private final Path dataFile;
    private final Path indexFile;
    private final Path dataTemp;
    private final Path indexTemp;
    private final LittleEndianOutput data;

    private int[] sizes = new int[1024];
    private int documentCount;
    private long tokenCount;
    private State state = State.OPEN;

    private BinIdxWriter(BinIdxDtype dtype, Path dataFile, Path indexFile, LittleEndianOutput data) {
        this.dtype = dtype;
        this.dataFile = dataFile;
        this.indexFile = indexFile;
        this.dataTemp = BinIdxPaths.temporary(dataFile);
        this.indexTemp = BinIdxPaths.temporary(indexFile);
        this.data = data;
    }

    /**
     * Starts a dataset at {@code prefix} (for example {@code out/train} for {@code out/train.bin}
     * and {@code out/train.idx}); existing files there are only replaced on a successful close.
     */
    public static BinIdxWriter create(Path prefix, BinIdxDtype dtype) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(dtype, "dtype");
        Path dataFile = BinIdxPaths.dataFile(prefix);
        Path indexFile = BinIdxPaths.indexFile(prefix);
        LittleEndianOutput data = LittleEndianOutput.create(BinIdxPaths.temporary(dataFile));
        return new BinIdxWriter(dtype, dataFile, indexFile, data);
    }

    /** The element type tokens are stored with. */
    public BinIdxDtype dtype() {
        return dtype;
    }

    /** How many documents have been added so far. */
    public int documentCount() {
        return documentCount;
    }

    /** How many tokens have been added so far, over all documents. */
    public long tokenCount() {
        return tokenCount;
    }

    /**
     * Appends one document (possibly empty). The whole document is checked before anything is
     * written, so a rejected document leaves the writer usable and the dataset unchanged.
     *
     * @throws IllegalArgumentException if a token id is negative or too large for the dtype
     * @throws IllegalStateException if the writer was closed or aborted, or holds the maximum document count
     * @throws IOException if writing fails; the writer has then aborted itself
     */
    public void add(int[] tokens) throws IOException {
        Objects.requireNonNull(tokens, "tokens");
        requireOpen();
        if (documentCount == IndexLayout.MAX_SEQUENCES) {
            throw new IllegalStateException("a binidx dataset holds at most " + IndexLayout.MAX_SEQUENCES + " documents");
        }
        requireAllFit(tokens);
        try {
            writeTokens(tokens);
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
        if (documentCount == sizes.length) {
            sizes = Arrays.copyOf(sizes, (int) Math.min(IndexLayout.MAX_SEQUENCES, 2L * sizes.length));
        }
        sizes[documentCount++] = tokens.length;
        tokenCount += tokens.length;
    }

    /**
     * Writes the index and atomically moves both files into place. Does nothing if the writer
     * was already closed or aborted.
     *
     * <p>Two files cannot be replaced in one atomic step, so any previous {@code PREFIX.idx} is
     * deleted first, then {@code PREFIX.bin} and finally {@code PREFIX.idx} are moved in. An
     * interruption can therefore lose a previous dataset, but never leaves an index beside data
     * it does not describe.
     *
     * @throws IOException if writing or moving fails; the temporary files are then deleted
     */
    @Override
    public void close() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        try {
            data.flushAndSync();
            data.close();
            writeIndex();
            publish();
            state = State.PUBLISHED;
        } catch (IOException | RuntimeException e) {
            abort();
            throw e;
        }
    }

    /**
     * Discards the dataset: closes and deletes the temporary files, leaving any previously
     * published dataset at the prefix untouched. Safe to call more than once; does nothing
     * after a successful {@link #close()}.
     */
    public void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        try {
            data.close();
        } catch (IOException ignored) {
            // The file is deleted next; a failure to close it cleanly changes nothing for the caller.
        }
        deleteQuietly(dataTemp);
        deleteQuietly(indexTemp);
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the writer for " + dataFile + " was already " + state.name().toLowerCase());
        }
    }

    private void requireAllFit(int[] tokens) {
        for (int i = 0; i < tokens.length; i++) {
            if (!dtype.fits(tokens[i])) {
                throw new IllegalArgumentException("token id " + tokens[i] + " at position " + i
                        + " does not fit dtype " + dtype + " (allowed 0.." + dtype.maxTokenId() + ")");
            }
        }
    }

    private void writeTokens(int[] tokens) throws IOException {
        int bytesPerToken = dtype.bytesPerToken();
        int next = 0;
        while (next < tokens.length) {
            ByteBuffer buffer = data.room(bytesPerToken);
            int end = next + Math.min(tokens.length - next, buffer.remaining() / bytesPerToken);
            // One switch per buffer fill rather than per token keeps the inner loops tight.
            switch (dtype) {
                case UINT8, INT8 -> {
                    for (int i = next; i < end; i++) {
                        buffer.put((byte) tokens[i]);
                    }
                }
                case UINT16, INT16 -> {
                    for (int i = next; i < end; i++) {
                        buffer.putShort((short) tokens[i]);
                    }
                }
                case INT32 -> {
                    // A bulk copy through an int view; the view does not move the byte buffer's position.
                    buffer.asIntBuffer().put(tokens, next, end - next);
                    buffer.position(buffer.position() + (end - next) * Integer.BYTES);
                }
                case INT64 -> {
                    for (int i = next; i < end; i++) {
                        buffer.putLong(tokens[i]);
                    }
                }
                default -> throw new IllegalStateException("unhandled dtype " + dtype);
            }
            next = end;
        }
    }

    private void writeIndex() throws IOException {
        try (LittleEndianOutput index = LittleEndianOutput.create(indexTemp)) {
            index.putBytes(IndexLayout.magic());
            index.putLong(IndexLayout.VERSION);
            index.putByte(dtype.code());
            index.putLong(documentCount);
            index.putLong(documentCount + 1L);
            for (int i = 0; i < documentCount; i++) {
                index.putInt(sizes[i]);
            }
            long pointer = 0;
            for (int i = 0; i < documentCount; i++) {
                index.putLong(pointer);
                pointer += (long) sizes[i] * dtype.bytesPerToken();
            }
            // One sequence per document: document i ends after sequence i.
            for (long i = 0; i <= documentCount; i++) {
                index.putLong(i);
            }
            index.flushAndSync();
        }
    }

    private void publish() throws IOException {
        // The .idx is the commit marker: remove the old one first so that no moment exists in
        // which an old index sits beside new data of possibly equal length, then move the data,
        // then the new index.
        Files.deleteIfExists(indexFile);
        Files.move(dataTemp, dataFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(indexTemp, indexFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Without its index the data file is unusable; do not leave it behind.
            deleteQuietly(dataFile);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: abort runs on failure paths where the first error is the one to report.
        }
    }
}
