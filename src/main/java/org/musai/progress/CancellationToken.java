package org.musai.progress;

/**
 * Asks a running job to stop at its next file or step boundary. Ctrl-C and a Stop button both set it; the job
 * checks it and cleans up. Thread-safe.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} when cancellation was asked for. */
    public void throwIfCancelled() throws CancelledException {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
