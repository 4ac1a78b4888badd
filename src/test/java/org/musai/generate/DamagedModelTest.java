package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.model.SafetensorsSurgery;

/**
 * A real model (the default one) with one thing damaged at a time: each is refused with a message that names the file
 * and the problem, before any large allocation, and nothing damaged ever loads.
 */
class DamagedModelTest {

    static final Path DEFAULT = ModelBundle.DEFAULT_MODEL;
    static final String WEIGHTS = "model.safetensors";

    @TempDir
    Path dir;

    /** A copy of the default model folder whose weights are {@code weights}. */
    private Path modelWith(SafetensorsSurgery weights) throws IOException {
        Path folder = copyOfDefaultDescription();
        weights.write(folder.resolve(WEIGHTS));
        return folder;
    }

    private Path copyOfDefaultDescription() throws IOException {
        Path folder = Files.createTempDirectory(dir, "model");
        Files.copy(DEFAULT.resolve("config.json"), folder.resolve("config.json"));
        Files.copy(DEFAULT.resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        return folder;
    }

    private static SafetensorsSurgery weights() throws IOException {
        return SafetensorsSurgery.of(DEFAULT.resolve(WEIGHTS));
    }

    private static void refused(Path folder, String... phrases) {
        assertThatThrownBy(() -> ModelBundle.load(folder)).isInstanceOf(GenerationException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(phrases).doesNotContain(": null", "http")
                        .doesNotEndWith("null"));
    }

    @Test
    void theUndamagedCopyLoads() throws Exception {
        ModelBundle bundle = ModelBundle.load(modelWith(weights()));
        assertThat(bundle.codec().vocabSize()).isEqualTo(1024);
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        Path folder = copyOfDefaultDescription();
        byte[] whole = Files.readAllBytes(DEFAULT.resolve(WEIGHTS));
        Files.write(folder.resolve(WEIGHTS), Arrays.copyOf(whole, whole.length / 2));
        refused(folder, folder.resolve(WEIGHTS).toString(), "truncated");
        Files.write(folder.resolve(WEIGHTS), Arrays.copyOf(whole, 5));
        refused(folder, folder.resolve(WEIGHTS).toString(), "too short");
        Files.write(folder.resolve(WEIGHTS), new byte[0]);
        refused(folder, "too short");
    }

    @Test
    void anEnormousOrFalseHeaderLengthIsRefusedWithoutAllocatingIt() throws Exception {
        SafetensorsSurgery weights = weights();
        Path folder = modelWith(weights);
        Path file = folder.resolve(WEIGHTS);
        weights.write(file, Integer.MAX_VALUE, weights.headerBytes());
        refused(folder, file.toString(), "declares a header of 2147483647 bytes", "100 MB");
        weights.write(file, -1, weights.headerBytes()); // 2^64 - 1 unsigned
        refused(folder, "declares a header of 18446744073709551615 bytes");
        weights.write(file, 50L << 20, weights.headerBytes()); // under the limit, beyond the file
        refused(folder, "only", "follow its length field");
    }

    @Test
    void aHeaderThatIsNotJsonIsRefused() throws Exception {
        SafetensorsSurgery weights = weights();
        Path folder = modelWith(weights);
        byte[] garbage = weights.headerBytes();
        Arrays.fill(garbage, 0, 20, (byte) '#');
        weights.write(folder.resolve(WEIGHTS), garbage.length, garbage);
        refused(folder, folder.resolve(WEIGHTS).toString(), "damaged header", "not JSON");
    }

    @Test
    void otherElementTypesAreRefusedAndAFalseF16IsCaughtByItsSize() throws Exception {
        SafetensorsSurgery weights = weights();
        weights.tensor("emb.weight").put("dtype", "F16"); // the data are still float32: twice the span F16 needs
        refused(modelWith(weights), "emb.weight is F16 [1024,256], which takes 524288 bytes",
                "span 1048576 bytes");
        weights.tensor("emb.weight").put("dtype", "I32"); // as wide as F32: only the type is wrong
        refused(modelWith(weights), "emb.weight is I32; this version reads F32, F16 and BF16 weights only");
        weights.tensor("emb.weight").put("dtype", "Q4");
        refused(modelWith(weights), "emb.weight has the unknown element type 'Q4'");
    }

    @Test
    void wrongShapesMissingAndExtraTensorsAreRefusedByName() throws Exception {
        SafetensorsSurgery swapped = weights();
        swapped.tensor("emb.weight").putArray("shape").add(256).add(1024);
        refused(modelWith(swapped), "emb.weight has shape (256, 1024), this model shape needs (1024, 256)");

        SafetensorsSurgery missing = weights();
        missing.header.remove("head.weight");
        refused(modelWith(missing), "lacks head.weight");

        SafetensorsSurgery extra = weights();
        extra.append("blocks.9.secret", 1f, 2f);
        refused(modelWith(extra), "holds tensors that this model shape does not have: blocks.9.secret");
    }

    @Test
    void offsetsPastTheEndOrOverlappingAreRefused() throws Exception {
        SafetensorsSurgery past = weights();
        ObjectNode head = past.tensor("head.weight");
        long span = head.get("data_offsets").get(1).asLong() - head.get("data_offsets").get(0).asLong();
        head.putArray("data_offsets").add(past.data.length - span + 4).add(past.data.length + 4);
        refused(modelWith(past), "head.weight ends at byte", "truncated");

        SafetensorsSurgery overlapping = weights();
        ObjectNode emb = overlapping.tensor("emb.weight");
        ObjectNode headOverEmb = overlapping.tensor("head.weight");
        headOverEmb.set("data_offsets", emb.get("data_offsets").deepCopy());
        refused(modelWith(overlapping), "overlap");
    }

    @Test
    void nanOrInfiniteWeightsAreRefused() throws Exception {
        SafetensorsSurgery nan = weights();
        nan.fill("blocks.0.att.key.weight", Float.NaN);
        refused(modelWith(nan), "blocks.0.att.key.weight holds 65,536 NaN or infinite values of 65,536");
        SafetensorsSurgery infinite = weights();
        infinite.fill("head.weight", Float.POSITIVE_INFINITY);
        refused(modelWith(infinite), "head.weight holds 262,144 NaN or infinite values");
    }

    @Test
    void aVocabularyThatDoesNotMatchTheTokenizerIsRefused() throws Exception {
        Path folder = modelWith(weights());
        Path config = folder.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"vocabSize\" : 1024", "\"vocabSize\" : 1023"));
        refused(folder, "the model reads 1023 ids but its tokenizer has 1024");
    }

    @Test
    void invalidJsonNamesItsFile() throws Exception {
        Path folder = modelWith(weights());
        Path config = folder.resolve("config.json");
        String good = Files.readString(config);
        Files.writeString(config, good.substring(0, good.length() / 2));
        refused(folder, config.toString(), "is not valid JSON", "line");
        Files.writeString(config, good.replace("\"embed\" : 256", "\"embed\" : 0"));
        refused(folder, config.toString(), "embedding size must be at least 2, not 0");
        Files.writeString(config, good.replace("\"embed\" : 256", "\"embed\" : \"wide\""));
        refused(folder, config.toString(), "embed");
        Files.writeString(config, good);

        Path tokenizer = folder.resolve("tokenizer.json");
        Files.write(tokenizer, "{\"format\": \"musai-tokenizer\", \"config\": [".getBytes(StandardCharsets.UTF_8));
        refused(folder, tokenizer.toString(), "is not valid JSON");
        Files.writeString(tokenizer, "{\"format\": \"musai-tokenizer\", \"config\": {\"algorithm\": \"JAZZ\"}}");
        refused(folder, tokenizer.toString(), "JAZZ");
    }
}
