package org.musai.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.musai.TestCorpus;

/**
 * The real files the fuzz tests damage: small files of the bundled corpus and, where this checkout sits beside it,
 * of the shared public and training corpora. Always the same files in the same order for the same corpora.
 */
final class FuzzSeeds {

    /** Larger files make slow cases without new kinds of damage. */
    private static final long MAX_SEED_BYTES = 48 * 1024;
    /** Files taken from each corpus, spread evenly over its sorted list. */
    private static final int PER_CORPUS = 40;

    private FuzzSeeds() {
    }

    /**
     * A seed file.
     *
     * @param name  its path relative to the corpus root, such as "public/midly/Clementi.mid"
     * @param bytes its contents
     */
    record Seed(String name, byte[] bytes) {
    }

    /** The seed files. */
    static List<Seed> load() {
        List<Path> folders = new ArrayList<>();
        folders.add(TestCorpus.bundled());
        Path shared = Path.of(System.getProperty("musai.corpus", "../shared/corpus"));
        for (String name : List.of("public", "train")) {
            if (Files.isDirectory(shared.resolve(name))) {
                folders.add(shared.resolve(name));
            }
        }
        List<Seed> seeds = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> small = TestCorpus.midiFiles(folder).stream().filter(FuzzSeeds::isSmall).toList();
            int step = Math.max(1, small.size() / PER_CORPUS);
            for (int i = 0; i < small.size(); i += step) {
                Path file = small.get(i);
                String name = folder.getFileName() + "/" + folder.relativize(file).toString().replace('\\', '/');
                seeds.add(new Seed(name, bytes(file)));
            }
        }
        return seeds;
    }

    private static boolean isSmall(Path file) {
        try {
            return Files.size(file) <= MAX_SEED_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
