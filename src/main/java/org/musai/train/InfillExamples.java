package org.musai.train;

import java.util.SplittableRandom;
import org.musai.token.TokenCodec;
import org.musai.token.mmm.MmmTokenizer;

/**
 * Training rows for an MMM model: bar-infill examples cut from a document ({@link MmmTokenizer#trainingExample}),
 * merged with the dataset's BPE and short enough for the context: a stretch of up to {@value #MAX_BARS} bars, halved
 * until it fits.
 */
final class InfillExamples implements TrainingData.DocumentExamples {

    /** The infill benchmark and Regenerate selection see about twelve bars around the selection. */
    static final int MAX_BARS = 16;

    private final TokenCodec codec;
    private final MmmTokenizer tokenizer;

    InfillExamples(TokenCodec codec) {
        if (!(codec.tokenizer() instanceof MmmTokenizer mmm)) {
            throw new IllegalArgumentException("infill examples need an MMM dataset");
        }
        this.codec = codec;
        this.tokenizer = mmm;
    }

    @Override
    public int[] example(int[] documentIds, int maxLength, SplittableRandom random) {
        int[] base = codec.toBaseIds(documentIds).ids();
        for (int bars = MAX_BARS; bars >= 1; bars /= 2) {
            int[] example = tokenizer.trainingExample(base, bars, random);
            if (example == null) {
                return null;
            }
            int[] merged = codec.applyBpe(example);
            if (merged.length <= maxLength) {
                return merged;
            }
        }
        return null;
    }
}
