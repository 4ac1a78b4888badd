package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.musai.io.OutputPaths;
import org.musai.midi.SmfWriter;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.DecodedScore;

/**
 * Writes every document of a dataset back as a MIDI file named after its source, so that people can hear what a
 * model will learn from. Stateless.
 */
public final class Detokenizer {

    /**
     * What was written.
     *
     * @param files         MIDI files written
     * @param skippedTokens tokens the decoder could not place, over all documents (0 for a sound dataset)
     */
    public record Summary(int files, long skippedTokens) {
    }

    public Summary write(Dataset dataset, Path outputFolder, ProgressListener listener, CancellationToken cancel)
            throws IOException, CancelledException {
        OutputPaths.checkFolder(outputFolder);
        SmfWriter writer = new SmfWriter();
        Path root = outputFolder.toAbsolutePath().normalize();
        int total = dataset.documentCount();
        listener.started("detokenize", total);
        long skipped = 0;
        Set<Path> written = new HashSet<>();
        for (Manifest.UsedFile file : dataset.manifest().files()) {
            cancel.throwIfCancelled();
            DecodedScore decoded = dataset.codec().decode(dataset.document(file.document()));
            skipped += decoded.skippedTokens();
            writer.write(decoded.score(), unique(outputPath(root, file.source()), written));
            listener.advanced(file.document() + 1, total, 0);
        }
        listener.finished(total + " MIDI files written to " + root);
        return new Summary(total, skipped);
    }

    /** "x.mid" from "x.kar" and "x.mid" sources alike would collide: the second becomes "x-2.mid". */
    private static Path unique(Path path, Set<Path> written) {
        Path candidate = path;
        String stem = path.getFileName().toString().replaceFirst("\\.mid$", "");
        for (int n = 2; !written.add(candidate); n++) {
            candidate = path.resolveSibling(stem + "-" + n + ".mid");
        }
        return candidate;
    }

    /** The source's relative path under the output folder, as a .mid file; never outside the folder. */
    static Path outputPath(Path root, String source) {
        String safe = source.replace('\\', '/').replaceAll("(^|/)\\.\\.(?=/|$)", "$1_").replaceFirst("^/+", "");
        String name = safe.replaceFirst("\\.[^./]*$", "") + ".mid";
        Path path = root.resolve(name).normalize();
        return path.startsWith(root) ? path : root.resolve(Path.of(name).getFileName());
    }
}
