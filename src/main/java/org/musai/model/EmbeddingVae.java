package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.musai.io.AtomicFiles;
import org.musai.io.JsonFiles;

/**
 * The seed's embedding VAE (its {@code src/model/embed.py}), under its tensor names: a token's embedding goes through
 * an encoder (a linear input layer, then hidden layers with LeakyReLU 0.2, the last one square, dropout 0.05) to a
 * mean and log-variance, a latent is drawn from them, and a decoder of the reverse widths plus a linear skip from the
 * latent ({@code z_emb}) gives the embedding the model reads. The loss is the mean squared error of that embedding
 * against the table's plus the KL divergence summed over every latent value, as the seed's. Where nothing is drawn
 * (evaluation, generation) the latent is the mean, so each id has one embedding: {@link #table()}.
 */
public final class EmbeddingVae implements AutoCloseable {

    public static final String CONFIG_FILE = "embvae.json";
    static final String TABLE = "emb.weight";
    private static final float LEAKY_SLOPE = 0.2f;
    private static final float DROPOUT = 0.05f;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final VaeConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters = new LinkedHashMap<>();

    private EmbeddingVae(VaeConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** Every tensor's name and shape, in a fixed order. */
    public static Map<String, Shape> shapes(VaeConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put(TABLE, new Shape(config.vocabSize(), config.embed()));
        List<Integer> enc = config.encoderWidths();
        shapes.put("encoder.module.input.weight", new Shape(enc.get(0), config.embed()));
        for (int i = 0; i < enc.size(); i++) {
            int out = i + 1 < enc.size() ? enc.get(i + 1) : enc.get(i);
            shapes.put("encoder.module.hidden_" + i + ".0.weight", new Shape(out, enc.get(i)));
        }
        int last = enc.get(enc.size() - 1);
        for (String head : List.of("fc_mean", "fc_logvar")) {
            shapes.put("encoder." + head + ".weight", new Shape(config.latent(), last));
            shapes.put("encoder." + head + ".bias", new Shape(config.latent()));
        }
        List<Integer> dec = config.decoderWidths();
        shapes.put("decoder.module.input.weight", new Shape(dec.get(0), config.latent()));
        for (int i = 0; i < dec.size(); i++) {
            int out = i + 1 < dec.size() ? dec.get(i + 1) : dec.get(i);
            shapes.put("decoder.module.hidden_" + i + ".0.weight", new Shape(out, dec.get(i)));
        }
        shapes.put("decoder.module.out.weight", new Shape(config.embed(), dec.get(dec.size() - 1)));
        shapes.put("z_emb.weight", new Shape(config.embed(), config.latent()));
        return shapes;
    }

    /** Fresh weights as the seed makes them: the table uniform in +-0.1, every linear layer as PyTorch's default. */
    public static EmbeddingVae initialize(VaeConfig config, NDManager parent, long seed) {
        EmbeddingVae vae = new EmbeddingVae(config, parent.newSubManager());
        SplittableRandom random = new SplittableRandom(seed ^ 0x56414525L);
        for (Map.Entry<String, Shape> entry : shapes(config).entrySet()) {
            Shape shape = entry.getValue();
            String name = entry.getKey();
            double bound = name.equals(TABLE) ? 0.1
                    : name.endsWith(".bias") ? 1.0 / Math.sqrt(shapes(config).get(name.replace(".bias", ".weight"))
                    .get(1)) : 1.0 / Math.sqrt(shape.get(1));
            float[] values = new float[(int) shape.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            vae.put(name, vae.manager.create(values, shape));
        }
        return vae;
    }

    /** Reads a VAE: its JSON beside the safetensors file, then exactly the tensors of that shape. */
    public static EmbeddingVae load(Path file, NDManager parent) throws IOException {
        VaeConfig config = readConfig(file);
        EmbeddingVae vae = new EmbeddingVae(config, parent.newSubManager());
        try (SafetensorsFile tensors = SafetensorsFile.open(file); NDManager scratch = parent.newSubManager()) {
            tensors.requireExactly(shapes(config), "the VAE that " + configOf(file) + " describes");
            for (String name : shapes(config).keySet()) {
                NDArray copy = RwkvWeights.ownedCopy(tensors.read(name, scratch));
                copy.attach(vae.manager);
                vae.put(name, copy);
            }
        } catch (IOException | RuntimeException e) {
            vae.close();
            throw e;
        }
        return vae;
    }

    /** The configuration written beside a VAE file: embvae.json in its folder. */
    public static VaeConfig readConfig(Path file) throws IOException {
        Path json = configOf(file);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no VAE at " + file);
        }
        if (!Files.isRegularFile(json)) {
            throw new IOException(file + " has no " + CONFIG_FILE + " beside it to say its shape");
        }
        try {
            return JsonFiles.read(json, VaeConfig.class, JSON);
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": " + e.getMessage(), e);
        }
    }

    private static Path configOf(Path file) {
        return file.toAbsolutePath().resolveSibling(CONFIG_FILE);
    }

    /** Writes the weights as safetensors, and the configuration beside them, atomically. */
    public void save(Path file) throws IOException {
        AtomicFiles.write(configOf(file), configJson());
        AtomicFiles.write(file, RwkvWeights.encode(parameters));
    }

    /** The bytes of {@value #CONFIG_FILE}. */
    public byte[] configJson() throws IOException {
        return JSON.writeValueAsBytes(config);
    }

    private void put(String name, NDArray array) {
        array.setName(name);
        parameters.put(name, array);
    }

    public VaeConfig config() {
        return config;
    }

    /** The parameters by name, in a fixed order. */
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** Marks every parameter as trainable. */
    public void requireGradients() {
        parameters.values().forEach(p -> p.setRequiresGradient(true));
    }

    /**
     * One pass.
     *
     * @param tokens (B, T) ids
     * @param draw   draw the latent (training) instead of taking the mean; dropout applies too
     */
    public Pass forward(NDArray tokens, boolean draw) {
        NDArray table = Embedding.embedding(tokens, parameters.get(TABLE), SparseFormat.DENSE).singletonOrThrow();
        NDArray h = linear(table, "encoder.module.input.weight");
        for (int i = 0; i < config.hiddenLayers(); i++) {
            h = Activation.leakyRelu(linear(h, "encoder.module.hidden_" + i + ".0.weight"), LEAKY_SLOPE);
        }
        if (draw) {
            h = Dropout.dropout(h, DROPOUT, true).singletonOrThrow();
        }
        NDArray mean = linear(h, "encoder.fc_mean.weight").add(parameters.get("encoder.fc_mean.bias"));
        NDArray logVariance = linear(h, "encoder.fc_logvar.weight").add(parameters.get("encoder.fc_logvar.bias"));
        NDArray z = mean;
        if (draw) {
            // the noise is PyTorch's own, so no Java buffer lies under it (see Scalars)
            NDArray noise = mean.getManager().randomNormal(mean.getShape(), mean.getDataType());
            z = mean.add(noise.mul(Scalars.times(logVariance, 0.5).exp()));
        }
        NDArray d = linear(z, "decoder.module.input.weight");
        for (int i = 0; i < config.hiddenLayers(); i++) {
            d = Activation.leakyRelu(linear(d, "decoder.module.hidden_" + i + ".0.weight"), LEAKY_SLOPE);
        }
        NDArray decoded = linear(d, "decoder.module.out.weight").add(linear(z, "z_emb.weight"));
        return new Pass(decoded, table, mean, logVariance);
    }

    /**
     * What a pass gives.
     *
     * @param decoded     the embedding the model reads, (B, T, C)
     * @param table       the table's rows for the ids, which the decoder learns to give back
     * @param mean        the latent means
     * @param logVariance the latent log-variances
     */
    public record Pass(NDArray decoded, NDArray table, NDArray mean, NDArray logVariance) {

        /** The seed's loss: mean squared error of {@code reconstruction} against the table, plus the summed KL. */
        public NDArray loss(NDArray reconstruction) {
            NDArray mse = reconstruction.sub(table).square().mean();
            NDArray kl = Scalars.minusFrom(1, mean.square()).add(logVariance).sub(logVariance.exp()).sum();
            return mse.add(Scalars.times(kl, -0.5));
        }
    }

    /** Each id's embedding with the latent at its mean: what generation reads, as a (vocabulary, C) table. */
    public NDArray table() {
        try (NDManager scratch = manager.newSubManager()) {
            parameters.values().forEach(p -> p.tempAttach(scratch));
            float[] ids = new float[config.vocabSize()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = i;
            }
            NDArray all = scratch.create(ids, new Shape(1, ids.length)).toType(ai.djl.ndarray.types.DataType.INT64,
                    false);
            NDArray decoded = forward(all, false).decoded().squeeze(0);
            NDArray kept = decoded.duplicate();
            kept.attach(manager.getParentManager());
            return kept;
        }
    }

    private NDArray linear(NDArray x, String weight) {
        return Linear.linear(x, parameters.get(weight)).singletonOrThrow();
    }

    @Override
    public void close() {
        manager.close();
    }
}
