package org.musai.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shape of the seed's embedding VAE: a per-token MLP from a token's embedding to a latent and back, its hidden
 * layers doubling from the latent size ({@code [L 2^(n-1), ..., 2L, L]} in the encoder, reversed in the decoder).
 *
 * @param vocabSize    ids it embeds
 * @param embed        the embedding size, which must be the model's ({@code -e})
 * @param latent       the latent size (the seed's VAE_LATENT_DIM, 512)
 * @param hiddenLayers hidden layers on each side (the seed's VAE_HIDDEN_N, 4)
 */
public record VaeConfig(int vocabSize, int embed, int latent, int hiddenLayers) {

    public static final int DEFAULT_LATENT = 512;
    public static final int DEFAULT_HIDDEN_LAYERS = 4;

    public VaeConfig {
        require(vocabSize >= 2, "the VAE's vocabulary must have at least 2 ids, not " + vocabSize);
        require(embed >= 2, "the VAE's embedding size must be at least 2, not " + embed);
        require(latent >= 1 && latent <= 8192, "--vae-latent must be 1-8192, not " + latent);
        require(hiddenLayers >= 1 && hiddenLayers <= 8, "--vae-layers must be 1-8, not " + hiddenLayers);
        require((long) latent << (hiddenLayers - 1) <= 65536, "--vae-latent " + latent + " with --vae-layers "
                + hiddenLayers + " makes a hidden layer wider than 65536");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The encoder's layer widths after its input layer, widest first: the seed's layer_sizes. */
    public List<Integer> encoderWidths() {
        List<Integer> widths = new ArrayList<>();
        for (int i = hiddenLayers - 1; i >= 0; i--) {
            widths.add(latent << i);
        }
        return widths;
    }

    /** The decoder's widths after its input layer: the encoder's reversed. */
    public List<Integer> decoderWidths() {
        List<Integer> widths = new ArrayList<>(encoderWidths());
        Collections.reverse(widths);
        return widths;
    }
}
