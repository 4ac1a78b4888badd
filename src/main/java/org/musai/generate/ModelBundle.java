package org.musai.generate;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.musai.io.JsonFiles;
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
        Path described = describingFolder(folder);
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
             RwkvWeights weights = loadWeights(shape, manager, folder.resolve(WEIGHTS))) {
            return new ModelBundle(folder, new RwkvRnn(weights), codec);
        }
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
        String home = System.getProperty("musai.home");
        Path folder = home != null ? Path.of(home).resolve(relative) : relative;
        if (!Files.isDirectory(folder)) {
            throw new GenerationException(what + " is missing from " + folder.toAbsolutePath()
                    + "; give a model with -M");
        }
        return load(folder);
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
