package org.musai.progress;

/**
 * Holds a running job at its next step boundary until it is resumed or cancelled: the studio's Pause button. The job
 * keeps its memory (weights, optimizer, data) while it waits, so resuming costs nothing. Thread-safe.
 */
public final class PauseGate {

    /** How often a waiting job looks at its cancellation token. */
    private static final long CANCEL_POLL_MILLIS = 100;

    private boolean paused;
    private boolean holding;

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

    /** Whether a job is waiting at the gate now (it has finished the step it was in when paused). */
    public synchronized boolean isHolding() {
        return holding;
    }

    /**
     * Waits while paused, and returns at once when not; a cancellation also ends the wait.
     *
     * @return the nanoseconds spent waiting, which the job leaves out of its timings
     */
    public synchronized long awaitResumed(CancellationToken cancel) throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (paused && !cancel.isCancelled()) {
                holding = true;
                wait(CANCEL_POLL_MILLIS);
            }
        } finally {
            holding = false;
        }
        return System.nanoTime() - start;
    }
}
