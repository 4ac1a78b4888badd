package org.musai.token.binidx;

/**
 * The integer element types a binidx dataset can store token ids in, with their Megatron dtype codes.
 *
 * <p>Megatron also defines codes 6 and 7 for floating-point data; token ids are never
 * floating point, so those codes are deliberately absent and rejected when reading.
 */
public enum BinIdxDtype {
    /** numpy {@code uint8}, code 1. */
    UINT8(1, 1, 0xFF),
    /** numpy {@code int8}, code 2. */
    INT8(2, 1, Byte.MAX_VALUE),
    /** numpy {@code int16}, code 3. */
    INT16(3, 2, Short.MAX_VALUE),
    /** numpy {@code int32}, code 4; what Megatron picks for vocabularies too large for uint16. */
    INT32(4, 4, Integer.MAX_VALUE),
    /** numpy {@code int64}, code 5; ids are still limited to Java {@code int} range. */
    INT64(5, 8, Integer.MAX_VALUE),
    /** numpy {@code uint16}, code 8; the usual choice for vocabularies of at most 65536 ids. */
    UINT16(8, 2, 0xFFFF);

    private final int code;
    private final int bytesPerToken;
    private final int maxTokenId;

    BinIdxDtype(int code, int bytesPerToken, int maxTokenId) {
        this.code = code;
        this.bytesPerToken = bytesPerToken;
        this.maxTokenId = maxTokenId;
    }

    /** The Megatron dtype code stored in byte 17 of the {@code .idx} header. */
    public int code() {
        return code;
    }

    /** The size of one token in the {@code .bin} file. */
    public int bytesPerToken() {
        return bytesPerToken;
    }

    /** The largest token id this dtype can hold; the smallest accepted id is always 0. */
    public int maxTokenId() {
        return maxTokenId;
    }

    /** Whether {@code tokenId} can be written with this dtype (token ids are never negative). */
    public boolean fits(int tokenId) {
        return tokenId >= 0 && tokenId <= maxTokenId;
    }

    /**
     * The dtype Megatron-style tools choose for a vocabulary: {@link #UINT16} when every id
     * {@code 0 .. vocabularySize-1} fits in 16 unsigned bits, {@link #INT32} otherwise.
     */
    public static BinIdxDtype forVocabularySize(int vocabularySize) {
        if (vocabularySize <= 0) {
            throw new IllegalArgumentException("vocabulary size must be positive, got " + vocabularySize);
        }
        return vocabularySize - 1 <= UINT16.maxTokenId ? UINT16 : INT32;
    }

    /**
     * The dtype with the given Megatron code.
     *
     * @throws IllegalArgumentException if the code is unknown or denotes a floating-point type
     */
    public static BinIdxDtype fromCode(int code) {
        for (BinIdxDtype dtype : values()) {
            if (dtype.code == code) {
                return dtype;
            }
        }
        if (code == 6 || code == 7) {
            throw new IllegalArgumentException(
                    "dtype code " + code + " is a floating-point type, which cannot hold token ids");
        }
        throw new IllegalArgumentException("unknown dtype code " + code);
    }
}
