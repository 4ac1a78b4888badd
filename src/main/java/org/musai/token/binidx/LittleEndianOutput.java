package org.musai.token.binidx;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Buffers little-endian values in memory and writes them to a file channel in large blocks.
 */
final class LittleEndianOutput implements Closeable {

    /** Large enough that channel writes are rare, small enough to not matter per open writer. */
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    private LittleEndianOutput(FileChannel channel) {
        this.channel = channel;
    }

    /** Creates or truncates {@code file} and prepares to write it from the start. */
    static LittleEndianOutput create(Path file) throws IOException {
        return new LittleEndianOutput(FileChannel.open(file,
                StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
    }

    /**
     * Returns the buffer with at least {@code bytes} free; callers put values into it directly
     * so hot loops avoid a bounds check and a call per value.
     */
    ByteBuffer room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
        return buffer;
    }

    void putBytes(byte[] bytes) throws IOException {
        room(bytes.length).put(bytes);
    }

    void putByte(int value) throws IOException {
        room(Byte.BYTES).put((byte) value);
    }

    void putInt(int value) throws IOException {
        room(Integer.BYTES).putInt(value);
    }

    void putLong(long value) throws IOException {
        room(Long.BYTES).putLong(value);
    }

    /** Writes everything buffered and forces it to the storage device, so a later rename publishes complete data. */
    void flushAndSync() throws IOException {
        drain();
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
