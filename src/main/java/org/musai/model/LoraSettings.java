package org.musai.model;

/**
 * The shape of a LoRA adapter: {@code W + (alpha / rank) * B A} with A of {@code rank} rows, as in the LoRA paper and
 * the seed (rank 8, alpha 32 by default).
 *
 * @param rank  rows of A and columns of B
 * @param alpha the scale numerator; the delta is multiplied by alpha / rank
 */
public record LoraSettings(int rank, double alpha) {

    public static final int DEFAULT_RANK = 8;
    public static final double DEFAULT_ALPHA = 32;

    public LoraSettings {
        if (rank < 1 || rank > 4096) {
            throw new IllegalArgumentException("LoRA rank (--lora-rank) must be 1-4096, not " + rank);
        }
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("LoRA alpha (--lora-alpha) must be a positive number, not " + alpha);
        }
    }

    /** What B A is multiplied by. */
    public double scaling() {
        return alpha / rank;
    }
}
