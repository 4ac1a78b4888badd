package org.musai.model;

import static org.musai.model.ParameterNames.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Low-rank adapters on a frozen RWKV-4 model, as the seed (after Blealtan's RWKV-LM-LoRA) trains them: a pair
 * {@code lora_A} (rank x in) and {@code lora_B} (out x rank) on the time-mix key, value, receptance and output and the
 * channel-mix key, receptance and value of every block, under RWKV-LM-LoRA's names
 * ({@code blocks.N.att.key.lora_A}). A starts as Kaiming-uniform and B as zero, so a fresh adapter changes nothing.
 * The layer norms and time parameters of the blocks train with it and are saved beside it ({@link #trainedBaseNames});
 * everything else stays the base model's. Owns its factors through its own manager: close it.
 */
public final class LoraAdapter implements AutoCloseable {

    /** The adapted linear layers of a block, by their names inside it. */
    static final List<String> TARGETS = List.of("att.key", "att.value", "att.receptance", "att.output", "ffn.key",
            "ffn.receptance", "ffn.value");

    private final LoraSettings settings;
    private final NDManager manager;
    private final Map<String, NDArray> factors = new LinkedHashMap<>();
    private final float scaling;

    private LoraAdapter(LoraSettings settings, NDManager manager) {
        this.settings = settings;
        this.manager = manager;
        this.scaling = (float) settings.scaling();
    }

    /** Names and shapes of the factors of a model shape, A before B, block by block. */
    public static Map<String, Shape> factorShapes(RwkvConfig config, int rank) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Map<String, Shape> base = RwkvWeights.shapes(config);
        for (int l = 0; l < config.layers(); l++) {
            for (String target : TARGETS) {
                Shape weight = base.get(block(l, target + ".weight"));
                shapes.put(block(l, target + ".lora_A"), new Shape(rank, weight.get(1)));
                shapes.put(block(l, target + ".lora_B"), new Shape(weight.get(0), rank));
            }
        }
        return shapes;
    }

    /**
     * The base parameters that train with an adapter and are saved in its file: the blocks' layer norms
     * ({@code ln0}, {@code ln1}, {@code ln2}) and time parameters, as the seed's "ln" and "time" parts.
     */
    public static List<String> trainedBaseNames(RwkvConfig config) {
        List<String> names = new ArrayList<>();
        for (String name : RwkvWeights.shapes(config).keySet()) {
            String inBlock = name.startsWith("blocks.") ? name.substring(name.indexOf('.', 7) + 1) : "";
            if (inBlock.matches("ln[012]\\.(weight|bias)") || inBlock.matches("(att|ffn)\\.time_.*")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every tensor an adapter file holds, with its shape: the factors, then the trained base parameters. */
    public static Map<String, Shape> fileShapes(RwkvConfig config, int rank) {
        Map<String, Shape> shapes = new LinkedHashMap<>(factorShapes(config, rank));
        Map<String, Shape> base = RwkvWeights.shapes(config);
        trainedBaseNames(config).forEach(name -> shapes.put(name, base.get(name)));
        return shapes;
    }

    /** A fresh adapter: A uniform within 1/sqrt(in) (PyTorch's kaiming_uniform_ with a = sqrt 5), B zero. */
    public static LoraAdapter initialize(RwkvConfig config, LoraSettings settings, NDManager parent, long seed) {
        LoraAdapter adapter = new LoraAdapter(settings, parent.newSubManager());
        SplittableRandom random = new SplittableRandom(seed ^ 0x4C6F5241L);
        for (Map.Entry<String, Shape> entry : factorShapes(config, settings.rank()).entrySet()) {
            Shape shape = entry.getValue();
            float[] values = new float[(int) shape.size()];
            if (entry.getKey().endsWith("lora_A")) {
                double bound = 1.0 / Math.sqrt(shape.get(1));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
            adapter.put(entry.getKey(), adapter.manager.create(values, shape));
        }
        return adapter;
    }

    /**
     * Reads an adapter file: exactly the tensors of {@link #fileShapes}, checked before any value is read. The
     * trained base parameters are copied into {@code weights}; the factors stay in the adapter.
     */
    public static LoraAdapter read(Path file, LoraSettings settings, RwkvWeights weights) throws IOException {
        RwkvConfig config = weights.config();
        LoraAdapter adapter = new LoraAdapter(settings, weights.manager().getParentManager().newSubManager());
        try (SafetensorsFile tensors = SafetensorsFile.open(file);
             NDManager scratch = weights.manager().getParentManager().newSubManager()) {
            tensors.requireExactly(fileShapes(config, settings.rank()), "a rank-" + settings.rank()
                    + " adapter of this model shape");
            for (String name : factorShapes(config, settings.rank()).keySet()) {
                NDArray copy = RwkvWeights.ownedCopy(tensors.read(name, scratch));
                copy.attach(adapter.manager);
                adapter.put(name, copy);
            }
            for (String name : trainedBaseNames(config)) {
                weights.replace(name, RwkvWeights.ownedCopy(tensors.read(name, scratch)));
            }
        } catch (IOException | RuntimeException e) {
            adapter.close();
            throw e;
        }
        return adapter;
    }

    private void put(String name, NDArray array) {
        array.setName(name);
        factors.put(name, array);
    }

    public LoraSettings settings() {
        return settings;
    }

    /** The factors by name (A and B of every target), in a fixed order. */
    public Map<String, NDArray> factors() {
        return Collections.unmodifiableMap(factors);
    }

    /**
     * {@code base} (the frozen layer's output for {@code x}) plus the adapter's delta for the layer whose weight is
     * named {@code weightName}; {@code base} unchanged for a layer without an adapter.
     */
    NDArray addDelta(NDArray x, String weightName, NDArray base) {
        NDArray a = factors.get(factorName(weightName, "lora_A"));
        if (a == null) {
            return base;
        }
        NDArray low = Linear.linear(x, a).singletonOrThrow();
        NDArray delta = Linear.linear(low, factors.get(factorName(weightName, "lora_B"))).singletonOrThrow();
        return base.add(Scalars.times(delta, scaling)); // a plain mul(float) would break autograd (Scalars)
    }

    private static String factorName(String weightName, String factor) {
        return weightName.endsWith(".weight")
                ? weightName.substring(0, weightName.length() - ".weight".length()) + "." + factor : "";
    }

    /** Adds {@code alpha / rank * B A} to every adapted weight: the model then computes what base plus adapter did. */
    public void mergeInto(RwkvWeights weights) {
        for (int l = 0; l < weights.config().layers(); l++) {
            for (String target : TARGETS) {
                String name = block(l, target + ".weight");
                NDArray a = factors.get(block(l, target + ".lora_A"));
                NDArray b = factors.get(block(l, target + ".lora_B"));
                try (NDArray product = b.matMul(a); NDArray scaled = Scalars.times(product, scaling)) {
                    weights.replace(name, weights.get(name).add(scaled));
                }
            }
        }
    }

    /**
     * Base weights with an adapter merged in, from a model file and an adapter folder ({@link AdapterConfig}): the
     * base file must be the one the adapter was trained on (its hash is checked first).
     */
    public static RwkvWeights loadMerged(RwkvConfig config, NDManager manager, Path baseWeights, Path adapterFolder,
                                         Path adapterWeights) throws IOException {
        AdapterConfig adapterConfig = AdapterConfig.read(adapterFolder);
        adapterConfig.requireBase(baseWeights);
        RwkvWeights weights = RwkvWeights.load(config, manager, baseWeights);
        try (LoraAdapter adapter = read(adapterWeights, adapterConfig.settings(), weights)) {
            adapter.mergeInto(weights);
            return weights;
        } catch (IOException | RuntimeException e) {
            weights.close();
            throw e;
        }
    }

    /** Marks the factors as trainable. */
    public void requireGradients() {
        factors.values().forEach(array -> array.setRequiresGradient(true));
    }

    @Override
    public void close() {
        manager.close();
    }
}
