package org.musai.token.binidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.binidx.BinIdxTestFiles.bin;
import static org.musai.token.binidx.BinIdxTestFiles.hex;
import static org.musai.token.binidx.BinIdxTestFiles.idx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the byte layout against the Megatron format, both as spelled out by hand and as produced
 * by json2binidx_tool's {@code MMapIndexedDatasetBuilder} (the {@code megatron-*} resources).
 *
 * <p>The resources were made once with numpy and {@code tools/indexed_dataset.py} of
 * Abel2076/json2binidx_tool (commit 9051dad): {@code add_item} plus {@code end_document} per
 * document, then {@code finalize}, for uint16 {@code [1,2,3], [], [65535,0]} and int32
 * {@code [70000], [2147483647,5,0]}.
 */
class BinIdxGoldenTest {

    /** The tiny dataset the golden files hold: three documents, one of them empty, ids at the uint16 limits. */
    private static final int[][] UINT16_DOCUMENTS = {{1, 2, 3}, {}, {65535, 0}};

    @TempDir
    Path folder;

    @Test
    void writesTheExactMegatronIndexLayout() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("tiny"), BinIdxDtype.UINT16, UINT16_DOCUMENTS);

        byte[] expectedIndex = hex(""
                + "4d4d4944494458 0000"            // magic "MMIDIDX\0\0"
                + "0100000000000000"               // version 1, uint64 LE
                + "08"                             // dtype code 8 = uint16
                + "0300000000000000"               // 3 sequences, uint64 LE
                + "0400000000000000"               // 4 document index entries, uint64 LE
                + "03000000 00000000 02000000"     // sizes, int32 LE
                + "0000000000000000"               // pointers, int64 LE byte offsets into .bin
                + "0600000000000000"
                + "0600000000000000"               // the empty document takes no bytes
                + "0000000000000000"               // document index, int64 LE: 0, 1, 2, 3
                + "0100000000000000"
                + "0200000000000000"
                + "0300000000000000");
        assertThat(Files.readAllBytes(idx(prefix))).isEqualTo(expectedIndex);
        assertThat(Files.readAllBytes(bin(prefix))).isEqualTo(hex("0100 0200 0300 ffff 0000"));
    }

    @Test
    void writesByteForByteWhatMegatronWrites() throws IOException {
        Path ours = BinIdxTestFiles.write(folder.resolve("ours"), BinIdxDtype.UINT16, UINT16_DOCUMENTS);
        Path megatron = copyResource("megatron-uint16");

        assertThat(Files.readAllBytes(idx(ours))).isEqualTo(Files.readAllBytes(idx(megatron)));
        assertThat(Files.readAllBytes(bin(ours))).isEqualTo(Files.readAllBytes(bin(megatron)));
    }

    @Test
    void writesInt32ByteForByteWhatMegatronWrites() throws IOException {
        Path ours = BinIdxTestFiles.write(folder.resolve("ours"), BinIdxDtype.INT32,
                new int[] {70000}, new int[] {Integer.MAX_VALUE, 5, 0});
        Path megatron = copyResource("megatron-int32");

        assertThat(Files.readAllBytes(idx(ours))).isEqualTo(Files.readAllBytes(idx(megatron)));
        assertThat(Files.readAllBytes(bin(ours))).isEqualTo(Files.readAllBytes(bin(megatron)));
    }

    @Test
    void readsFilesWrittenByMegatron() throws IOException {
        try (BinIdxReader reader = BinIdxReader.open(copyResource("megatron-uint16"))) {
            assertThat(reader.dtype()).isEqualTo(BinIdxDtype.UINT16);
            assertThat(reader.documentCount()).isEqualTo(3);
            assertThat(reader.tokenCount()).isEqualTo(5);
            assertThat(reader.document(0)).containsExactly(1, 2, 3);
            assertThat(reader.document(1)).isEmpty();
            assertThat(reader.document(2)).containsExactly(65535, 0);
        }
        try (BinIdxReader reader = BinIdxReader.open(copyResource("megatron-int32"))) {
            assertThat(reader.dtype()).isEqualTo(BinIdxDtype.INT32);
            assertThat(reader.document(0)).containsExactly(70000);
            assertThat(reader.document(1)).containsExactly(Integer.MAX_VALUE, 5, 0);
        }
    }

    private Path copyResource(String name) throws IOException {
        Path prefix = folder.resolve(name);
        for (String suffix : new String[] {".idx", ".bin"}) {
            try (InputStream in = BinIdxGoldenTest.class.getResourceAsStream(name + suffix)) {
                assertThat(in).as("test resource %s%s", name, suffix).isNotNull();
                Files.copy(in, prefix.resolveSibling(name + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return prefix;
    }
}
