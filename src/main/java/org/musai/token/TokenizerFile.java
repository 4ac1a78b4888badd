package org.musai.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.musai.io.AtomicFiles;
import org.musai.io.JsonFiles;
import org.musai.token.bpe.Merge;

/**
 * Saves and loads {@code tokenizer.json}: the algorithm, the full config, the vocabulary, the BPE merges and a hash
 * over all of them, so that a model and a dataset can tell whether they speak the same tokens. Plain JSON: loading
 * runs no code.
 */
public final class TokenizerFile {

    public static final String FILE_NAME = "tokenizer.json";
    private static final String FORMAT = "musai-tokenizer";
    private static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenizerFile() {
    }

    /** Writes the codec's tokenizer.json atomically. */
    public static void save(TokenCodec codec, Path file) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(toJson(codec)));
    }

    /** The JSON document of a codec, hash included. */
    public static ObjectNode toJson(TokenCodec codec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("algorithm", codec.tokenizer().config().algorithm().name());
        root.set("config", JSON.valueToTree(codec.tokenizer().config()));
        root.put("baseVocabSize", codec.tokenizer().vocabulary().size());
        root.put("vocabSize", codec.vocabSize());
        ArrayNode vocabulary = root.putArray("vocabulary");
        codec.tokenizer().vocabulary().tokens().forEach(vocabulary::add);
        ArrayNode merges = root.putArray("merges");
        for (Merge merge : codec.merges()) {
            merges.addArray().add(merge.left()).add(merge.right());
        }
        root.put("hash", hash(root));
        return root;
    }

    /** The hash of what the tokens mean: config, vocabulary and merges. Two codecs with equal hashes agree on every id. */
    public static String hash(TokenCodec codec) {
        return toJson(codec).get("hash").asText();
    }

    /** Loads a tokenizer.json; a file that is missing, malformed or from another vocabulary gives a clear message. */
    public static TokenCodec load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no tokenizer at " + file);
        }
        JsonNode root = JsonFiles.readTree(file);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(file + " is not a MusAI tokenizer file");
        }
        TokenizerConfig config = JsonFiles.convert(file, root.get("config"), TokenizerConfig.class, JSON);
        try {
            Tokenizer tokenizer = Tokenizer.of(config);
            List<String> stored = new ArrayList<>();
            root.path("vocabulary").forEach(token -> stored.add(token.asText()));
            if (!stored.equals(tokenizer.vocabulary().tokens())) {
                throw new IOException(file + " lists a vocabulary that this version does not build from its config");
            }
            List<Merge> merges = new ArrayList<>();
            int index = 0;
            for (JsonNode merge : root.path("merges")) {
                if (!merge.isArray() || merge.size() != 2 || !merge.get(0).canConvertToInt()
                        || !merge.get(1).canConvertToInt()) {
                    throw new IOException(file + ": merge " + index + " is not a pair of ids");
                }
                merges.add(new Merge(merge.get(0).asInt(), merge.get(1).asInt()));
                index++;
            }
            TokenCodec codec = merges.isEmpty() ? TokenCodec.of(tokenizer) : TokenCodec.withMerges(tokenizer, merges);
            String expected = root.path("hash").asText();
            if (!expected.equals(hash(codec))) {
                throw new IOException(file + " has been altered: its hash does not match its content");
            }
            return codec;
        } catch (RuntimeException e) {
            // whatever the builders throw for a config that parses but describes no tokenizer (no algorithm, an
            // empty range): the file is at fault, not the program
            throw new IOException(file + " is not a valid tokenizer: " + JsonFiles.describe(e), e);
        }
    }

    private static String hash(ObjectNode root) {
        ObjectNode content = root.deepCopy();
        content.remove("hash");
        try {
            byte[] bytes = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content)
                    .getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
