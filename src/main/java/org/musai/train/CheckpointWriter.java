package org.musai.train;

import java.io.IOException;
import java.nio.file.Path;
import org.musai.io.AtomicFiles;

/**
 * Writes one file of a checkpoint and forces it to disk. The trainer writes every checkpoint file through one of these,
 * so that a test can make the write fail as a full disk does, through the same code path as a real failure.
 */
@FunctionalInterface
interface CheckpointWriter {

    /**
     * For crash tests only: a pause (milliseconds) inside each checkpoint write, after its first file, so that a test
     * can kill the process while a checkpoint is half written. Unset in normal use.
     */
    String PAUSE_PROPERTY = "musai.crashTest.checkpointPauseMillis";

    void write(Path file, byte[] content) throws IOException;

    /** Writes and fsyncs each file; pauses after a checkpoint's weights when {@link #PAUSE_PROPERTY} is set. */
    static CheckpointWriter standard() {
        long pauseMillis = Long.getLong(PAUSE_PROPERTY, 0);
        if (pauseMillis <= 0) {
            return AtomicFiles::writeSynced;
        }
        return (file, content) -> {
            AtomicFiles.writeSynced(file, content);
            if (file.getFileName().toString().equals(RunFolder.MODEL)) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while pausing inside a checkpoint");
                }
            }
        };
    }
}
