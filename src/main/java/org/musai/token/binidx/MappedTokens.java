package org.musai.token.binidx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Decodes token ids from a memory-mapped {@code .bin} file of any size, mapped as a row of chunks.
 *
 * <p>A single mapping is limited to 2 GiB, so the file is mapped in chunks whose size is a
 * multiple of 8 bytes; since tokens are 1, 2, 4 or 8 bytes wide, no token straddles two chunks.
 * Only absolute {@code get} methods are used, which read no mutable buffer state (position,
 * limit, mark), so any number of threads may decode concurrently without locking.
 */
final class MappedTokens {

    /** Chunk size used outside tests: 1 GiB, a multiple of every token width. */
    static final long DEFAULT_CHUNK_BYTES = 1L << 30;

    private final Path file;
    private final BinIdxDtype dtype;
    private final long chunkBytes;
    private final ByteBuffer[] chunks;

    private MappedTokens(Path file, BinIdxDtype dtype, long chunkBytes, ByteBuffer[] chunks) {
        this.file = file;
        this.dtype = dtype;
        this.chunkBytes = chunkBytes;
        this.chunks = chunks;
    }

    /**
     * Maps the first {@code length} bytes of {@code channel}; the mappings stay valid after the
     * channel is closed.
     */
    static MappedTokens map(FileChannel channel, Path file, long length, BinIdxDtype dtype, long chunkBytes)
            throws IOException {
        if (chunkBytes <= 0 || chunkBytes % Long.BYTES != 0 || chunkBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk size must be a positive multiple of 8 below 2 GiB: " + chunkBytes);
        }
        int chunkCount = Math.toIntExact((length + chunkBytes - 1) / chunkBytes);
        ByteBuffer[] chunks = new ByteBuffer[chunkCount];
        for (int i = 0; i < chunkCount; i++) {
            long start = i * chunkBytes;
            long size = Math.min(chunkBytes, length - start);
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedTokens(file, dtype, chunkBytes, chunks);
    }

    /**
     * Copies {@code count} tokens starting at token {@code tokenOffset} into {@code destination};
     * the caller has checked all bounds.
     *
     * @throws UncheckedIOException wrapping a {@link BinIdxFormatException} if an int64 token does not fit in an int
     */
    void read(long tokenOffset, int[] destination, int destinationOffset, int count) {
        int bytesPerToken = dtype.bytesPerToken();
        long byteOffset = tokenOffset * bytesPerToken;
        int written = 0;
        while (written < count) {
            int chunkIndex = (int) (byteOffset / chunkBytes);
            int position = (int) (byteOffset % chunkBytes);
            int run = Math.min(count - written, (chunks[chunkIndex].limit() - position) / bytesPerToken);
            decode(chunkIndex, position, destination, destinationOffset + written, run);
            written += run;
            byteOffset += (long) run * bytesPerToken;
        }
    }

    private void decode(int chunkIndex, int position, int[] destination, int start, int count) {
        ByteBuffer chunk = chunks[chunkIndex];
        int end = start + count;
        // One switch per run rather than per token keeps the inner loops tight.
        switch (dtype) {
            case UINT8 -> {
                for (int i = start, at = position; i < end; i++, at++) {
                    destination[i] = Byte.toUnsignedInt(chunk.get(at));
                }
            }
            case INT8 -> {
                for (int i = start, at = position; i < end; i++, at++) {
                    destination[i] = chunk.get(at);
                }
            }
            case UINT16 -> {
                for (int i = start, at = position; i < end; i++, at += Short.BYTES) {
                    destination[i] = Short.toUnsignedInt(chunk.getShort(at));
                }
            }
            case INT16 -> {
                for (int i = start, at = position; i < end; i++, at += Short.BYTES) {
                    destination[i] = chunk.getShort(at);
                }
            }
            case INT32 -> {
                for (int i = start, at = position; i < end; i++, at += Integer.BYTES) {
                    destination[i] = chunk.getInt(at);
                }
            }
            case INT64 -> {
                for (int i = start, at = position; i < end; i++, at += Long.BYTES) {
                    destination[i] = toInt(chunk.getLong(at), chunkIndex, at);
                }
            }
            default -> throw new IllegalStateException("unhandled dtype " + dtype);
        }
    }

    private int toInt(long token, int chunkIndex, int position) {
        if (token != (int) token) {
            long tokenOffset = (chunkIndex * chunkBytes + position) / Long.BYTES;
            throw new UncheckedIOException(new BinIdxFormatException(file,
                    "int64 token " + token + " at token offset " + tokenOffset + " does not fit in an int"));
        }
        return (int) token;
    }
}
