package org.musai.token.binidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a dataset appears only on a successful close and that an aborted writer leaves nothing behind.
 */
class BinIdxWriterAtomicityTest {

    @TempDir
    Path folder;

    @Test
    void abortedWriterLeavesNoFiles() throws IOException {
        BinIdxWriter writer = BinIdxWriter.create(folder.resolve("data"), BinIdxDtype.UINT16);
        writer.add(new int[] {1, 2, 3});
        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin.tmp");

        writer.abort();
        writer.close();

        assertThat(BinIdxTestFiles.fileNames(folder)).isEmpty();
    }

    @Test
    void abortInsideTryWithResourcesLeavesNoFiles() {
        assertThatThrownBy(() -> {
            try (BinIdxWriter writer = BinIdxWriter.create(folder.resolve("data"), BinIdxDtype.UINT16)) {
                try {
                    writer.add(new int[] {1});
                    writer.add(new int[] {70_000});
                } catch (RuntimeException e) {
                    writer.abort();
                    throw e;
                }
            }
        }).isInstanceOf(IllegalArgumentException.class);

        assertThat(BinIdxTestFiles.fileNames(folder)).isEmpty();
    }

    @Test
    void nothingIsPublishedBeforeClose() throws IOException {
        try (BinIdxWriter writer = BinIdxWriter.create(folder.resolve("data"), BinIdxDtype.UINT16)) {
            writer.add(new int[] {1});
            assertThat(Files.exists(folder.resolve("data.bin"))).isFalse();
            assertThat(Files.exists(folder.resolve("data.idx"))).isFalse();
        }

        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin", "data.idx");
    }

    @Test
    void abortKeepsAPreviouslyPublishedDataset() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("data"), BinIdxDtype.UINT16, new int[] {7, 8});

        BinIdxWriter writer = BinIdxWriter.create(prefix, BinIdxDtype.UINT16);
        writer.add(new int[] {1, 2, 3, 4});
        writer.abort();

        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin", "data.idx");
        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.document(0)).containsExactly(7, 8);
        }
    }

    @Test
    void closeReplacesAPreviouslyPublishedDataset() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("data"), BinIdxDtype.UINT16, new int[] {7, 8});
        BinIdxTestFiles.write(prefix, BinIdxDtype.INT32, new int[] {100_000}, new int[] {});

        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin", "data.idx");
        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.dtype()).isEqualTo(BinIdxDtype.INT32);
            assertThat(reader.documentCount()).isEqualTo(2);
            assertThat(reader.document(0)).containsExactly(100_000);
        }
    }

    @Test
    void leftoverTemporaryFilesFromACrashAreOverwritten() throws IOException {
        Files.write(folder.resolve("data.bin.tmp"), new byte[] {9, 9, 9});
        Files.write(folder.resolve("data.idx.tmp"), new byte[] {9});

        Path prefix = BinIdxTestFiles.write(folder.resolve("data"), BinIdxDtype.UINT16, new int[] {5});

        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin", "data.idx");
        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.document(0)).containsExactly(5);
        }
    }

    @Test
    void refusesToAddAfterCloseOrAbort() throws IOException {
        BinIdxWriter closed = BinIdxWriter.create(folder.resolve("closed"), BinIdxDtype.UINT16);
        closed.close();
        assertThatThrownBy(() -> closed.add(new int[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("published");

        BinIdxWriter aborted = BinIdxWriter.create(folder.resolve("aborted"), BinIdxDtype.UINT16);
        aborted.abort();
        assertThatThrownBy(() -> aborted.add(new int[] {1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("aborted");
    }

    @Test
    void abortAfterSuccessfulCloseKeepsTheDataset() throws IOException {
        BinIdxWriter writer = BinIdxWriter.create(folder.resolve("data"), BinIdxDtype.UINT16);
        writer.add(new int[] {1});
        writer.close();
        writer.abort();

        assertThat(BinIdxTestFiles.fileNames(folder)).containsExactly("data.bin", "data.idx");
    }
}
