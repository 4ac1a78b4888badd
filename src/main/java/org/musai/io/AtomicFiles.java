package org.musai.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a file next to its destination, forces it to the storage device and moves it into place, so that neither a
 * crash nor a power cut leaves half a file: the destination holds the old content or the new, never a mix.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content} in one step; when this returns, the new content is on disk.
     * Temporary files that killed runs left beside it are removed first ({@link PartialFiles}).
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        PartialFiles.removeStale(absolute);
        Path temp = PartialFiles.newFile(absolute);
        try {
            writeSynced(temp, content);
            shareable(temp);
            moveIntoPlace(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Writes a file in place and forces its bytes to the storage device (fsync). For files inside a temporary folder
     * that is itself moved into place once complete.
     */
    public static void writeSynced(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
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

    /**
     * Moves a finished temporary file or folder onto its final name, atomically where the file system can, and
     * forces the rename itself to disk (see {@link #syncFolder}).
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncFolder(target.toAbsolutePath().getParent());
    }

    /**
     * Forces a folder's entries to disk, so that a file created or renamed in it survives a power cut: POSIX systems
     * need an fsync on the folder itself. Windows cannot open a folder for that; there the rename is as durable as
     * its file system makes it, so nothing is done.
     */
    public static void syncFolder(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * The temporary files that {@link #write} left beside {@code target}, whichever process wrote them. Only names
     * this class makes match; delete them only while no other process may be writing {@code target} (a run folder's
     * lock held).
     */
    public static List<Path> leftoversOf(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(p -> isLeftoverOf(p, target)).filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Whether {@code file} is named as a temporary file of {@link #write} for {@code target} (same folder assumed). */
    public static boolean isLeftoverOf(Path file, Path target) {
        return PartialFiles.isPartialOf(file, target);
    }
}
