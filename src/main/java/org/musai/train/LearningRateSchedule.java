package org.musai.train;

/**
 * The seed's learning rate: warm-up over the first 1% of an epoch's steps (from a fifth of the rate), then from the
 * decay epoch on an exponential decay to a hundredth of the initial rate by the end of the run. Immutable.
 */
public final class LearningRateSchedule {

    /** The seed warms up over 1% of an epoch's steps. */
    private static final double WARMUP_FRACTION = 0.01;
    /** The seed's final rate is the initial one over 100. */
    private static final double FINAL_FRACTION = 0.01;

    private final double initial;
    private final double last;
    private final long stepsPerEpoch;
    private final long warmupSteps;
    private final double decayStartEpoch;
    private final int epochs;
    private final int firstEpoch;

    public LearningRateSchedule(TrainingOptions options) {
        this.initial = options.learningRate();
        this.last = initial * FINAL_FRACTION;
        this.stepsPerEpoch = options.stepsPerEpoch();
        this.warmupSteps = (long) (options.stepsPerEpoch() * WARMUP_FRACTION);
        this.decayStartEpoch = options.decayStartEpoch();
        this.epochs = options.epochs();
        this.firstEpoch = options.firstEpoch();
    }

    /** The rate at a step of this run (0-based, not counting the first epoch's offset). */
    public double at(long step) {
        long realStep = step + (long) firstEpoch * stepsPerEpoch;
        double decayStep = realStep - decayStartEpoch * stepsPerEpoch;
        double decayTotal = (epochs - decayStartEpoch) * stepsPerEpoch;
        double progress = decayTotal - warmupSteps <= 0 ? 0 : (decayStep - warmupSteps + 1) / (decayTotal - warmupSteps);
        progress = Math.min(1, Math.max(0, progress));
        double rate = initial * Math.exp(Math.log(last / initial) * progress);
        if (step < warmupSteps) {
            rate *= 0.2 + 0.8 * step / warmupSteps;
        }
        return rate;
    }
}
