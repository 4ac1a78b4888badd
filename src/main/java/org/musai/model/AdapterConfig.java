package org.musai.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.musai.io.AtomicFiles;
import org.musai.io.JsonFiles;

/**
 * What {@code adapter.json} says of the LoRA adapter beside it ({@code adapter.safetensors}): its rank and alpha, and
 * the base model it was trained on, by the SHA-256 of that model's weights file (and, as a hint, where it was).
 *
 * @param format    always {@value #FORMAT}
 * @param rank      the adapter's rank
 * @param alpha     its alpha
 * @param baseHash  "sha256:" and the hex digest of the base model's model.safetensors
 * @param baseModel the base model folder as given to the trainer
 */
public record AdapterConfig(String format, int rank, double alpha, String baseHash, String baseModel) {

    public static final String FORMAT = "musai-lora";
    public static final String FILE_NAME = "adapter.json";
    public static final String WEIGHTS = "adapter.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The configuration of an adapter of these settings on the base whose weights file is {@code baseWeights}. */
    public static AdapterConfig of(LoraSettings settings, Path baseWeights, Path baseModel) throws IOException {
        return new AdapterConfig(FORMAT, settings.rank(), settings.alpha(), hashOf(baseWeights),
                baseModel.toAbsolutePath().normalize().toString());
    }

    public LoraSettings settings() {
        return new LoraSettings(rank, alpha);
    }

    /** Whether a folder holds an adapter (its adapter.json). */
    public static boolean isAdapterFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE_NAME));
    }

    /** Reads a folder's adapter.json; a message naming the file when it is missing, damaged or not an adapter's. */
    public static AdapterConfig read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " is not a LoRA adapter (no " + FILE_NAME + ")");
        }
        AdapterConfig config = JsonFiles.read(file, AdapterConfig.class, JSON);
        if (!FORMAT.equals(config.format()) || config.baseHash() == null) {
            throw new IOException(file + " is not a MusAI LoRA adapter configuration");
        }
        try {
            config.settings();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return config;
    }

    /** Writes adapter.json into a folder, atomically. */
    public void write(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve(FILE_NAME), JSON.writeValueAsBytes(this));
    }

    /** Refuses a base weights file other than the one the adapter was trained on. */
    public void requireBase(Path baseWeights) throws IOException {
        String hash = hashOf(baseWeights);
        if (!hash.equals(baseHash)) {
            throw new IOException("the adapter was trained on another base model (" + shortHash(baseHash) + ", from "
                    + baseModel + ") than " + baseWeights + " (" + shortHash(hash) + ")");
        }
    }

    /** "sha256:" and the hex SHA-256 of a file. */
    public static String hashOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String shortHash(String hash) {
        return hash.length() > 19 ? hash.substring(0, 19) : hash;
    }
}
