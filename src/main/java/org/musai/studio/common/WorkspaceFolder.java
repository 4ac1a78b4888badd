package org.musai.studio.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one folder under which the studio's suggested outputs go ({@code ~/MusAI} unless the preferences say
 * otherwise): datasets in {@code datasets/}, runs in {@code runs/}, each named after its source, takes recorded
 * from a keyboard in {@code takes/}. Nothing is ever
 * suggested beside a source or in a folder the user did not choose; only the workspace's own sub-folders are made on
 * the user's behalf.
 */
public final class WorkspaceFolder {

    public static final String DATASETS = "datasets";
    public static final String RUNS = "runs";
    /** Takes recorded from a MIDI keyboard. */
    public static final String TAKES = "takes";

    private final Path root;

    public WorkspaceFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** {@code ~/MusAI}. */
    public static WorkspaceFolder standard() {
        return new WorkspaceFolder(Path.of(System.getProperty("user.home"), "MusAI"));
    }

    public Path root() {
        return root;
    }

    /** Where a dataset made from {@code source} goes by default: datasets/NAME-ALGORITHM. */
    public Path datasetFor(Path source, String algorithm) {
        return root.resolve(DATASETS).resolve(nameOf(source) + "-" + algorithm.toLowerCase(Locale.ROOT));
    }

    /** Where a run on {@code dataset} goes by default: runs/NAME. */
    public Path runFor(Path dataset) {
        return root.resolve(RUNS).resolve(nameOf(dataset));
    }

    /** The path itself when nothing is there yet, else the first free of PATH-2, PATH-3, ... */
    public static Path unused(Path path) {
        Path candidate = path;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = path.resolveSibling(path.getFileName() + "-" + n);
        }
        return candidate;
    }

    /**
     * Makes the folder an output will be written in, when it is the workspace or one of its sub-folders (only
     * there: elsewhere a missing folder is the user's to make, and the write refuses it).
     */
    public void prepareParentOf(Path output) throws IOException {
        Path parent = output.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.startsWith(root) && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
    }

    private static String nameOf(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        String text = name == null ? "music" : name.toString().replaceFirst("\\.txt$", "");
        return text.isBlank() ? "music" : text;
    }
}
