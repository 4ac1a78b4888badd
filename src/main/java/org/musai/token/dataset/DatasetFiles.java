package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.musai.io.AtomicFiles;
import org.musai.io.OutputPaths;
import org.musai.io.PartialFiles;
import org.musai.token.TokenizerFile;

/** The files of a dataset folder, and how a finished folder replaces an old one. */
public final class DatasetFiles {

    /** Prefix of the binidx pair: tokens.bin and tokens.idx. */
    public static final String TOKENS = "tokens";

    private DatasetFiles() {
    }

    /**
     * Refuses a destination that is not a folder (a file, a device, a FIFO, a link), whose parent folder is missing,
     * or that holds something other than a dataset: replacing it would delete the user's files (say, when -t names the
     * MIDI folder itself).
     */
    static void checkReplaceable(Path destination) throws DatasetException, IOException {
        try {
            OutputPaths.checkFolder(destination);
        } catch (OutputPaths.OutputPathException e) {
            throw new DatasetException(e.getMessage());
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

    /**
     * A fresh hidden folder beside the destination, where a dataset is built before it replaces the old one; work
     * folders that killed runs left there are removed first.
     */
    static Path newWorkFolder(Path destination) throws IOException {
        PartialFiles.removeStale(destination);
        Path work = PartialFiles.newFolder(destination);
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
            Path old = PartialFiles.newFolder(target); // a run killed before deleting it leaves it for the next one
            Files.delete(old);
            AtomicFiles.moveIntoPlace(target, old);
            AtomicFiles.moveIntoPlace(finished, target);
            PartialFiles.deleteRecursively(old);
        } else {
            AtomicFiles.moveIntoPlace(finished, target);
        }
    }
}
