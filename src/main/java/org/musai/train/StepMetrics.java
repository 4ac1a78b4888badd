package org.musai.train;

/**
 * What one training step did: the figures of a line of metrics.csv.
 *
 * @param step            steps done in this run, 1-based
 * @param totalSteps      steps the run will do
 * @param epoch           the epoch (counting from the first epoch given)
 * @param loss            mean cross-entropy per token of the batch, padding excluded
 * @param learningRate    the rate used
 * @param tokensPerSecond tokens per second of this step
 * @param elapsedSeconds  training time so far, over all sessions of the run
 * @param etaSeconds      estimated time left
 */
public record StepMetrics(long step, long totalSteps, int epoch, double loss, double learningRate,
                          double tokensPerSecond, double elapsedSeconds, double etaSeconds) {
}
