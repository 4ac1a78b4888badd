package org.musai.progress;

/**
 * Hears how a long job advances: files tokenized, steps trained. Callbacks come from the job's worker threads, one
 * at a time; a listener that touches a UI hops to its own thread. Every method has a no-op default.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** The job starts and will do {@code total} units of work (0 when unknown). */
    default void started(String task, long total) {
    }

    /** {@code done} units of {@code total} are finished, {@code failed} of them without result. */
    default void advanced(long done, long total, long failed) {
    }

    /** The job ended, normally or cancelled; {@code summary} is one line for people. */
    default void finished(String summary) {
    }
}
