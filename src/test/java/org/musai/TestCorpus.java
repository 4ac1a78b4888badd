package org.musai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Where the tests find real MIDI files: the licensed subset in the test resources, and the shared corpus. */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** The subset that travels with the code (licences in its README), found on the test class path. */
    public static Path bundled() {
        java.net.URL url = TestCorpus.class.getClassLoader().getResource("corpus");
        if (url == null) {
            throw new IllegalStateException("src/test/resources/corpus is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A folder of the shared corpus ("public", "malformed", "train"); the test is skipped when it is absent. */
    public static Path shared(String folder) {
        Path root = Path.of(System.getProperty("musai.corpus", "../shared/corpus"));
        Path path = root.resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(path), "shared corpus not present at " + path);
        return path;
    }

    /** Every MIDI file under a folder, sorted. */
    public static List<Path> midiFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().matches(".*\\.(mid|midi|rmi|kar)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
