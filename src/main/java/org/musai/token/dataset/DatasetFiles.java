package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import org.musai.io.AtomicFiles;
import org.musai.token.TokenizerFile;

/** The files of a dataset folder, and how a finished folder replaces an old one. */
public final class DatasetFiles {

    /** Prefix of the binidx pair: tokens.bin and tokens.idx. */
    public static final String TOKENS = "tokens";

    private DatasetFiles() {
    }

    /**
     * Refuses a destination that holds something other than a dataset: replacing it would delete the user's files
     * (say, when -t names the MIDI folder itself).
     */
    static void checkReplaceable(Path destination) throws DatasetException, IOException {
        if (Files.isRegularFile(destination)) {
            throw new DatasetException(destination + " is a file; give a folder for the dataset");
        }
        if (Files.isDirectory(destination) && !isDataset(destination)) {
            try (Stream<Path> entries = Files.list(destination)) {
                if (entries.findAny().isPresent()) {
                    throw new DatasetException(destination + " already holds files that are not a MusAI dataset; "
                            + "choose an empty or new folder");
                }
            }
        }
    }

    /** Whether a folder holds a dataset's two description files. */
    static boolean isDataset(Path folder) {
        return Files.isRegularFile(folder.resolve(Manifest.FILE_NAME))
                && Files.isRegularFile(folder.resolve(TokenizerFile.FILE_NAME));
    }

    /** The highest folder above a destination that does not exist yet, so that a failed run can remove it; or null. */
    static Path firstMissingParent(Path destination) {
        Path missing = null;
        for (Path p = destination.toAbsolutePath().getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes folders a failed run created, unless something else has been put there meanwhile. */
    static void removeCreatedParents(Path createdRoot) throws IOException {
        if (createdRoot == null || !Files.isDirectory(createdRoot)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(createdRoot)) {
            if (walk.anyMatch(Files::isRegularFile)) {
                return;
            }
        }
        deleteRecursively(createdRoot);
    }

    /** A fresh hidden folder beside the destination, where a dataset is built before it replaces the old one. */
    static Path newWorkFolder(Path destination) throws IOException {
        Path parent = destination.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + destination.getFileName() + ".partial-");
        AtomicFiles.shareable(work);
        return work;
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
