package org.musai.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks, before anything is written, that an output path names something we may create or replace: a regular file
 * where a file is asked for, a folder where a folder is, or nothing yet inside an existing folder. Device files,
 * FIFOs, sockets and symbolic links are refused (writing "into" /dev/null would replace it), and a missing parent
 * folder is never created on the user's behalf.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /** A file to write: absent, or a regular file to replace. */
    public static void checkFile(Path file) throws OutputPathException {
        BasicFileAttributes existing = attributes(file);
        if (existing != null && !existing.isRegularFile()) {
            throw new OutputPathException(file + " is " + kind(file, existing) + ", not a regular file; choose a "
                    + "file name to write");
        }
        checkParent(file);
    }

    /** A folder to create, fill or replace: absent, or a real folder. */
    public static void checkFolder(Path folder) throws OutputPathException {
        BasicFileAttributes existing = attributes(folder);
        if (existing != null && !existing.isDirectory()) {
            throw new OutputPathException(folder + " is " + kind(folder, existing) + ", not a folder; choose a "
                    + "folder to write into");
        }
        checkParent(folder);
    }

    private static void checkParent(Path path) throws OutputPathException {
        Path parent = path.toAbsolutePath().normalize().getParent();
        if (parent == null) {
            throw new OutputPathException(path + " has no parent folder to write in");
        }
        if (!Files.isDirectory(parent)) {
            throw new OutputPathException(Files.exists(parent)
                    ? parent + " is not a folder, so " + path.getFileName() + " cannot be written in it"
                    : "folder " + parent + " does not exist; create it first");
        }
        if (!Files.isWritable(parent)) {
            throw new OutputPathException("folder " + parent + " is not writable");
        }
    }

    /** The path's own attributes (a link is not followed), or null when nothing is there. */
    private static BasicFileAttributes attributes(Path path) throws OutputPathException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new OutputPathException("cannot look at " + path + ": " + e.getMessage());
        }
    }

    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            try {
                return "a symbolic link (to " + Files.readSymbolicLink(path) + ")";
            } catch (IOException e) {
                return "a symbolic link";
            }
        }
        if (attributes.isDirectory()) {
            return "a folder";
        }
        return attributes.isOther() ? "a device, FIFO or socket" : "a file";
    }

    /** An output path that must not be written. */
    public static final class OutputPathException extends IOException {
        private static final long serialVersionUID = 1L;

        public OutputPathException(String message) {
            super(message);
        }
    }
}
