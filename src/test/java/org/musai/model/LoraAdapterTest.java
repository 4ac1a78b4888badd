package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LoRA adapters: a fresh one changes nothing, the merged weights compute what base plus adapter does, files. */
class LoraAdapterTest {

    private static final RwkvConfig SHAPE = new RwkvConfig(50, 16, 2, 24, 32, 0, 0, 0f);
    private static final LoraSettings SETTINGS = new LoraSettings(4, 16);

    @Test
    void aFreshAdapterLeavesTheModelAsItWas() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(SHAPE, manager, 1);
             LoraAdapter adapter = LoraAdapter.initialize(SHAPE, SETTINGS, manager, 2)) {
            long[] tokens = new Random(5).longs(20, 0, 50).toArray();
            float[] plain = logits(new RwkvModel(weights), manager, tokens);
            float[] adapted = logits(new RwkvModel(weights, adapter), manager, tokens);
            assertThat(adapted).containsExactly(plain);
            assertThat(adapter.factors()).hasSize(2 * 7 * SHAPE.layers());
        }
    }

    @Test
    void mergedWeightsGiveTheLogitsOfBasePlusAdapterInBothModes() throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(SHAPE, manager, 1);
             LoraAdapter adapter = LoraAdapter.initialize(SHAPE, SETTINGS, manager, 2)) {
            randomizeB(adapter, manager);
            long[] tokens = new Random(5).longs(20, 0, 50).toArray();
            float[] base = logits(new RwkvModel(weights), manager, tokens);
            float[] adapted = logits(new RwkvModel(weights, adapter), manager, tokens);
            float[] keyBefore = weights.get("blocks.1.ffn.key.weight").toFloatArray();
            adapter.mergeInto(weights);
            float[] merged = logits(new RwkvModel(weights), manager, tokens);
            assertClose(merged, adapted, 1e-4f);
            assertThat(maxDifference(adapted, base)).as("the adapter changes the logits").isGreaterThan(1e-2f);

            // the merge, computed by hand: W + alpha/rank * B A
            float[] a = adapter.factors().get("blocks.1.ffn.key.lora_A").toFloatArray();
            float[] b = adapter.factors().get("blocks.1.ffn.key.lora_B").toFloatArray();
            float[] keyAfter = weights.get("blocks.1.ffn.key.weight").toFloatArray();
            int out = 64;
            int in = 16;
            int rank = 4;
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    double sum = 0;
                    for (int r = 0; r < rank; r++) {
                        sum += b[o * rank + r] * a[r * in + i];
                    }
                    assertThat(keyAfter[o * in + i]).isCloseTo((float) (keyBefore[o * in + i] + 4.0 * sum),
                            org.assertj.core.data.Offset.offset(1e-5f));
                }
            }

            // RNN mode reads the merged weights as GPT mode does
            RwkvRnn rnn = new RwkvRnn(weights);
            RnnState state = rnn.newState();
            float[] rnnLogits = new float[tokens.length * 50];
            for (int t = 0; t < tokens.length; t++) {
                System.arraycopy(rnn.step(state, (int) tokens[t]), 0, rnnLogits, t * 50, 50);
            }
            assertClose(rnnLogits, adapted, 1e-4f);
        }
    }

    @Test
    void anAdapterFileRoundTripsAndCarriesTheTrainedBaseParameters(@TempDir Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights base = RwkvWeights.initialize(SHAPE, manager, 1);
             LoraAdapter adapter = LoraAdapter.initialize(SHAPE, SETTINGS, manager, 2)) {
            randomizeB(adapter, manager);
            Path baseFolder = Files.createDirectories(dir.resolve("base"));
            base.save(baseFolder.resolve("model.safetensors"));
            Map<String, NDArray> trained = new LinkedHashMap<>(adapter.factors());
            NDArray decay = base.get("blocks.0.att.time_decay").add(0.5f);
            trained.put("blocks.0.att.time_decay", decay);
            LoraAdapter.trainedBaseNames(SHAPE).forEach(name -> trained.putIfAbsent(name, base.get(name)));
            Path adapterFolder = Files.createDirectories(dir.resolve("adapter"));
            Files.write(adapterFolder.resolve(AdapterConfig.WEIGHTS), RwkvWeights.encode(trained));
            AdapterConfig.of(SETTINGS, baseFolder.resolve("model.safetensors"), baseFolder).write(adapterFolder);

            try (RwkvWeights merged = LoraAdapter.loadMerged(SHAPE, manager, baseFolder.resolve("model.safetensors"),
                    adapterFolder, adapterFolder.resolve(AdapterConfig.WEIGHTS))) {
                assertThat(merged.get("blocks.0.att.time_decay").toFloatArray()).containsExactly(decay.toFloatArray());
                adapter.mergeInto(base);
                assertThat(merged.get("blocks.1.att.output.weight").toFloatArray())
                        .containsExactly(base.get("blocks.1.att.output.weight").toFloatArray());
                assertThat(merged.get("head.weight").toFloatArray()).containsExactly(base.get("head.weight").toFloatArray());
            }

            // another base: refused by its hash, before anything is merged
            Path other = Files.createDirectories(dir.resolve("other"));
            try (RwkvWeights otherWeights = RwkvWeights.initialize(SHAPE, manager, 9)) {
                otherWeights.save(other.resolve("model.safetensors"));
            }
            assertThatThrownBy(() -> LoraAdapter.loadMerged(SHAPE, manager, other.resolve("model.safetensors"),
                    adapterFolder, adapterFolder.resolve(AdapterConfig.WEIGHTS)))
                    .hasMessageContaining("trained on another base model");
            // an adapter of another rank: its file does not fit
            new AdapterConfig(AdapterConfig.FORMAT, 2, 16, AdapterConfig.hashOf(baseFolder.resolve("model.safetensors")),
                    baseFolder.toString()).write(adapterFolder);
            assertThatThrownBy(() -> LoraAdapter.loadMerged(SHAPE, manager, baseFolder.resolve("model.safetensors"),
                    adapterFolder, adapterFolder.resolve(AdapterConfig.WEIGHTS)))
                    .hasMessageContaining("rank-2 adapter");
        }
    }

    /** At the default model's shape, the adapter file holds about 4% of the base model's values. */
    @Test
    void anAdapterOfTheDefaultShapeIsUnderFivePercentOfTheModel() {
        RwkvConfig shipped = new RwkvConfig(1024, 256, 4, 768, 512, 0, 0, 0f);
        long adapter = LoraAdapter.fileShapes(shipped, LoraSettings.DEFAULT_RANK).values().stream()
                .mapToLong(Shape::size).sum();
        long model = RwkvWeights.shapes(shipped).values().stream().mapToLong(Shape::size).sum();
        // per block: 8 x (256 + 256) for each of five square layers, 8 x (256 + 1024) for the two FFN ones, plus
        // four layer-norm vectors and seven time vectors of 256
        assertThat(adapter).isEqualTo(4L * (5 * 8 * 512 + 2 * 8 * 1280 + 11 * 256) + 2 * 256);
        assertThat((double) adapter / model).isLessThan(0.05);
    }

    private static void randomizeB(LoraAdapter adapter, NDManager manager) {
        adapter.factors().forEach((name, array) -> {
            if (name.endsWith("lora_B")) {
                array.setRequiresGradient(false);
                NDArray random = manager.randomNormal(0, 0.3f, array.getShape(), array.getDataType());
                array.set(random.toFloatArray());
            }
        });
    }

    private static float[] logits(RwkvModel model, NDManager manager, long[] tokens) {
        try (NDManager pass = manager.newSubManager()) {
            return model.forward(pass.create(tokens, new Shape(1, tokens.length)), false).toFloatArray();
        }
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static void assertClose(float[] actual, float[] expected, float tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(maxDifference(actual, expected)).isLessThan(tolerance);
    }
}
