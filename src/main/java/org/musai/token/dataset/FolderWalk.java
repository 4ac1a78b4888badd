package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the entries of a folder tree whose names match a glob, whatever they are: regular files, but also
 * links, FIFOs, devices and folders named like MIDI files, which the reader then refuses with their reason, so that
 * none goes unmentioned. A folder that cannot be listed becomes an entry with its problem instead of ending the
 * walk. Links to folders are not followed. One walk per instance; not thread-safe.
 */
final class FolderWalk implements FileVisitor<Path> {

    private final Path root;
    private final PathMatcher matcher;
    private final boolean onPath;
    private final List<SourceFile> found = new ArrayList<>();

    /**
     * @param root the folder to walk
     * @param glob matched against the file name, or against the path relative to the root when it holds a '/'
     */
    FolderWalk(Path root, String glob) {
        this.root = root;
        this.matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        this.onPath = glob.contains("/");
    }

    /** What the walk found, in the order it found it. */
    List<SourceFile> found() {
        return found;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (!dir.equals(root) && matches(dir)) {
            found.add(new SourceFile(dir, nameOf(dir))); // a folder named x.mid: the reader says what it is
        }
        if (!Files.isReadable(dir)) {
            found.add(new SourceFile(dir, folderName(dir), "folder cannot be read: permission denied"));
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (matches(file)) {
            found.add(new SourceFile(file, nameOf(file)));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException failure) {
        boolean folder = Files.isDirectory(file);
        found.add(new SourceFile(file, folder ? folderName(file) : nameOf(file),
                (folder ? "folder cannot be read: " : "cannot be read: ") + IoReasons.of(failure)));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
        if (failure != null) {
            found.add(new SourceFile(dir, folderName(dir), "folder could not be read to the end: "
                    + IoReasons.of(failure)));
        }
        return FileVisitResult.CONTINUE;
    }

    private boolean matches(Path entry) {
        return matcher.matches(onPath ? root.relativize(entry) : entry.getFileName());
    }

    private String nameOf(Path entry) {
        return root.relativize(entry).toString().replace('\\', '/');
    }

    /** A folder's name ends in '/', so that it reads as a folder in a list of files; the root goes by its own name. */
    private String folderName(Path dir) {
        String name = dir.equals(root) ? String.valueOf(root.toAbsolutePath().normalize().getFileName()) : nameOf(dir);
        return name + "/";
    }
}
