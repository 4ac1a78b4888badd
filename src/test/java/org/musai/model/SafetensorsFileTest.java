package org.musai.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checked safetensors reader against files written by PyTorch and DJL, and against hand-made half floats. */
class SafetensorsFileTest {

    @TempDir
    Path dir;

    @Test
    void readsWhatPyTorchWroteAsDjlDecodesIt() throws Exception {
        try (NDManager manager = NDManager.newBaseManager(); InputStream in =
                new BufferedInputStream(Files.newInputStream(GoldenVectors.FILE));
             SafetensorsFile file = SafetensorsFile.open(GoldenVectors.FILE)) {
            int compared = 0;
            for (NDArray expected : NDList.decode(manager, in)) {
                if (expected.getDataType() == DataType.FLOAT32) {
                    NDArray actual = file.read(expected.getName(), manager);
                    assertThat(actual.getShape()).isEqualTo(expected.getShape());
                    assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray());
                    compared++;
                } else { // the reference's input ids are I32: described, but not weights
                    assertThatThrownBy(() -> file.read(expected.getName(), manager)).hasMessageContaining("I32");
                }
            }
            assertThat(compared).isGreaterThan(80);
        }
    }

    @Test
    void readsWhatTheTrainerWrites() throws Exception {
        RwkvConfig config = RwkvConfig.of(20, 8, 1, 16);
        Path path = dir.resolve("w.safetensors");
        try (NDManager manager = NDManager.newBaseManager();
             RwkvWeights weights = RwkvWeights.initialize(config, manager, 3)) {
            weights.save(path);
            try (RwkvWeights loaded = RwkvWeights.load(config, manager, path)) {
                for (String name : weights.names()) {
                    assertThat(loaded.get(name).toFloatArray()).containsExactly(weights.get(name).toFloatArray());
                }
            }
        }
    }

    @Test
    void widensF16AndBf16Exactly() throws Exception {
        // 1, -2, 0.5, 65504 (largest), 2^-24 (smallest subnormal), 3 x 2^-24, -0
        short[] half = {0x3C00, (short) 0xC000, 0x3800, 0x7BFF, 0x0001, 0x0003, (short) 0x8000};
        short[] bfloat = {0x3F80, (short) 0xC060}; // 1, -3.5
        Path path = write(Map.of("h", "F16", "b", "BF16"), Map.of("h", half, "b", bfloat));
        try (NDManager manager = NDManager.newBaseManager(); SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThat(file.read("h", manager).toFloatArray())
                    .containsExactly(1f, -2f, 0.5f, 65504f, 0x1p-24f, 3 * 0x1p-24f, -0f);
            assertThat(file.read("b", manager).toFloatArray()).containsExactly(1f, -3.5f);
            assertThat(file.shapes()).containsEntry("h", new Shape(7));
        }
    }

    @Test
    void halfPrecisionInfinityAndNanAreRefused() throws Exception {
        Path path = write(Map.of("inf", "F16", "nan", "BF16"), Map.of("inf", new short[]{0x7C00},
                "nan", new short[]{0x7FC0}));
        try (NDManager manager = NDManager.newBaseManager(); SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThatThrownBy(() -> file.read("inf", manager)).hasMessageContaining("inf holds 1 NaN or infinite");
            assertThatThrownBy(() -> file.read("nan", manager)).hasMessageContaining("nan holds 1 NaN or infinite");
        }
    }

    @Test
    void aDuplicatedTensorNameIsRefused() throws Exception {
        Path path = dir.resolve("dup.safetensors");
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + bytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(bytes.length).put(bytes);
        Files.write(path, out.array());
        assertThatThrownBy(() -> SafetensorsFile.open(path)).isInstanceOf(IOException.class)
                .hasMessageContaining(path.toString()).hasMessageContaining("Duplicate field 'a'");
    }

    /** A file of 16-bit tensors, one after the other. */
    private Path write(Map<String, String> dtypes, Map<String, short[]> values) throws IOException {
        StringBuilder header = new StringBuilder("{");
        ByteBuffer data = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        for (String name : values.keySet().stream().sorted().toList()) {
            short[] v = values.get(name);
            int begin = data.position();
            for (short s : v) {
                data.putShort(s);
            }
            header.append(header.length() > 1 ? "," : "").append('"').append(name).append("\":{\"dtype\":\"")
                    .append(dtypes.get(name)).append("\",\"shape\":[").append(v.length).append("],\"data_offsets\":[")
                    .append(begin).append(',').append(data.position()).append("]}");
        }
        byte[] headerBytes = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + headerBytes.length + data.position()).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(headerBytes.length).put(headerBytes).put(data.array(), 0, data.position());
        Path path = dir.resolve("half.safetensors");
        Files.write(path, out.array());
        return path;
    }
}
