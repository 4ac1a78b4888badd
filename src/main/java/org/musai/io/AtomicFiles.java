package org.musai.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file next to its destination and moves it into place, so that a crash never leaves half a file. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content} in one step; temporary files that killed runs left beside it are
     * removed first.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        PartialFiles.removeStale(absolute);
        Path temp = PartialFiles.newFile(absolute);
        try {
            Files.write(temp, content);
            shareable(temp);
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Gives a temporary file or folder the permissions of an ordinary one (rw-r--r--, folders rwxr-xr-x): temporary
     * files are created private, and the user's MIDI files, WAVs and datasets should not stay so once in place.
     */
    public static void shareable(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    /** Moves a finished temporary file or folder onto its final name, atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
