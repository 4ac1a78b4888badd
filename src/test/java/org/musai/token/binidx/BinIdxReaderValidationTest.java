package org.musai.token.binidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.binidx.BinIdxTestFiles.bin;
import static org.musai.token.binidx.BinIdxTestFiles.idx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that {@link BinIdxReader#open} rejects damaged or foreign files with a clear one-line message.
 */
class BinIdxReaderValidationTest {

    /** Byte offsets of the fields of the dataset written in {@link #writeValidDataset()}: 3 sequences, 4 doc index entries. */
    private static final int VERSION_AT = 9;
    private static final int DTYPE_AT = 17;
    private static final int SEQUENCE_COUNT_AT = 18;
    private static final int SIZES_AT = 34;
    private static final int POINTERS_AT = SIZES_AT + 3 * 4;
    private static final int DOC_INDEX_AT = POINTERS_AT + 3 * 8;
    private static final int INDEX_LENGTH = DOC_INDEX_AT + 4 * 8;

    @TempDir
    Path folder;

    private Path prefix;

    @BeforeEach
    void writeValidDataset() throws IOException {
        prefix = BinIdxTestFiles.write(folder.resolve("data"), BinIdxDtype.UINT16,
                new int[] {1, 2}, new int[] {3}, new int[] {4, 5, 6});
        assertThat(Files.size(idx(prefix))).isEqualTo(INDEX_LENGTH);
    }

    @Test
    void rejectsABadMagic() throws IOException {
        editIndex(index -> index.put(0, (byte) 'X'));

        assertOpenFails().hasMessageContaining("not a binidx index")
                .hasMessageContaining("b'XMIDIDX\\x00\\x00'")
                .hasMessageContaining("expected b'MMIDIDX\\x00\\x00'");
    }

    @Test
    void rejectsAnIndexShorterThanItsMagic() throws IOException {
        Files.write(idx(prefix), new byte[] {'M', 'M'});

        assertOpenFails().hasMessageContaining("truncated").hasMessageContaining("2 bytes");
    }

    @Test
    void rejectsAnIndexTruncatedInsideTheHeader() throws IOException {
        truncateIndex(20);

        assertOpenFails().hasMessageContaining("truncated").hasMessageContaining("20 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {SIZES_AT, SIZES_AT + 5, POINTERS_AT + 3, DOC_INDEX_AT, INDEX_LENGTH - 1})
    void rejectsAnIndexTruncatedInItsArrays(int length) throws IOException {
        truncateIndex(length);

        assertOpenFails().hasMessageContaining("index is " + length + " bytes")
                .hasMessageContaining("requires " + INDEX_LENGTH + " bytes")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void rejectsTrailingBytesAfterTheIndex() throws IOException {
        byte[] longer = Arrays.copyOf(Files.readAllBytes(idx(prefix)), INDEX_LENGTH + 8);
        Files.write(idx(prefix), longer);

        assertOpenFails().hasMessageContaining("requires " + INDEX_LENGTH + " bytes");
    }

    @Test
    void rejectsAnUnknownVersion() throws IOException {
        editIndex(index -> index.putLong(VERSION_AT, 2));

        assertOpenFails().hasMessageContaining("unsupported index version 2, expected 1");
    }

    @Test
    void rejectsFloatingPointAndUnknownDtypes() throws IOException {
        editIndex(index -> index.put(DTYPE_AT, (byte) 6));
        assertOpenFails().hasMessageContaining("dtype code 6").hasMessageContaining("floating-point");

        editIndex(index -> index.put(DTYPE_AT, (byte) 42));
        assertOpenFails().hasMessageContaining("unknown dtype code 42");
    }

    @Test
    void rejectsAnAbsurdSequenceCount() throws IOException {
        editIndex(index -> index.putLong(SEQUENCE_COUNT_AT, -1));

        assertOpenFails().hasMessageContaining("sequence count 18446744073709551615 is out of range");
    }

    @Test
    void rejectsANegativeSize() throws IOException {
        editIndex(index -> index.putInt(SIZES_AT + 4, -3));

        assertOpenFails().hasMessageContaining("size of sequence 1 is negative (-3)");
    }

    @Test
    void rejectsAPointerThatDisagreesWithTheSizes() throws IOException {
        editIndex(index -> index.putLong(POINTERS_AT + 16, 8));

        assertOpenFails().hasMessageContaining("pointer of sequence 2 is 8")
                .hasMessageContaining("place it at byte 6");
    }

    @Test
    void rejectsADocumentIndexThatDoesNotStartAtZero() throws IOException {
        editIndex(index -> index.putLong(DOC_INDEX_AT, 1));

        assertOpenFails().hasMessageContaining("document index must start at 0 but starts at 1");
    }

    @Test
    void rejectsADocumentIndexBeyondTheSequences() throws IOException {
        editIndex(index -> index.putLong(DOC_INDEX_AT + 3 * 8, 4));

        assertOpenFails().hasMessageContaining("document index entry 3 is 4");
    }

    @Test
    void rejectsATruncatedDataFile() throws IOException {
        byte[] data = Files.readAllBytes(bin(prefix));
        Files.write(bin(prefix), Arrays.copyOf(data, data.length - 1));

        assertOpenFails().hasMessageContaining(bin(prefix).toString())
                .hasMessageContaining("data file is 11 bytes")
                .hasMessageContaining("6 UINT16 tokens = 12 bytes");
    }

    @Test
    void rejectsADataFileWithExtraBytes() throws IOException {
        Files.write(bin(prefix), new byte[14]);

        assertOpenFails().hasMessageContaining("data file is 14 bytes");
    }

    @Test
    void reportsMissingFiles() throws IOException {
        Files.delete(bin(prefix));
        assertThatThrownBy(() -> BinIdxReader.open(prefix)).isInstanceOf(NoSuchFileException.class);

        Files.delete(idx(prefix));
        assertThatThrownBy(() -> BinIdxReader.open(prefix)).isInstanceOf(NoSuchFileException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertOpenFails() {
        return assertThatThrownBy(() -> BinIdxReader.open(prefix))
                .isInstanceOf(BinIdxFormatException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private void editIndex(Consumer<ByteBuffer> edit) throws IOException {
        byte[] index = Files.readAllBytes(idx(prefix));
        edit.accept(ByteBuffer.wrap(index).order(ByteOrder.LITTLE_ENDIAN));
        Files.write(idx(prefix), index);
    }

    private void truncateIndex(int length) throws IOException {
        Files.write(idx(prefix), Arrays.copyOf(Files.readAllBytes(idx(prefix)), length));
    }
}
