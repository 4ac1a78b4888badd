package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.musai.io.AtomicFiles;

/** The files of a dataset folder, and how a finished folder replaces an old one. */
public final class DatasetFiles {

    /** Prefix of the binidx pair: tokens.bin and tokens.idx. */
    public static final String TOKENS = "tokens";

    private DatasetFiles() {
    }

    /** A fresh hidden folder beside the destination, where a dataset is built before it replaces the old one. */
    static Path newWorkFolder(Path destination) throws IOException {
        Path parent = destination.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "." + destination.getFileName() + ".partial-");
    }

    /**
     * Puts a finished folder in the destination's place. The old dataset is moved aside first and deleted last, so
     * that at any moment either the old or the new dataset is whole under its name.
     */
    static void replace(Path finished, Path destination) throws IOException {
        Path target = destination.toAbsolutePath();
        if (Files.exists(target)) {
            Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            AtomicFiles.moveIntoPlace(target, old);
            AtomicFiles.moveIntoPlace(finished, target);
            deleteRecursively(old);
        } else {
            AtomicFiles.moveIntoPlace(finished, target);
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
