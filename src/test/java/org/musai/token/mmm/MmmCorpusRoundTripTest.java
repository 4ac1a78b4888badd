package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.Score;
import org.musai.token.DecodedScore;
import org.musai.token.Quantizer;
import org.musai.token.mmm.MmmTestSupport.ReadFile;

/**
 * Decoding the document of a real file gives back exactly its quantized notes, in the plain form and in the
 * bar-infill form, with nothing skipped.
 */
class MmmCorpusRoundTripTest {

    private static final Quantizer QUANTIZER = new Quantizer(TOKENIZER.quantization());

    @Test
    void bundledCorpusRoundTripsInBothForms() throws IOException {
        List<ReadFile> files = MmmTestSupport.readAll(TestCorpus.bundled());

        List<String> mismatches = roundTrip(files);

        System.out.printf("MMM round trip on the bundled corpus: %d of %d readable files exact%n",
                files.size() - mismatches.size(), files.size());
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void publicCorpusRoundTripsInBothForms() throws IOException {
        Path folder = TestCorpus.shared("public"); // skips the test when the shared corpus is absent
        List<ReadFile> files = MmmTestSupport.readAll(folder);

        List<String> mismatches = roundTrip(files);

        System.out.printf("MMM round trip on %s: %d of %d readable files exact (%.1f%%)%n", folder,
                files.size() - mismatches.size(), files.size(), 100.0 * (files.size() - mismatches.size())
                        / Math.max(1, files.size()));
        mismatches.forEach(m -> System.out.println("  mismatch: " + m));
        assertThat(files).isNotEmpty();
        assertThat(mismatches).isEmpty();
    }

    /** The files whose plain or infill documents do not decode to their quantized notes, with the first difference. */
    private static List<String> roundTrip(List<ReadFile> files) {
        List<String> mismatches = new ArrayList<>();
        for (ReadFile file : files) {
            Score expected = QUANTIZER.quantize(file.score());
            int[] plain = TOKENIZER.encode(file.score());
            check(file.path(), "plain", expected, TOKENIZER.decode(plain)).ifPresent(mismatches::add);
            if (TOKENIZER.noteCount(plain) != expected.noteCount()) {
                mismatches.add(file.path() + ": noteCount says " + TOKENIZER.noteCount(plain) + ", expected "
                        + expected.noteCount());
            }
            int tracks = expected.tracks().size();
            int bars = TOKENIZER.barCount(file.score());
            if (tracks == 0) {
                continue;
            }
            Set<Integer> allTracks = IntStream.range(0, tracks).boxed().collect(Collectors.toSet());
            List<int[]> selections = new ArrayList<>();
            selections.add(new int[]{0, 0, 0});
            selections.add(new int[]{-1, 0, 0});
            selections.add(new int[]{tracks - 1, bars - 1, bars - 1});
            selections.add(new int[]{-1, 0, bars - 1});
            if (bars >= 3) {
                selections.add(new int[]{0, 1, 2});
            }
            for (int[] selection : selections) {
                Set<Integer> chosen = selection[0] < 0 ? allTracks : Set.of(selection[0]);
                int[] infill = TOKENIZER.encodeInfill(file.score(), chosen, selection[1], selection[2]);
                String form = "infill tracks " + chosen + " bars " + selection[1] + "-" + selection[2];
                check(file.path(), form, expected, TOKENIZER.decode(infill)).ifPresent(mismatches::add);
            }
        }
        return mismatches;
    }

    private static Optional<String> check(Path path, String form, Score expected, DecodedScore decoded) {
        Optional<String> difference = MmmTestSupport.firstDifference(expected, decoded.score());
        if (difference.isPresent()) {
            return Optional.of(path + " (" + form + "): " + difference.get());
        }
        if (decoded.skippedTokens() != 0) {
            return Optional.of(path + " (" + form + "): " + decoded.skippedTokens() + " tokens skipped");
        }
        return Optional.empty();
    }
}
