package org.musai.train;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.musai.model.AdapterConfig;
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

    private TrainedTensors(RwkvWeights weights, LoraAdapter adapter) {
        this.weights = weights;
        this.adapter = adapter;
    }

    static TrainedTensors all(RwkvWeights weights) {
        return new TrainedTensors(weights, null);
    }

    static TrainedTensors lora(RwkvWeights weights, LoraAdapter adapter) {
        return new TrainedTensors(weights, adapter);
    }

    RwkvWeights weights() {
        return weights;
    }

    /** The model that trains: the weights, plus the adapter's delta on the adapted layers. */
    RwkvModel model() {
        return new RwkvModel(weights, adapter);
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
    }
}
