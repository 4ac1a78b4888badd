package org.musai.train;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
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

    /** A joint VAE's parameters among the trained tensors (and the optimizer's moments). */
    private static final String VAE_PREFIX = "vae.";

    private final RwkvWeights weights;
    private final LoraAdapter adapter;
    private final EmbeddingVae vae;
    private final boolean vaeTrains;

    private TrainedTensors(RwkvWeights weights, LoraAdapter adapter, EmbeddingVae vae, boolean vaeTrains) {
        this.weights = weights;
        this.adapter = adapter;
        this.vae = vae;
        this.vaeTrains = vaeTrains;
    }

    static TrainedTensors all(RwkvWeights weights) {
        return new TrainedTensors(weights, null, null, false);
    }

    static TrainedTensors lora(RwkvWeights weights, LoraAdapter adapter) {
        return new TrainedTensors(weights, adapter, null, false);
    }

    /**
     * The same tensors, with the embeddings read from a VAE (which this then owns): frozen, or trained with the model
     * ({@code trains}), when its parameters train and are saved too.
     */
    TrainedTensors withVae(EmbeddingVae embeddings, boolean trains) {
        return new TrainedTensors(weights, adapter, embeddings, trains);
    }

    /** The VAE that trains with the model, whose own loss joins the model's; null when none does. */
    EmbeddingVae jointVae() {
        return vaeTrains ? vae : null;
    }

    /**
     * Before the tensors are saved: with a VAE, the model's own embedding table (which training does not read)
     * becomes each id's VAE embedding at the latent's mean, so that the saved model generates and is scored without
     * the VAE, through the path it trained on.
     */
    private void prepareToSave() {
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

    /** The tensors that train, by name, in a fixed order (the arrays themselves, updated in place). */
    Map<String, NDArray> trained() {
        Map<String, NDArray> trained = new LinkedHashMap<>(modelPart());
        if (vaeTrains) {
            vae.parameters().forEach((name, array) -> trained.put(VAE_PREFIX + name, array));
        }
        return trained;
    }

    /** The tensors of the model's own file: every weight, or the adapter and the base parameters trained with it. */
    private Map<String, NDArray> modelPart() {
        if (adapter == null) {
            return weights.all();
        }
        Map<String, NDArray> trained = new LinkedHashMap<>(adapter.factors());
        LoraAdapter.trainedBaseNames(weights.config()).forEach(name -> trained.put(name, weights.get(name)));
        return trained;
    }

    /**
     * The files a checkpoint holds, by name, the model's first: its weights (or adapter), and a joint VAE with its
     * configuration.
     */
    Map<String, byte[]> files() throws IOException {
        prepareToSave();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(fileName(), RwkvWeights.encode(modelPart()));
        if (vaeTrains) {
            files.put(Trainer.RUN_VAE, RwkvWeights.encode(vae.parameters()));
            files.put(EmbeddingVae.CONFIG_FILE, vae.configJson());
        }
        return files;
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
