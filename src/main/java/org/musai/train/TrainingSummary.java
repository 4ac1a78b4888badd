package org.musai.train;

import java.nio.file.Path;

/**
 * How a run ended.
 *
 * @param runFolder      where everything is
 * @param steps          steps done in total
 * @param stopped        true when it stopped on request before the last step
 * @param lastLoss       loss of the last step
 * @param validationLoss last validation loss, NaN when none
 * @param unigramLoss    the unigram baseline on the same held-out tokens
 * @param elapsedSeconds training time over all sessions
 * @param checkpoint     the newest complete checkpoint, which {@code --resume} continues from; null when there is none
 *                       (stopped before the first step)
 */
public record TrainingSummary(Path runFolder, long steps, boolean stopped, double lastLoss, double validationLoss,
                              double unigramLoss, double elapsedSeconds, Path checkpoint) {
}
