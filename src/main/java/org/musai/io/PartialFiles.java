package org.musai.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Temporary files and folders beside a destination, named {@code .NAME.partial-PID-N}: the work of a write that is not
 * finished yet. The process id in the name lets a later run remove what a killed one left behind (SIGKILL runs no
 * clean-up), and never anything a live process is writing or that we did not create.
 */
public final class PartialFiles {

    private static final String MARK = ".partial-";
    private static final Pattern OWNER = Pattern.compile("\\.partial-(\\d+)-\\d+$");

    private PartialFiles() {
    }

    /** A new empty temporary file beside {@code target}, for the caller to fill and move into place. */
    public static Path newFile(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return Files.createTempFile(absolute.getParent(), prefix(absolute), "");
    }

    /** A new empty temporary folder beside {@code target}. */
    public static Path newFolder(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        return Files.createTempDirectory(absolute.getParent(), prefix(absolute));
    }

    private static String prefix(Path absolute) {
        return "." + absolute.getFileName() + MARK + ProcessHandle.current().pid() + "-";
    }

    /**
     * Removes the temporary files and folders of {@code target} whose process no longer runs.
     *
     * @return how many were removed
     */
    public static int removeStale(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return 0;
        }
        String prefix = "." + absolute.getFileName() + MARK;
        int removed = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, entry ->
                entry.getFileName().toString().startsWith(prefix))) {
            for (Path sibling : siblings) {
                Matcher owner = OWNER.matcher(sibling.getFileName().toString());
                if (owner.find() && !isRunning(Long.parseLong(owner.group(1)))) {
                    deleteRecursively(sibling);
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Whether {@code entry} is named as a temporary file or folder of {@code target} (same folder assumed). */
    public static boolean isPartialOf(Path entry, Path target) {
        String name = entry.getFileName().toString();
        String prefix = "." + target.toAbsolutePath().getFileName() + MARK;
        return name.startsWith(prefix) && OWNER.matcher(name).find();
    }

    private static boolean isRunning(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a file, or a folder and everything in it, without following links; a missing path is fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
