package org.musai.token.dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the MIDI files of a folder (recursively, by glob) or of a text file that lists paths. */
public final class SourceFiles {

    /** Standard MIDI files, karaoke files and RIFF-RMID files, in the spellings seen in the wild. */
    public static final String DEFAULT_GLOB = "*.{mid,midi,kar,rmi,MID,MIDI,Mid,KAR,RMI}";

    private SourceFiles() {
    }

    /**
     * The files a {@code -m} argument names: a folder searched recursively for names matching the glob (matched
     * against the file name, or against the relative path when the glob holds a '/'), or a text file with one path
     * per line (relative lines are relative to the list's folder; blank lines and '#' comments are ignored).
     * Sorted by name, so that a dataset is the same on every machine.
     */
    public static List<SourceFile> find(Path source, String glob) throws IOException {
        if (Files.isDirectory(source)) {
            return inFolder(source, glob == null || glob.isBlank() ? DEFAULT_GLOB : glob);
        }
        if (Files.isRegularFile(source)) {
            return isMidiName(source) ? List.of(new SourceFile(source, source.getFileName().toString()))
                    : fromList(source);
        }
        throw new IOException("no such folder or file: " + source);
    }

    /** Whether a file name looks like a MIDI file (.mid, .midi, .kar, .rmi in any case). */
    public static boolean isMidiName(Path file) {
        return FileSystems.getDefault().getPathMatcher("glob:" + DEFAULT_GLOB).matches(file.getFileName());
    }

    private static List<SourceFile> inFolder(Path folder, String glob) throws IOException {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        boolean onPath = glob.contains("/");
        List<SourceFile> result = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path relative = folder.relativize(file);
                if (matcher.matches(onPath ? relative : file.getFileName())) {
                    result.add(new SourceFile(file, slashes(relative)));
                }
            });
        }
        result.sort((a, b) -> a.name().compareTo(b.name()));
        return result;
    }

    private static List<SourceFile> fromList(Path listFile) throws IOException {
        Path base = listFile.toAbsolutePath().getParent();
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
