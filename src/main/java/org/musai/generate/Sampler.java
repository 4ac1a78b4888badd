package org.musai.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws one token from logits: tokens the grammar forbids are out, the seed's repetition penalty, then temperature,
 * top-k and top-p. Deterministic for a given random generator. Stateless.
 */
final class Sampler {

    private Sampler() {
    }

    /**
     * @param logits    the model's scores; changed in place
     * @param allowed   which ids may follow; at least one must be true
     * @param penalized which ids the repetition penalty applies to
     * @param history   ids so far, oldest first
     * @param length    how many of {@code history} count
     */
    static int sample(float[] logits, boolean[] allowed, boolean[] penalized, int[] history, int length,
                      SamplingSettings settings, SplittableRandom random) {
        applyRepetitionPenalty(logits, penalized, history, length, settings);
        int n = logits.length;
        double max = Double.NEGATIVE_INFINITY;
        int allowedCount = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i] && Float.isFinite(logits[i])) {
                max = Math.max(max, logits[i] / settings.temperature());
                allowedCount++;
            }
        }
        if (allowedCount == 0) {
            for (int i = 0; i < n; i++) {
                if (allowed[i]) {
                    return i; // logits gave nothing usable: take the first legal token rather than fail
                }
            }
            throw new IllegalStateException("the grammar allows no token");
        }
        Integer[] order = new Integer[allowedCount];
        double[] probability = new double[n];
        int k = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (allowed[i] && Float.isFinite(logits[i])) {
                probability[i] = Math.exp(logits[i] / settings.temperature() - max);
                total += probability[i];
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> Double.compare(probability[b], probability[a]));
        int keep = settings.topK() > 0 ? Math.min(settings.topK(), order.length) : order.length;
        double cumulative = 0;
        int kept = 0;
        while (kept < keep) {
            cumulative += probability[order[kept]] / total;
            kept++;
            if (cumulative >= settings.topP()) {
                break;
            }
        }
        double mass = 0;
        for (int i = 0; i < kept; i++) {
            mass += probability[order[i]];
        }
        double target = random.nextDouble() * mass;
        for (int i = 0; i < kept; i++) {
            target -= probability[order[i]];
            if (target <= 0) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    /**
     * The seed's penalty: each penalized id seen in the window weighs decay^age, summed; its logit is divided by
     * penalty^weight when positive and multiplied when negative, within the maximum.
     */
    private static void applyRepetitionPenalty(float[] logits, boolean[] penalized, int[] history, int length,
                                               SamplingSettings s) {
        if (s.repetitionPenalty() == 1 || s.penaltyWindow() == 0) {
            return;
        }
        double[] weight = new double[logits.length];
        int from = Math.max(0, length - s.penaltyWindow());
        for (int i = from; i < length; i++) {
            int id = history[i];
            if (id >= 0 && id < logits.length && penalized[id]) {
                weight[id] += Math.pow(s.penaltyDecay(), length - 1 - i);
            }
        }
        for (int id = 0; id < logits.length; id++) {
            if (weight[id] > 0) {
                double factor = Math.pow(logits[id] < 0 ? s.repetitionPenalty() : 1 / s.repetitionPenalty(), weight[id]);
                factor = Math.max(1 / s.maxPenalty(), Math.min(s.maxPenalty(), factor));
                logits[id] *= (float) factor;
            }
        }
    }
}
