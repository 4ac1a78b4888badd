package org.musai.model;

/**
 * The shape of an RWKV-4 model, from the seed trainer's flags and the tokenizer's vocabulary size.
 *
 * @param vocabSize     ids the model reads and predicts
 * @param embed         width of every layer ({@code -e})
 * @param layers        number of blocks ({@code -n})
 * @param ctxLen        longest sequence in GPT mode ({@code -c})
 * @param headQk        width of the head-QK copy mechanism, 0 when off ({@code -q}: twice the embedding, as the seed)
 * @param tinyAttDim    width of the tiny attention, 0 when off ({@code -a}: the context length, as the seed)
 * @param tinyAttLayer  the block that carries the tiny attention (the last, as the seed); ignored when off
 * @param dropout       dropout after each residual while training, 0 when off
 */
public record RwkvConfig(int vocabSize, int embed, int layers, int ctxLen, int headQk, int tinyAttDim, int tinyAttLayer,
                         float dropout) {

    /** The channel-mix hidden size is four times the embedding, as in RWKV-4. */
    public static final int FFN_MULTIPLIER = 4;

    public RwkvConfig {
        require(vocabSize >= 2, "vocabulary size must be at least 2, not " + vocabSize);
        require(embed >= 2, "embedding size must be at least 2, not " + embed);
        require(layers >= 1, "layers must be at least 1, not " + layers);
        require(ctxLen >= 2, "context length must be at least 2, not " + ctxLen);
        require(headQk >= 0 && tinyAttDim >= 0, "head-QK and tiny attention sizes must not be negative");
        require(tinyAttDim == 0 || (tinyAttLayer >= 0 && tinyAttLayer < layers),
                "tiny attention layer must be one of the " + layers + " layers");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), not " + dropout);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A plain model: no head-QK, no tiny attention, no dropout. */
    public static RwkvConfig of(int vocabSize, int embed, int layers, int ctxLen) {
        return new RwkvConfig(vocabSize, embed, layers, ctxLen, 0, 0, 0, 0f);
    }

    /** The seed's options: {@code -q} gives head-QK of twice the embedding, {@code -a} tiny attention on the last layer. */
    public RwkvConfig withSeedOptions(boolean headQkOn, boolean tinyAttentionOn, float dropoutRate) {
        return new RwkvConfig(vocabSize, embed, layers, ctxLen, headQkOn ? 2 * embed : 0, tinyAttentionOn ? ctxLen : 0,
                tinyAttentionOn ? layers - 1 : 0, dropoutRate);
    }

    public boolean hasHeadQk() {
        return headQk > 0;
    }

    public boolean hasTinyAttention() {
        return tinyAttDim > 0;
    }

    /** Number of trainable values. */
    public long parameterCount() {
        long c = embed;
        long perLayer = 4 * c                 // ln1, ln2
                + 2 * c + 3 * c + 4 * c * c   // time_decay, time_first, time_mix k/v/r, key/value/receptance/output
                + 2 * c + c * c * FFN_MULTIPLIER * 2 + c * c; // ffn time_mix k/r, key, value, receptance
        long total = vocabSize * c + 2 * c + layers * perLayer + 2 * c + vocabSize * c;
        if (hasHeadQk()) {
            total += 2 * c * headQk;
        }
        if (hasTinyAttention()) {
            total += 2 * c + 2 * c * tinyAttDim + c * c;
        }
        return total;
    }
}
