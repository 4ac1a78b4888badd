package org.musai.token.binidx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Small helpers the binidx tests share for writing datasets and inspecting the files they produce.
 */
final class BinIdxTestFiles {

    private BinIdxTestFiles() {
    }

    /** Writes {@code documents} as a dataset at {@code prefix} and returns the prefix. */
    static Path write(Path prefix, BinIdxDtype dtype, int[]... documents) throws IOException {
        try (BinIdxWriter writer = BinIdxWriter.create(prefix, dtype)) {
            for (int[] document : documents) {
                writer.add(document);
            }
        }
        return prefix;
    }

    static Path idx(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".idx");
    }

    static Path bin(Path prefix) {
        return prefix.resolveSibling(prefix.getFileName() + ".bin");
    }

    /** Decodes hex digits, ignoring whitespace, so expected bytes can be laid out field by field. */
    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replaceAll("\\s+", ""));
    }

    /** The names of all files in {@code folder}, sorted. */
    static List<String> fileNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
