package org.musai.token.binidx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Gives read access to a validated binidx dataset: its documents and any window of the
 * concatenated token stream.
 *
 * <p>Each Megatron sequence is exposed as one document (the layout {@link BinIdxWriter} and
 * json2binidx_tool produce). Token offsets are global positions in the concatenation of all
 * documents, the stream RWKV-LM samples its training windows from. The index is held in memory
 * (8 bytes per document) and the {@code .bin} file is memory-mapped, so files beyond 2 GiB work.
 *
 * <p>Instances are safe for concurrent use by several threads. Closing only marks the reader
 * closed: Java cannot unmap a file explicitly, so the mapping is released by the garbage
 * collector once the reader is unreachable.
 */
public final class BinIdxReader implements AutoCloseable {

    private final Path prefix;
    private final BinIdxIndex index;
    private final MappedTokens tokens;
    private volatile boolean closed;

    private BinIdxReader(Path prefix, BinIdxIndex index, MappedTokens tokens) {
        this.prefix = prefix;
        this.index = index;
        this.tokens = tokens;
    }

    /**
     * Opens the dataset at {@code prefix} ({@code PREFIX.idx} and {@code PREFIX.bin}) after
     * validating the index and checking that the data file has exactly the length it describes.
     *
     * @throws BinIdxFormatException if either file is not a valid part of a binidx dataset
     * @throws IOException if a file cannot be read
     */
    public static BinIdxReader open(Path prefix) throws IOException {
        return open(prefix, MappedTokens.DEFAULT_CHUNK_BYTES);
    }

    /** Opens with a chosen mapping chunk size, so tests can cross chunk boundaries with small files. */
    static BinIdxReader open(Path prefix, long chunkBytes) throws IOException {
        Objects.requireNonNull(prefix, "prefix");
        BinIdxIndex index = BinIdxIndex.read(BinIdxPaths.indexFile(prefix));
        Path dataFile = BinIdxPaths.dataFile(prefix);
        try (FileChannel channel = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            long expectedBytes = index.tokenCount() * index.dtype().bytesPerToken();
            long actualBytes = channel.size();
            if (actualBytes != expectedBytes) {
                throw new BinIdxFormatException(dataFile, "data file is " + actualBytes + " bytes, but the index"
                        + " describes " + index.tokenCount() + " " + index.dtype() + " tokens = " + expectedBytes
                        + " bytes; the files are truncated or do not belong together");
            }
            MappedTokens tokens = MappedTokens.map(channel, dataFile, actualBytes, index.dtype(), chunkBytes);
            return new BinIdxReader(prefix, index, tokens);
        }
    }

    /** The element type the tokens are stored with. */
    public BinIdxDtype dtype() {
        return index.dtype();
    }

    /** The number of documents (Megatron sequences). */
    public int documentCount() {
        return index.sequenceCount();
    }

    /** The number of tokens over all documents, i.e. the length of the concatenated stream. */
    public long tokenCount() {
        return index.tokenCount();
    }

    /** The number of tokens in document {@code document}. */
    public int length(int document) {
        Objects.checkIndex(document, index.sequenceCount());
        return index.length(document);
    }

    /** The global token offset of the first token of document {@code document}. */
    public long offset(int document) {
        Objects.checkIndex(document, index.sequenceCount());
        return index.tokenStart(document);
    }

    /**
     * The tokens of document {@code document}; uint16 and uint8 ids are returned unsigned.
     *
     * @throws UncheckedIOException wrapping a {@link BinIdxFormatException} if an int64 token does not fit in an int
     */
    public int[] document(int document) {
        int[] result = new int[length(document)];
        read(index.tokenStart(document), result, 0, result.length);
        return result;
    }

    /**
     * Copies {@code length} tokens of the concatenated stream, starting at global token offset
     * {@code tokenOffset}, into {@code destination} from {@code destinationOffset}; the window
     * may span any number of document boundaries.
     *
     * @throws IndexOutOfBoundsException if the window lies outside the stream or the destination
     * @throws IllegalStateException if the reader was closed
     * @throws UncheckedIOException wrapping a {@link BinIdxFormatException} if an int64 token does not fit in an int
     */
    public void read(long tokenOffset, int[] destination, int destinationOffset, int length) {
        Objects.requireNonNull(destination, "destination");
        Objects.checkFromIndexSize(destinationOffset, length, destination.length);
        Objects.checkFromIndexSize(tokenOffset, length, index.tokenCount());
        if (closed) {
            throw new IllegalStateException("the binidx reader for " + prefix + " is closed");
        }
        tokens.read(tokenOffset, destination, destinationOffset, length);
    }

    /** Marks the reader closed; later reads fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "BinIdxReader[" + prefix + ", " + dtype() + ", " + documentCount() + " documents, "
                + tokenCount() + " tokens]";
    }
}
