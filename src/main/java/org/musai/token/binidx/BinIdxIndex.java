package org.musai.token.binidx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Parses and validates a Megatron {@code .idx} file into the token offsets of its sequences.
 *
 * <p>Only contiguous data is accepted: every pointer must equal the byte length of all
 * sequences before it. That is what every Megatron-style writer produces, and it is what
 * lets the concatenated token stream be addressed by a single global offset.
 */
final class BinIdxIndex {

    private final BinIdxDtype dtype;
    /** {@code tokenStarts[i]} is the global offset of sequence i; the last entry is the token count. */
    private final long[] tokenStarts;

    private BinIdxIndex(BinIdxDtype dtype, long[] tokenStarts) {
        this.dtype = dtype;
        this.tokenStarts = tokenStarts;
    }

    BinIdxDtype dtype() {
        return dtype;
    }

    int sequenceCount() {
        return tokenStarts.length - 1;
    }

    long tokenCount() {
        return tokenStarts[tokenStarts.length - 1];
    }

    long tokenStart(int sequence) {
        return tokenStarts[sequence];
    }

    int length(int sequence) {
        return (int) (tokenStarts[sequence + 1] - tokenStarts[sequence]);
    }

    /** Reads {@code file}, throwing {@link BinIdxFormatException} with a one-line reason if it is not a valid index. */
    static BinIdxIndex read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileLength = channel.size();
            LittleEndianInput input = new LittleEndianInput(channel, file);
            if (fileLength < IndexLayout.MAGIC_BYTES) {
                throw truncatedHeader(file, fileLength);
            }
            requireMagic(file, input);
            if (fileLength < IndexLayout.HEADER_BYTES) {
                throw truncatedHeader(file, fileLength);
            }
            long version = input.readLong();
            if (version != IndexLayout.VERSION) {
                throw new BinIdxFormatException(file, "unsupported index version " + Long.toUnsignedString(version)
                        + ", expected " + IndexLayout.VERSION);
            }
            BinIdxDtype dtype = readDtype(file, input);
            long sequenceCount = input.readLong();
            long docIndexCount = input.readLong();
            // Unsigned on disk: a huge count reads as negative here and is rejected along with
            // counts that would not fit the int-addressed arrays.
            if (sequenceCount < 0 || sequenceCount > IndexLayout.MAX_SEQUENCES) {
                throw new BinIdxFormatException(file, "sequence count " + Long.toUnsignedString(sequenceCount)
                        + " is out of range (at most " + IndexLayout.MAX_SEQUENCES + ")");
            }
            if (docIndexCount < 0 || docIndexCount > IndexLayout.MAX_SEQUENCES + 1L) {
                throw new BinIdxFormatException(file, "document index count " + Long.toUnsignedString(docIndexCount)
                        + " is out of range (at most " + (IndexLayout.MAX_SEQUENCES + 1L) + ")");
            }
            long expectedLength = IndexLayout.fileLength(sequenceCount, docIndexCount);
            if (fileLength != expectedLength) {
                throw new BinIdxFormatException(file, "index is " + fileLength + " bytes, but its header ("
                        + sequenceCount + " sequences, " + docIndexCount + " document index entries) requires "
                        + expectedLength + " bytes; the file is truncated or corrupt");
            }
            long[] tokenStarts = readSizes(file, input, (int) sequenceCount);
            requireContiguousPointers(file, input, tokenStarts, dtype);
            requireValidDocumentIndex(file, input, (int) docIndexCount, (int) sequenceCount);
            return new BinIdxIndex(dtype, tokenStarts);
        }
    }

    private static void requireMagic(Path file, LittleEndianInput input) throws IOException {
        byte[] magic = new byte[IndexLayout.MAGIC_BYTES];
        input.readBytes(magic);
        byte[] expected = IndexLayout.magic();
        if (!Arrays.equals(magic, expected)) {
            throw new BinIdxFormatException(file, "not a binidx index: magic is " + printable(magic)
                    + ", expected " + printable(expected));
        }
    }

    private static BinIdxDtype readDtype(Path file, LittleEndianInput input) throws IOException {
        int code = input.readUnsignedByte();
        try {
            return BinIdxDtype.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new BinIdxFormatException(file, "unsupported " + e.getMessage());
        }
    }

    private static long[] readSizes(Path file, LittleEndianInput input, int sequenceCount) throws IOException {
        long[] tokenStarts = new long[sequenceCount + 1];
        for (int i = 0; i < sequenceCount; i++) {
            int size = input.readInt();
            if (size < 0) {
                throw new BinIdxFormatException(file, "size of sequence " + i + " is negative (" + size + ")");
            }
            tokenStarts[i + 1] = tokenStarts[i] + size;
        }
        return tokenStarts;
    }

    private static void requireContiguousPointers(Path file, LittleEndianInput input, long[] tokenStarts,
            BinIdxDtype dtype) throws IOException {
        for (int i = 0; i < tokenStarts.length - 1; i++) {
            long pointer = input.readLong();
            long expected = tokenStarts[i] * dtype.bytesPerToken();
            if (pointer != expected) {
                throw new BinIdxFormatException(file, "pointer of sequence " + i + " is " + pointer
                        + " but the sizes before it place it at byte " + expected
                        + " (corrupt, or non-contiguous data, which is not supported)");
            }
        }
    }

    private static void requireValidDocumentIndex(Path file, LittleEndianInput input, int docIndexCount,
            int sequenceCount) throws IOException {
        long previous = 0;
        for (int i = 0; i < docIndexCount; i++) {
            long entry = input.readLong();
            if (i == 0 && entry != 0) {
                throw new BinIdxFormatException(file, "document index must start at 0 but starts at " + entry);
            }
            if (entry < previous || entry > sequenceCount) {
                throw new BinIdxFormatException(file, "document index entry " + i + " is " + entry
                        + "; entries must be non-decreasing and at most the sequence count " + sequenceCount);
            }
            previous = entry;
        }
    }

    /** Renders bytes as Python would print them, so a wrong magic is readable in a one-line message. */
    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder("b'");
        for (byte b : bytes) {
            int value = Byte.toUnsignedInt(b);
            if (value >= 0x20 && value < 0x7F && value != '\'' && value != '\\') {
                text.append((char) value);
            } else {
                text.append(String.format("\\x%02x", value));
            }
        }
        return text.append('\'').toString();
    }

    private static BinIdxFormatException truncatedHeader(Path file, long fileLength) {
        return new BinIdxFormatException(file, "index is truncated: " + fileLength
                + " bytes, but the header alone needs " + IndexLayout.HEADER_BYTES);
    }
}
