package org.musai.train;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.musai.model.AdapterConfig;
import org.musai.model.EmbeddingVae;
import org.musai.model.LoraAdapter;
import org.musai.model.RwkvModel;
import org.musai.model.RwkvWeights;

/**
 * What a run trains and saves: every weight of the model, or a LoRA adapter with the base parameters that train
 * beside it (the rest of the base stays frozen and is never saved). Closing it closes the adapter, not the weights.
 */
final class TrainedTensors implements AutoCloseable {

    private final RwkvWeights weights;
    private final LoraAdapter adapter;
    private final EmbeddingVae vae;

    private TrainedTensors(RwkvWeights weights, LoraAdapter adapter, EmbeddingVae vae) {
        this.weights = weights;
        this.adapter = adapter;
        this.vae = vae;
    }

    static TrainedTensors all(RwkvWeights weights) {
        return new TrainedTensors(weights, null, null);
    }

    static TrainedTensors lora(RwkvWeights weights, LoraAdapter adapter) {
        return new TrainedTensors(weights, adapter, null);
    }

    /** The same tensors, with the embeddings read from a frozen VAE (which this then owns). */
    TrainedTensors withVae(EmbeddingVae frozen) {
        return new TrainedTensors(weights, adapter, frozen);
    }

    /**
     * Before the tensors are saved: with a VAE, the model's own embedding table (which training does not read)
     * becomes each id's VAE embedding at the latent's mean, so that the saved model generates and is scored without
     * the VAE, through the path it trained on.
     */
    void prepareToSave() {
        if (vae != null) {
            NDArray table = vae.table();
            table.setRequiresGradient(true); // it stays in the trained set, with no gradient ever reaching it
            weights.replace(org.musai.model.ParameterNames.EMBEDDING, table);
        }
    }

    RwkvWeights weights() {
        return weights;
    }

    /** The model that trains: the weights, plus the adapter's delta on the adapted layers. */
    RwkvModel model() {
        return new RwkvModel(weights, adapter, vae);
    }

    /** The tensors that train and are saved, by name, in a fixed order (the arrays themselves, updated in place). */
    Map<String, NDArray> trained() {
        if (adapter == null) {
            return weights.all();
        }
        Map<String, NDArray> trained = new LinkedHashMap<>(adapter.factors());
        LoraAdapter.trainedBaseNames(weights.config()).forEach(name -> trained.put(name, weights.get(name)));
        return trained;
    }

    /** The file they are saved in, in the run folder and its checkpoints. */
    String fileName() {
        return adapter == null ? RunFolder.MODEL : AdapterConfig.WEIGHTS;
    }

    long count() {
        return trained().values().stream().mapToLong(array -> array.getShape().size()).sum();
    }

    /** Marks what trains as trainable; the frozen base gets no gradients. */
    void requireGradients() {
        trained().values().forEach(array -> array.setRequiresGradient(true));
    }

    @Override
    public void close() {
        if (adapter != null) {
            adapter.close();
        }
        if (vae != null) {
            vae.close();
        }
    }
}
