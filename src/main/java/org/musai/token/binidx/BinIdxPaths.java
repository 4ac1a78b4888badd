package org.musai.token.binidx;

import java.nio.file.Path;

/**
 * Derives the file names of a dataset from its prefix, as Megatron does ({@code PREFIX.bin}, {@code PREFIX.idx}).
 */
final class BinIdxPaths {

    /** Suffix of the temporary files a writer fills before publishing them. */
    private static final String TEMP_SUFFIX = ".tmp";

    private BinIdxPaths() {
    }

    static Path dataFile(Path prefix) {
        return withSuffix(prefix, ".bin");
    }

    static Path indexFile(Path prefix) {
        return withSuffix(prefix, ".idx");
    }

    static Path temporary(Path finalFile) {
        // Same folder as the final file, so the publishing move can be atomic (no cross-device copy).
        return finalFile.resolveSibling(finalFile.getFileName() + TEMP_SUFFIX);
    }

    private static Path withSuffix(Path prefix, String suffix) {
        Path name = prefix.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("dataset prefix has no file name: " + prefix);
        }
        return prefix.resolveSibling(name + suffix);
    }
}
