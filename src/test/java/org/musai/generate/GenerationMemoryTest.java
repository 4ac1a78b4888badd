package org.musai.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.JavaProcess;
import org.musai.MemoryProbe;
import org.musai.model.RwkvConfig;
import org.musai.model.RwkvWeights;

/**
 * A hundred variations from one loaded model in one process, as a long studio session writes them: after the first
 * forty (warm-up: JIT, caches), the Java heap after a full GC and the resident memory stay flat. The pieces come from
 * an untrained model of the default model's vocabulary and a small shape, so that a hundred take seconds; generation
 * runs the same code whatever the weights.
 */
class GenerationMemoryTest {

    private static final int WARM_UP = 40;
    private static final int PIECES = 100;
    private static final int BARS = 4;
    /** A leak of one generation's state a piece (the RNN state alone is a few KB here) would show above this. */
    private static final double MAX_HEAP_GROWTH_MIB = 0.25;
    /** Resident memory of a JVM with a fixed heap moves by a few MiB as code is compiled and libraries page in. */
    private static final double MAX_RESIDENT_GROWTH_MIB = 8;

    @TempDir
    Path dir;

    @Test
    void aHundredVariationsKeepMemoryFlat() throws Exception {
        MemoryProbe.assumeAvailable();
        Path model = smallModelWithTheDefaultTokenizer();
        JavaProcess probe = JavaProcess.start(List.of("-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
                "--add-modules=jdk.incubator.vector"), GenerationMemoryProbe.class.getName(), model, BARS, WARM_UP,
                (WARM_UP + PIECES) / 2, PIECES);
        assertThat(probe.await(300)).as(probe.output()).isZero();
        Map<Integer, double[]> memory = new TreeMap<>();
        for (String line : probe.lines()) {
            if (line.startsWith("memory ")) {
                String[] f = line.split(" ");
                memory.put(Integer.parseInt(f[1]), new double[]{Double.parseDouble(f[2]), Double.parseDouble(f[3])});
                System.out.printf("generation: after %3s pieces heap after GC %s MiB, RSS %s MiB%n", f[1], f[2], f[3]);
            }
        }
        assertThat(memory).containsOnlyKeys(WARM_UP, (WARM_UP + PIECES) / 2, PIECES);
        assertThat(memory.get(PIECES)[0] - memory.get(WARM_UP)[0]).as("heap growth, MiB")
                .isLessThan(MAX_HEAP_GROWTH_MIB);
        assertThat(memory.get(PIECES)[1] - memory.get(WARM_UP)[1]).as("resident growth, MiB")
                .isLessThan(MAX_RESIDENT_GROWTH_MIB);
    }

    private Path smallModelWithTheDefaultTokenizer() throws Exception {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        Files.copy(ModelBundle.DEFAULT_MODEL.resolve("tokenizer.json"), model.resolve("tokenizer.json"));
        int vocabulary = org.musai.token.TokenizerFile.load(model.resolve("tokenizer.json")).vocabSize();
        RwkvConfig config = RwkvConfig.of(vocabulary, 32, 2, 64);
        Files.writeString(model.resolve("config.json"), "{\"format\": \"musai-run\", \"model\": "
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(config) + "}");
        try (NDManager manager = NDManager.newBaseManager(); RwkvWeights weights = RwkvWeights.initialize(config,
                manager, 1)) {
            weights.save(model.resolve("model.safetensors"));
        }
        return model;
    }
}
