package org.musai.model;

import static org.musai.model.ParameterNames.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.musai.io.AtomicFiles;

/**
 * The named parameters of an RWKV-4 model, initialised as the seed initialises them or loaded from safetensors under
 * RWKV-LM's names. Owns its arrays through its own manager: close it to free them. Not thread-safe.
 */
public final class RwkvWeights implements AutoCloseable {

    private final RwkvConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    private RwkvWeights(RwkvConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** The expected shape of every parameter of a config, in a fixed order. */
    public static Map<String, Shape> shapes(RwkvConfig config) {
        long c = config.embed();
        long ffn = c * RwkvConfig.FFN_MULTIPLIER;
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(EMBEDDING, new Shape(config.vocabSize(), c));
        shapes.put(LN0_WEIGHT, new Shape(c));
        shapes.put(LN0_BIAS, new Shape(c));
        for (int l = 0; l < config.layers(); l++) {
            for (String ln : List.of("ln1", "ln2")) {
                shapes.put(block(l, ln + ".weight"), new Shape(c));
                shapes.put(block(l, ln + ".bias"), new Shape(c));
            }
            shapes.put(block(l, "att.time_decay"), new Shape(c));
            shapes.put(block(l, "att.time_first"), new Shape(c));
            for (String mix : List.of("att.time_mix_k", "att.time_mix_v", "att.time_mix_r", "ffn.time_mix_k",
                    "ffn.time_mix_r")) {
                shapes.put(block(l, mix), new Shape(1, 1, c));
            }
            for (String linear : List.of("att.key", "att.value", "att.receptance", "att.output", "ffn.receptance")) {
                shapes.put(block(l, linear + ".weight"), new Shape(c, c));
            }
            shapes.put(block(l, "ffn.key.weight"), new Shape(ffn, c));
            shapes.put(block(l, "ffn.value.weight"), new Shape(c, ffn));
            if (config.hasTinyAttention() && l == config.tinyAttLayer()) {
                shapes.put(block(l, "tiny_ln.weight"), new Shape(c));
                shapes.put(block(l, "tiny_ln.bias"), new Shape(c));
                shapes.put(block(l, "tiny_q.weight"), new Shape(config.tinyAttDim(), c));
                shapes.put(block(l, "tiny_k.weight"), new Shape(config.tinyAttDim(), c));
                shapes.put(block(l, "tiny_v.weight"), new Shape(c, c));
            }
        }
        shapes.put(LN_OUT_WEIGHT, new Shape(c));
        shapes.put(LN_OUT_BIAS, new Shape(c));
        shapes.put(HEAD, new Shape(config.vocabSize(), c));
        if (config.hasHeadQk()) {
            shapes.put(HEAD_Q, new Shape(config.headQk(), c));
            shapes.put(HEAD_K, new Shape(config.headQk(), c));
        }
        return shapes;
    }

    /**
     * Fresh weights as the seed makes them: PyTorch's default initialisation for embeddings (normal), linear layers
     * (uniform within 1/sqrt(fan-in)) and layer norms (1, 0), and RWKV's curves for time_decay, time_first and the
     * time-mix factors, which vary with the layer and the channel. The same seed gives the same weights anywhere.
     */
    public static RwkvWeights initialize(RwkvConfig config, NDManager parent, long seed) {
        return initialize(config, parent, seed, Double.NaN);
    }

    /**
     * Fresh weights as RWKV-LM's v4neo trainer makes them ({@link V4neoInit}): blocks that start as the identity,
     * orthogonal matrices, a small embedding within plus and minus the initial learning rate.
     */
    public static RwkvWeights initializeV4neo(RwkvConfig config, NDManager parent, long seed, double learningRate) {
        return initialize(config, parent, seed, learningRate);
    }

    /** The seed's scheme, or v4neo's where {@code v4neoLearningRate} is a number. */
    private static RwkvWeights initialize(RwkvConfig config, NDManager parent, long seed, double v4neoLearningRate) {
        RwkvWeights weights = new RwkvWeights(config, parent.newSubManager());
        SplittableRandom random = new SplittableRandom(seed);
        int c = config.embed();
        for (Map.Entry<String, Shape> entry : shapes(config).entrySet()) {
            String name = entry.getKey();
            Shape shape = entry.getValue();
            float[] values = new float[(int) shape.size()];
            if (!Double.isNaN(v4neoLearningRate) && shape.dimension() == 2
                    && V4neoInit.fill(name, shape.get(0), shape.get(1), v4neoLearningRate, random, values)) {
                // filled the v4neo way
            } else if (name.equals(EMBEDDING)) {
                for (int i = c; i < values.length; i++) { // row 0 is padding and stays zero, as nn.Embedding(padding_idx=0)
                    values[i] = (float) gaussian(random);
                }
            } else if (name.endsWith("ln0.weight") || name.endsWith("ln1.weight") || name.endsWith("ln2.weight")
                    || name.endsWith("ln_out.weight") || name.endsWith("tiny_ln.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (name.endsWith(".bias")) {
                // layer-norm biases start at zero
            } else if (name.contains("time_")) {
                TimeCurves.fill(name, layerOf(name), config, values);
            } else {
                double bound = 1.0 / Math.sqrt(shape.get(1));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
                }
            }
            weights.put(name, weights.manager.create(values, shape));
        }
        return weights;
    }

    /** A standard normal value (Box-Muller), for every initialisation scheme. */
    static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int layerOf(String name) {
        return Integer.parseInt(name.split("\\.")[1]);
    }

    /**
     * Loads weights from a safetensors file. Its header is checked first ({@link SafetensorsFile}); then every
     * parameter of the config must be there with its shape, and a missing, misshapen or extra tensor is refused with
     * its name before any value is read, so memory stays bounded by the config. NaN or infinite values are refused.
     * Safetensors holds only numbers: loading runs no code. Messages start with the file's path.
     */
    public static RwkvWeights load(RwkvConfig config, NDManager parent, Path file) throws IOException {
        Map<String, Shape> expected = shapes(config);
        try (SafetensorsFile tensors = SafetensorsFile.open(file); NDManager scratch = parent.newSubManager()) {
            tensors.requireExactly(expected, "this model shape");
            Map<String, NDArray> arrays = new LinkedHashMap<>();
            for (String name : expected.keySet()) {
                arrays.put(name, tensors.read(name, scratch));
            }
            return of(config, parent, arrays, file.toString());
        }
    }

    /**
     * Weights copied from named arrays (extra names are ignored): every parameter of the config must be there with
     * its shape.
     *
     * @param source where the arrays come from, for messages
     */
    public static RwkvWeights of(RwkvConfig config, NDManager parent, Map<String, NDArray> arrays, String source)
            throws IOException {
        RwkvWeights weights = new RwkvWeights(config, parent.newSubManager());
        for (Map.Entry<String, Shape> expected : shapes(config).entrySet()) {
            NDArray array = arrays.get(expected.getKey());
            if (array == null) {
                weights.close();
                throw new IOException(source + " lacks " + expected.getKey() + " for this model shape");
            }
            if (!array.getShape().equals(expected.getValue())) {
                weights.close();
                throw new IOException(source + ": " + expected.getKey() + " has shape " + array.getShape()
                        + ", the config needs " + expected.getValue());
            }
            NDArray copy = ownedCopy(array);
            copy.attach(weights.manager);
            weights.put(expected.getKey(), copy);
        }
        return weights;
    }

    /**
     * A float32 copy with storage of its own: a decoded array may point into a buffer that Java frees once it is
     * closed, and PyTorch's to(float32) of a float32 tensor returns that same storage.
     */
    static NDArray ownedCopy(NDArray array) {
        return array.getDataType() == DataType.FLOAT32 ? array.duplicate() : array.toType(DataType.FLOAT32, true);
    }

    /** Writes every parameter as safetensors under its RWKV-LM name, atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, encode(parameters));
    }

    /** Safetensors bytes of named arrays, copied to the CPU as float32; the arrays themselves are left as they are. */
    public static byte[] encode(Map<String, NDArray> arrays) throws IOException {
        NDList list = new NDList();
        try (NDManager scratch = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
                NDArray source = entry.getValue();
                source.tempAttach(scratch); // the copies below land in scratch and go with it
                NDArray copy = source.toDevice(ai.djl.Device.cpu(), true).toType(DataType.FLOAT32, true);
                copy.setName(entry.getKey());
                list.add(copy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            list.encode(out, NDList.Encoding.SAFETENSORS);
            return out.toByteArray();
        }
    }

    private void put(String name, NDArray array) {
        array.setName(name);
        parameters.put(name, array);
    }

    public RwkvConfig config() {
        return config;
    }

    /** The manager that owns the weights. */
    public NDManager manager() {
        return manager;
    }

    /** A parameter by its RWKV-LM name. */
    public NDArray get(String name) {
        NDArray array = parameters.get(name);
        if (array == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return array;
    }

    /** All parameters by name, in a fixed order. */
    public Map<String, NDArray> all() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Replaces a parameter's values (from a checkpoint or an optimizer step); the old array is freed. */
    public void replace(String name, NDArray values) {
        NDArray old = get(name);
        values.attach(manager);
        put(name, values);
        if (old != values) {
            old.close();
        }
    }

    /**
     * Lends every parameter to a short-lived manager until it closes. DJL puts the result of an operation in the
     * manager of its first operand; lent weights make results such as {@code -exp(time_decay)} land in the caller's
     * step manager instead of piling up in the weights' own.
     */
    public void lendTo(NDManager borrower) {
        for (NDArray array : parameters.values()) {
            if (array.getManager() != manager) {
                // lent already: a second loan would hand it back to the first borrower, which then frees it
                throw new IllegalStateException(array.getName() + " is lent to another manager");
            }
            array.tempAttach(borrower);
        }
    }

    /** Marks every parameter as trainable, so that backward passes fill their gradients. */
    public void requireGradients() {
        for (NDArray array : parameters.values()) {
            array.setRequiresGradient(true);
        }
    }

    /** Names of all parameters. */
    public List<String> names() {
        return new ArrayList<>(parameters.keySet());
    }

    @Override
    public void close() {
        manager.close();
    }
}
