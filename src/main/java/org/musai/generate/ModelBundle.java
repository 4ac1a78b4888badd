package org.musai.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musai.io.JsonFiles;
import org.musai.model.AdapterConfig;
import org.musai.model.LoraAdapter;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvRnn;
import org.musai.model.RwkvWeights;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model ready to generate: its RNN-mode weights and the tokenizer it was trained with, loaded from a run folder or
 * the default model in {@code assets/models/default}. Immutable; safe to share between generations.
 *
 * @param folder where it was loaded from
 * @param rnn    the model in RNN mode
 * @param codec  its tokens
 */
public record ModelBundle(Path folder, RwkvRnn rnn, TokenCodec codec) {

    /** The files of a model folder, as a training run writes them. */
    static final String CONFIG = "config.json";
    static final String WEIGHTS = "model.safetensors";
    /** Where a run keeps its checkpoints, as the trainer writes them. */
    static final String CHECKPOINTS = "checkpoints";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The default model, relative to the installation folder. */
    public static final Path DEFAULT_MODEL = Path.of("assets", "models", "default");
    /** The MMM model that regenerates bars (infill) when no other is chosen. */
    public static final Path DEFAULT_INFILL_MODEL = Path.of("assets", "models", "default-mmm");

    /**
     * Loads a run or model folder (config.json, model.safetensors, tokenizer.json), or one of a run's checkpoints
     * ({@code run/checkpoints/step-N}: its weights with the run's config and tokenizer). Only JSON and safetensors are
     * read, and every file is checked first: a damaged, truncated or mismatched one gives a
     * {@link GenerationException} that names the file and the problem.
     */
    public static ModelBundle load(Path folder) throws GenerationException {
        return load(folder, null);
    }

    /**
     * Loads a model folder as {@link #load(Path)} does; a LoRA run (or one of its checkpoints) is merged into its
     * base model at load time. The base is {@code base} when given ({@code -M base --adapter run}), else the folder
     * the run names, else a shipped model whose weights are the ones the adapter was trained on.
     *
     * @param folder a model, run or checkpoint folder
     * @param base   the base model of an adapter folder, or null
     */
    public static ModelBundle load(Path folder, Path base) throws GenerationException {
        Path described = describingFolder(folder);
        if (base != null && !AdapterConfig.isAdapterFolder(described)) {
            throw new GenerationException(folder + " is not a LoRA adapter (no " + AdapterConfig.FILE_NAME + ")");
        }
        RwkvConfig shape = readShape(described.resolve(CONFIG));
        Path tokenizer = described.resolve(TokenizerFile.FILE_NAME);
        if (!Files.isRegularFile(tokenizer)) {
            throw new GenerationException(folder + " has no tokenizer.json: a model trained in text mode cannot "
                    + "write music");
        }
        TokenCodec codec;
        try {
            codec = TokenizerFile.load(tokenizer);
        } catch (IOException e) {
            throw new GenerationException(e.getMessage(), e);
        }
        if (shape.vocabSize() != codec.vocabSize()) {
            throw new GenerationException(folder + ": the model reads " + shape.vocabSize() + " ids but its tokenizer has "
                    + codec.vocabSize());
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             RwkvWeights weights = AdapterConfig.isAdapterFolder(described)
                     ? loadAdapted(shape, manager, folder, described, base)
                     : loadWeights(shape, manager, folder.resolve(WEIGHTS))) {
            return new ModelBundle(folder, new RwkvRnn(weights), codec);
        }
    }

    /** A base model with the adapter of {@code folder} merged in. */
    private static RwkvWeights loadAdapted(RwkvConfig shape, NDManager manager, Path folder, Path described,
                                           Path base) throws GenerationException {
        try {
            AdapterConfig adapter = AdapterConfig.read(described);
            Path baseWeights = base != null ? base.resolve(WEIGHTS) : baseOf(adapter);
            if (!Files.isRegularFile(baseWeights)) {
                throw new GenerationException("no weights at " + baseWeights + " (the base model of " + folder + ")");
            }
            return LoraAdapter.loadMerged(shape, manager, baseWeights, described,
                    folder.resolve(AdapterConfig.WEIGHTS));
        } catch (IOException e) {
            throw new GenerationException("cannot load the adapter " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where an adapter's base weights are: the folder it names, or else the shipped model it was trained on (the run
     * may come from another machine); the named folder's weights when none matches, so that the message names it.
     */
    private static Path baseOf(AdapterConfig adapter) throws IOException {
        Path named = Path.of(adapter.baseModel()).resolve(WEIGHTS);
        if (Files.isRegularFile(named)) {
            return named;
        }
        for (Path shipped : java.util.List.of(DEFAULT_MODEL, DEFAULT_INFILL_MODEL)) {
            Path weights = shippedFolder(shipped).resolve(WEIGHTS);
            if (Files.isRegularFile(weights) && AdapterConfig.hashOf(weights).equals(adapter.baseHash())) {
                return weights;
            }
        }
        return named;
    }

    /** Where config.json and tokenizer.json are: the folder itself, or the run above a checkpoint folder. */
    private static Path describingFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(CONFIG)) ? folder : runOfCheckpoint(folder).orElse(folder);
    }

    /** The run a checkpoint folder ({@code run/checkpoints/step-N}) belongs to, if it is one. */
    public static java.util.Optional<Path> runOfCheckpoint(Path folder) {
        Path parent = folder.toAbsolutePath().getParent();
        boolean checkpoint = parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals(CHECKPOINTS) && parent.getParent() != null
                && Files.isRegularFile(parent.getParent().resolve(CONFIG));
        return checkpoint ? java.util.Optional.of(parent.getParent()) : java.util.Optional.empty();
    }

    /**
     * The default model: beside the installation ({@code musai.home}), else in the working folder's assets.
     */
    public static ModelBundle loadDefault() throws GenerationException {
        return loadShipped(DEFAULT_MODEL, "the default model");
    }

    /** The default MMM model, which regenerates chosen bars; found as {@link #loadDefault} finds its model. */
    public static ModelBundle loadDefaultInfill() throws GenerationException {
        return loadShipped(DEFAULT_INFILL_MODEL, "the default infill model");
    }

    private static ModelBundle loadShipped(Path relative, String what) throws GenerationException {
        Path folder = shippedFolder(relative);
        if (!Files.isDirectory(folder)) {
            throw new GenerationException(what + " is missing from " + folder.toAbsolutePath()
                    + "; give a model with -M");
        }
        return load(folder);
    }

    /** The default model's folder, where {@link #loadDefault} finds it (the base of a studio fine-tune). */
    public static Path defaultModelFolder() {
        return shippedFolder(DEFAULT_MODEL);
    }

    /** The default MMM model's folder, where {@link #loadDefaultInfill} finds it. */
    public static Path defaultInfillModelFolder() {
        return shippedFolder(DEFAULT_INFILL_MODEL);
    }

    /** A shipped model's folder: beside the installation ({@code musai.home}), else in the working folder. */
    private static Path shippedFolder(Path relative) {
        String home = System.getProperty("musai.home");
        return home != null ? Path.of(home).resolve(relative) : relative;
    }

    /** The model shape in a run's config.json; the rest of the file is the trainer's business. */
    private static RwkvConfig readShape(Path config) throws GenerationException {
        if (!Files.isRegularFile(config)) {
            throw new GenerationException(config.getParent() + " is not a model folder (no " + CONFIG + ")");
        }
        try {
            JsonNode model = JsonFiles.readTree(config).get("model");
            if (model == null || !model.isObject()) {
                throw new GenerationException(config + " does not describe a model");
            }
            return JsonFiles.convert(config, model, RwkvConfig.class, JSON);
        } catch (IOException e) {
            throw new GenerationException(e.getMessage(), e);
        }
    }

    private static RwkvWeights loadWeights(RwkvConfig shape, NDManager manager, Path file) throws GenerationException {
        if (!Files.isRegularFile(file)) {
            throw new GenerationException("no weights at " + file);
        }
        try {
            return RwkvWeights.load(shape, manager, file);
        } catch (IOException e) {
            throw new GenerationException("cannot load " + e.getMessage(), e);
        }
    }
}
