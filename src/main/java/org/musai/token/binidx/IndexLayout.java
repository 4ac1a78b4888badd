package org.musai.token.binidx;

import java.nio.charset.StandardCharsets;

/**
 * The fixed byte layout of a Megatron {@code .idx} header, shared by the writer and the reader.
 *
 * <p>Header: magic (9 bytes), version (uint64), dtype code (uint8), sequence count (uint64),
 * document-index count (uint64); then int32 sizes, int64 byte pointers and int64 document
 * index entries, all little-endian and without padding.
 */
final class IndexLayout {

    /** {@code "MMIDIDX\0\0"}; a String rather than a byte array so the constant cannot be mutated. */
    private static final String MAGIC = "MMIDIDX\0\0";
    static final int MAGIC_BYTES = MAGIC.length();
    static final long VERSION = 1L;
    static final int HEADER_BYTES = MAGIC_BYTES + Long.BYTES + 1 + Long.BYTES + Long.BYTES;
    static final int SIZE_BYTES = Integer.BYTES;
    static final int POINTER_BYTES = Long.BYTES;
    static final int DOC_INDEX_BYTES = Long.BYTES;

    /**
     * The most sequences a dataset may hold here: readers address documents with an {@code int},
     * and the headroom keeps {@code count + 1} document-index entries representable too.
     */
    static final int MAX_SEQUENCES = Integer.MAX_VALUE - 8;

    private IndexLayout() {
    }

    /** A fresh copy of the magic bytes. */
    static byte[] magic() {
        return MAGIC.getBytes(StandardCharsets.US_ASCII);
    }

    /** Total {@code .idx} length for the given counts; callers keep both counts within int range. */
    static long fileLength(long sequenceCount, long docIndexCount) {
        return HEADER_BYTES + sequenceCount * (SIZE_BYTES + POINTER_BYTES) + docIndexCount * DOC_INDEX_BYTES;
    }
}
