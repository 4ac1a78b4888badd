package org.musai.token.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Finds the MIDI files of a folder (recursively, by glob) or of a text file that lists paths. */
public final class SourceFiles {

    /** Standard MIDI files, karaoke files and RIFF-RMID files, in the spellings seen in the wild. */
    public static final String DEFAULT_GLOB = "*.{mid,midi,kar,rmi,MID,MIDI,Mid,KAR,RMI}";

    /** Longer list files are refused: a million paths fit in far less, and the whole list is held in memory. */
    public static final long MAX_LIST_BYTES = 64L << 20;

    private SourceFiles() {
    }

    /**
     * The files a {@code -m} argument names: a folder searched recursively for names matching the glob (matched
     * against the file name, or against the relative path when the glob holds a '/'), or a text file with one path
     * per line (relative lines are relative to the list's folder; blank lines and '#' comments are ignored).
     * Sorted by name, so that a dataset is the same on every machine.
     *
     * <p>Entries named like MIDI files that are not regular files (folders, links that lead nowhere or in a loop,
     * FIFOs, devices) are listed too, and so are folders that cannot be read, with their problem: the reader and the
     * callers then report each with its reason rather than leave it out unsaid.
     */
    public static List<SourceFile> find(Path source, String glob) throws IOException {
        if (Files.isDirectory(source)) {
            return inFolder(source, glob == null || glob.isBlank() ? DEFAULT_GLOB : glob);
        }
        if (isMidiName(source) && (Files.exists(source) || Files.isSymbolicLink(source))) {
            return List.of(new SourceFile(source, source.getFileName().toString()));
        }
        if (Files.isRegularFile(source)) {
            return fromList(source);
        }
        if (Files.exists(source)) {
            throw new IOException("not a folder, a list file or a MIDI file: " + source);
        }
        throw new IOException("no such folder or file: " + source);
    }

    /** Whether a file name looks like a MIDI file (.mid, .midi, .kar, .rmi in any case). */
    public static boolean isMidiName(Path file) {
        return FileSystems.getDefault().getPathMatcher("glob:" + DEFAULT_GLOB).matches(file.getFileName());
    }

    private static List<SourceFile> inFolder(Path folder, String glob) throws IOException {
        FolderWalk walk = new FolderWalk(folder, glob);
        Files.walkFileTree(folder, walk);
        List<SourceFile> result = new ArrayList<>(walk.found());
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    private static List<SourceFile> fromList(Path listFile) throws IOException {
        Path base = listFile.toAbsolutePath().getParent();
        if (Files.size(listFile) > MAX_LIST_BYTES) {
            throw new IOException("list file " + listFile + " is over the limit of " + MAX_LIST_BYTES + " bytes");
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                seen.add(base.resolve(trimmed).normalize());
            }
        }
        List<SourceFile> result = new ArrayList<>();
        for (Path file : seen) {
            Path relative = file.startsWith(base) ? base.relativize(file) : file;
            result.add(new SourceFile(file, slashes(relative).replaceFirst("^/+", "")));
        }
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
