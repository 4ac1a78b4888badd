package org.musai.train;

/**
 * The end of an epoch.
 *
 * @param epoch           the epoch that ended
 * @param step            steps done
 * @param trainLoss       mean loss of the epoch's steps
 * @param validationLoss  mean cross-entropy per token on the held-out documents, NaN without them
 * @param unigramLoss     the same for a model that only knows token frequencies: the bar to clear
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double validationLoss, double unigramLoss) {
}
