package org.musai.train;

import ai.djl.ndarray.NDArray;
import org.musai.model.Scalars;

/**
 * The training objective: mean cross-entropy over the targets that count (padding excluded, unlike the seed), plus
 * the seed's L2-wrap term, which nudges the largest logit of each position towards zero.
 */
final class LossFunction {

    /** The seed's L2Wrap factor, divided by the positions of the batch. */
    static final double L2_WRAP = 1e-4;

    private LossFunction() {
    }

    /** Mean negative log-likelihood per counted token. */
    static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray mask) {
        NDArray picked = logits.logSoftmax(2).gather(targets.expandDims(2), 2).squeeze(2);
        return picked.mul(mask).sum().neg().div(mask.sum().maximum(1f));
    }

    /**
     * A term whose gradient is L2Wrap's: {@code 1e-4 / (B T)} times the largest logit, at that logit. Half the squared
     * maximum, times the factor, has exactly that derivative; its value is not reported.
     */
    static NDArray l2Wrap(NDArray logits) {
        long positions = logits.getShape().get(0) * logits.getShape().get(1);
        return Scalars.times(logits.max(new int[]{2}).square().sum(), L2_WRAP / positions / 2);
    }
}
