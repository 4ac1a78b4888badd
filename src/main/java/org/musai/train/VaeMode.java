package org.musai.train;

import java.nio.file.Path;
import org.musai.model.VaeConfig;

/**
 * How a run gets its embeddings from the seed's embedding VAE: from a saved one, frozen ({@code -v PATH}), or from a
 * fresh one trained together with the model ({@code -v true}), whose shape is given here.
 *
 * @param frozen       the saved VAE file, or null for a joint one
 * @param latent       a joint VAE's latent size
 * @param hiddenLayers a joint VAE's hidden layers on each side
 */
public record VaeMode(Path frozen, int latent, int hiddenLayers) {

    public static VaeMode frozen(Path file) {
        return new VaeMode(file, VaeConfig.DEFAULT_LATENT, VaeConfig.DEFAULT_HIDDEN_LAYERS);
    }

    public static VaeMode joint(int latent, int hiddenLayers) {
        new VaeConfig(2, 2, latent, hiddenLayers); // the same checks as the VAE's own
        return new VaeMode(null, latent, hiddenLayers);
    }

    /** Whether the VAE trains with the model. */
    public boolean joint() {
        return frozen == null;
    }
}
