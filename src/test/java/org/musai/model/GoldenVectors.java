package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PyTorch reference's golden vectors for a tiny RWKV-4 (vocab 40, embed 32, 2 layers): weights, 25 input ids,
 * and the logits, loss and gradients that the reference computes from them in float64.
 */
final class GoldenVectors {

    static final RwkvConfig CONFIG = RwkvConfig.of(40, 32, 2, 64);
    static final Path FILE = Path.of("src/test/resources/org/musai/model/rwkv4-tiny.safetensors");

    final Map<String, NDArray> arrays = new LinkedHashMap<>();

    GoldenVectors(NDManager manager) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(FILE))) {
            for (NDArray array : NDList.decode(manager, in)) {
                arrays.put(array.getName(), array);
            }
        }
    }

    NDArray get(String name) {
        return arrays.get(name);
    }

    RwkvWeights weights(NDManager manager) throws IOException {
        return RwkvWeights.of(CONFIG, manager, arrays, FILE.toString());
    }
}
