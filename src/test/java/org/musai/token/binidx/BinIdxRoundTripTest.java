package org.musai.token.binidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that what {@link BinIdxWriter} writes, {@link BinIdxReader} reads back, by document and by window.
 */
class BinIdxRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void roundTripsDocumentsIncludingAnEmptyOne() throws IOException {
        int[][] documents = {{5, 6, 7}, {}, {8}, {9, 10, 11, 12}};
        Path prefix = BinIdxTestFiles.write(folder.resolve("docs"), BinIdxDtype.UINT16, documents);

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.dtype()).isEqualTo(BinIdxDtype.UINT16);
            assertThat(reader.documentCount()).isEqualTo(4);
            assertThat(reader.tokenCount()).isEqualTo(8);
            for (int i = 0; i < documents.length; i++) {
                assertThat(reader.length(i)).isEqualTo(documents[i].length);
                assertThat(reader.document(i)).containsExactly(documents[i]);
            }
            assertThat(new long[] {reader.offset(0), reader.offset(1), reader.offset(2), reader.offset(3)})
                    .containsExactly(0, 3, 3, 4);
        }
    }

    @Test
    void roundTripsADatasetWithoutDocuments() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("empty"), BinIdxDtype.UINT16);

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.documentCount()).isZero();
            assertThat(reader.tokenCount()).isZero();
            reader.read(0, new int[0], 0, 0);
        }
    }

    @ParameterizedTest
    @EnumSource(BinIdxDtype.class)
    void roundTripsIdsAtTheDtypeLimits(BinIdxDtype dtype) throws IOException {
        int max = dtype.maxTokenId();
        Path prefix = BinIdxTestFiles.write(folder.resolve("limits"), dtype, new int[] {0, max, 1, max - 1});

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.dtype()).isEqualTo(dtype);
            assertThat(reader.document(0)).containsExactly(0, max, 1, max - 1);
        }
        assertThat(Files.size(BinIdxTestFiles.bin(prefix))).isEqualTo(4L * dtype.bytesPerToken());
    }

    @Test
    void readsUint16AsUnsigned() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("unsigned"), BinIdxDtype.UINT16,
                new int[] {32767, 32768, 65535});

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.document(0)).containsExactly(32767, 32768, 65535);
        }
    }

    @ParameterizedTest
    @EnumSource(BinIdxDtype.class)
    void rejectsIdsOutsideTheDtypeNamingIdAndDtype(BinIdxDtype dtype) throws IOException {
        try (BinIdxWriter writer = BinIdxWriter.create(folder.resolve("reject"), dtype)) {
            writer.add(new int[] {1});
            if (dtype.maxTokenId() < Integer.MAX_VALUE) {
                int tooLarge = dtype.maxTokenId() + 1;
                assertThatThrownBy(() -> writer.add(new int[] {2, tooLarge}))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("token id " + tooLarge)
                        .hasMessageContaining(dtype.name());
            }
            assertThatThrownBy(() -> writer.add(new int[] {-1}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token id -1")
                    .hasMessageContaining(dtype.name());
            writer.add(new int[] {3});
            assertThat(writer.documentCount()).isEqualTo(2);
            assertThat(writer.tokenCount()).isEqualTo(2);
        }
        // The rejected documents left no trace: only the two accepted ones are stored.
        try (BinIdxReader reader = BinIdxReader.open(folder.resolve("reject"))) {
            assertThat(reader.documentCount()).isEqualTo(2);
            assertThat(reader.document(0)).containsExactly(1);
            assertThat(reader.document(1)).containsExactly(3);
        }
    }

    @Test
    void readsWindowsAcrossDocumentBoundaries() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("window"), BinIdxDtype.UINT16,
                new int[] {10, 11, 12}, new int[] {}, new int[] {20}, new int[] {30, 31, 32, 33});

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            int[] window = new int[6];
            reader.read(2, window, 1, 4);
            assertThat(window).containsExactly(0, 12, 20, 30, 31, 0);

            int[] whole = new int[8];
            reader.read(0, whole, 0, 8);
            assertThat(whole).containsExactly(10, 11, 12, 20, 30, 31, 32, 33);

            int[] last = new int[1];
            reader.read(7, last, 0, 1);
            assertThat(last).containsExactly(33);
        }
    }

    @Test
    void rejectsWindowsOutsideTheStreamOrDestination() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("bounds"), BinIdxDtype.UINT16, new int[] {1, 2, 3});

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            int[] destination = new int[4];
            assertThatThrownBy(() -> reader.read(1, destination, 0, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.read(-1, destination, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.read(0, destination, 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.document(1)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> reader.length(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(BinIdxDtype.class)
    void readsAcrossMappingChunkBoundaries(BinIdxDtype dtype) throws IOException {
        // 8-byte chunks force every window of more than one token to cross mappings, exercising
        // the code path that files beyond 2 GiB take with 1 GiB chunks.
        Random random = new Random(7);
        int[][] documents = randomDocuments(random, 40, 9, Math.min(dtype.maxTokenId(), 100_000));
        Path prefix = BinIdxTestFiles.write(folder.resolve("chunks"), dtype, documents);
        int[] stream = Arrays.stream(documents).flatMapToInt(Arrays::stream).toArray();

        try (BinIdxReader reader = BinIdxReader.open(prefix, 8)) {
            assertThat(reader.tokenCount()).isEqualTo(stream.length);
            for (int i = 0; i < documents.length; i++) {
                assertThat(reader.document(i)).containsExactly(documents[i]);
            }
            for (int start = 0; start < stream.length; start += 3) {
                int length = Math.min(stream.length - start, 1 + random.nextInt(30));
                int[] window = new int[length];
                reader.read(start, window, 0, length);
                assertThat(window).containsExactly(Arrays.copyOfRange(stream, start, start + length));
            }
        }
    }

    @Test
    void roundTripsALargeStreamThroughSeveralWriteBuffers() throws IOException {
        Random random = new Random(11);
        int[][] documents = randomDocuments(random, 3_000, 2_000, 65535);
        Path prefix = BinIdxTestFiles.write(folder.resolve("large"), BinIdxDtype.UINT16, documents);

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThat(reader.documentCount()).isEqualTo(documents.length);
            for (int i = 0; i < documents.length; i++) {
                assertThat(reader.document(i)).containsExactly(documents[i]);
            }
        }
    }

    @Test
    void servesConcurrentReaders() throws Exception {
        Random random = new Random(3);
        int[][] documents = randomDocuments(random, 500, 300, 65535);
        Path prefix = BinIdxTestFiles.write(folder.resolve("concurrent"), BinIdxDtype.UINT16, documents);
        int[] stream = Arrays.stream(documents).flatMapToInt(Arrays::stream).toArray();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (BinIdxReader reader = BinIdxReader.open(prefix, 4096)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                long seed = thread;
                results.add(pool.submit(() -> checkRandomWindows(reader, stream, new Random(seed), 2_000)));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsInt64TokensBeyondIntRangeWhenRead() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("wide"), BinIdxDtype.INT64, new int[] {1, 2});
        byte[] data = Files.readAllBytes(BinIdxTestFiles.bin(prefix));
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putLong(8, 1L << 40);
        Files.write(BinIdxTestFiles.bin(prefix), data);

        try (BinIdxReader reader = BinIdxReader.open(prefix)) {
            assertThatThrownBy(() -> reader.document(0))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BinIdxFormatException.class)
                    .hasMessageContaining("1099511627776")
                    .hasMessageContaining("token offset 1");
        }
    }

    @Test
    void refusesReadsAfterClose() throws IOException {
        Path prefix = BinIdxTestFiles.write(folder.resolve("closed"), BinIdxDtype.UINT16, new int[] {1});
        BinIdxReader reader = BinIdxReader.open(prefix);
        reader.close();

        assertThatThrownBy(() -> reader.document(0)).isInstanceOf(IllegalStateException.class);
    }

    private static int checkRandomWindows(BinIdxReader reader, int[] stream, Random random, int windows) {
        int checked = 0;
        int[] window = new int[512];
        for (int i = 0; i < windows; i++) {
            int length = 1 + random.nextInt(window.length);
            int start = random.nextInt(stream.length - length + 1);
            reader.read(start, window, 0, length);
            if (!Arrays.equals(window, 0, length, stream, start, start + length)) {
                throw new AssertionError("window at " + start + " of length " + length + " differs");
            }
            checked++;
        }
        return checked;
    }

    private static int[][] randomDocuments(Random random, int count, int maxLength, int maxId) {
        return IntStream.range(0, count)
                .mapToObj(i -> random.ints(random.nextInt(maxLength + 1), 0, maxId + 1).toArray())
                .toArray(int[][]::new);
    }
}
