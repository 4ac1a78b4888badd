package org.musai.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends the rows of metrics.csv. Each row goes to the file as one write when it is added, so that a reader (the
 * studio, a crashed run's next start) sees every finished step; {@link #sync()} forces the rows to disk before a
 * checkpoint, so that a checkpoint never survives a power cut without the rows up to its step. Closed by its session.
 */
final class MetricsLog implements AutoCloseable {

    private final FileChannel channel;

    MetricsLog(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Appends one row and its line end. */
    void append(String row) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((row + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Forces the rows written so far to disk. */
    void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
