package org.musai.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.musai.progress.CancellationToken;

/**
 * Turns Ctrl-C into a cancellation: the running job stops at its next boundary and cleans up before the JVM exits.
 * Use it in try-with-resources around the job.
 */
final class CancelOnInterrupt implements AutoCloseable {

    /** How long the JVM waits at Ctrl-C for the job to remove what it was writing. */
    private static final long CLEANUP_SECONDS = 30;

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt() {
        hook = new Thread(() -> {
            token.cancel();
            try {
                done.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "musai-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    CancellationToken token() {
        return token;
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
