package org.musai.progress;

/**
 * Holds a running job at its next step boundary until it is resumed or cancelled: the studio's Pause button. The job
 * keeps its memory (weights, optimizer, data) while it waits, so resuming costs nothing. Thread-safe.
 */
public final class PauseGate {

    /** How often a waiting job looks at its cancellation token. */
    private static final long CANCEL_POLL_MILLIS = 100;

    private boolean paused;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /**
     * Waits while paused, and returns at once when not; a cancellation also ends the wait.
     *
     * @return the nanoseconds spent waiting, which the job leaves out of its timings
     */
    public synchronized long awaitResumed(CancellationToken cancel) throws InterruptedException {
        long start = System.nanoTime();
        while (paused && !cancel.isCancelled()) {
            wait(CANCEL_POLL_MILLIS);
        }
        return System.nanoTime() - start;
    }
}
