package org.musai.token.binidx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads little-endian values sequentially from a file channel through a block buffer, so that
 * index files of any size can be parsed without mapping or loading them whole.
 */
final class LittleEndianInput {

    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final Path file;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianInput(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
        buffer.limit(0);
    }

    void readBytes(byte[] destination) throws IOException {
        fill(destination.length).get(destination);
    }

    int readUnsignedByte() throws IOException {
        return Byte.toUnsignedInt(fill(Byte.BYTES).get());
    }

    int readInt() throws IOException {
        return fill(Integer.BYTES).getInt();
    }

    long readLong() throws IOException {
        return fill(Long.BYTES).getLong();
    }

    private ByteBuffer fill(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return buffer;
        }
        buffer.compact();
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                // Lengths are validated before parsing, so this means the file shrank underneath us.
                throw new BinIdxFormatException(file, "unexpected end of file while reading the index");
            }
        }
        buffer.flip();
        return buffer;
    }
}
