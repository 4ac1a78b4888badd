package org.musai.train;

import java.nio.file.Path;

/**
 * Hears a training run: every step, epoch and checkpoint, and how it ended. The CLI prints a progress line; the
 * studio's charts subscribe to the same calls. Callbacks come on the training thread; no DJL array crosses them.
 */
public interface TrainingListener {

    /** The run starts (or resumes) at {@code step} of {@code totalSteps}. */
    default void started(TrainingPlan plan) {
    }

    default void stepped(StepMetrics metrics) {
    }

    default void epochEnded(EpochMetrics metrics) {
    }

    /** A complete checkpoint is on disk. */
    default void checkpointed(Path folder, long step) {
    }

    /** The run ended: finished, or stopped on request after its checkpoint. */
    default void finished(TrainingSummary summary) {
    }

    /** The run failed; its last complete checkpoint is still on disk. */
    default void failed(Exception cause) {
    }
}
