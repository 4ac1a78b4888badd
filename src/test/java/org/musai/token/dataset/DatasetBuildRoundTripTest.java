package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.decodeMismatches;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.outcome;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.TokenizerConfig.Algorithm;

/** A dataset built from the bundled corpus holds one document per usable file, and each decodes to its quantized notes. */
class DatasetBuildRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void remiDatasetHasItsFilesAndOneDocumentPerUsableFile() throws Exception {
        List<SourceFile> sources = bundledSources();
        Path out = temp.resolve("ds");

        Manifest manifest = new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());

        assertThat(out.resolve("tokens.bin")).isRegularFile();
        assertThat(out.resolve("tokens.idx")).isRegularFile();
        assertThat(out.resolve("tokenizer.json")).isRegularFile();
        assertThat(out.resolve("manifest.json")).isRegularFile();
        assertThat(manifest.documents()).isEqualTo(usableCount(sources, noMinimum())).isPositive();
        assertThat(manifest.files()).hasSize(manifest.documents());
        assertThat(manifest.documents() + manifest.skipped().size()).isEqualTo(sources.size());
        assertThat(manifest.algorithm()).isEqualTo("REMI");
        assertThat(manifest.tokens()).isEqualTo(manifest.baseTokens());
    }

    @Test
    void remiDocumentsDecodeToTheQuantizedFilteredScores() throws Exception {
        List<SourceFile> sources = bundledSources();
        Path out = temp.resolve("ds");
        new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken());

        assertThat(decodeMismatches(out, sources, noMinimum())).isEmpty();
    }

    @Test
    void mmmDatasetDecodesToTheQuantizedFilteredScores() throws Exception {
        List<SourceFile> sources = bundledSources();
        Path out = temp.resolve("ds");

        Manifest manifest = new DatasetBuilder().build(request(sources, out, Algorithm.MMM, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());

        assertThat(manifest.algorithm()).isEqualTo("MMM");
        assertThat(manifest.documents()).isEqualTo(usableCount(sources, noMinimum()));
        assertThat(manifest.documents() + manifest.skipped().size()).isEqualTo(sources.size());
        assertThat(decodeMismatches(out, sources, noMinimum())).isEmpty();
    }

    @Test
    void bpeGrowsTheVocabularyAtMostAQuarterShortensTheTokensAndStillDecodesExactly() throws Exception {
        List<SourceFile> sources = bundledSources();
        Path out = temp.resolve("ds");
        int base = Tokenizer.of(TokenizerConfig.defaults(Algorithm.REMI)).vocabulary().size();

        Manifest manifest = new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), true),
                ProgressListener.NONE, new CancellationToken());

        try (Dataset dataset = Dataset.open(out)) {
            assertThat(dataset.codec().hasBpe()).isTrue();
            assertThat(dataset.codec().vocabSize()).isGreaterThan(base).isLessThanOrEqualTo((int) Math.round(base * 1.25));
        }
        assertThat(manifest.tokens()).isLessThan(manifest.baseTokens());
        assertThat(manifest.documents()).isEqualTo(usableCount(sources, noMinimum()));
        assertThat(decodeMismatches(out, sources, noMinimum())).isEmpty();
    }

    @Test
    void manifestOnDiskEqualsTheReturnedManifest() throws Exception {
        List<SourceFile> sources = bundledSources();
        Path out = temp.resolve("ds");

        Manifest manifest = new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());

        try (Dataset dataset = Dataset.open(out)) {
            assertThat(dataset.manifest().files()).isEqualTo(manifest.files());
            assertThat(dataset.manifest().skipped()).isEqualTo(manifest.skipped());
            assertThat(dataset.documentCount()).isEqualTo(manifest.documents());
            assertThat(dataset.tokens().tokenCount()).isEqualTo(manifest.tokens());
        }
        try (var entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("ds");
        }
    }

    /** The files that parse, pass the filter and keep a note in the pitch range, counted without the builder. */
    private static long usableCount(List<SourceFile> sources, InstrumentFilter filter) throws Exception {
        TokenizerConfig config = TokenizerConfig.defaults(Algorithm.REMI);
        Quantizer quantizer = new Quantizer(new Quantization(config));
        long count = 0;
        for (SourceFile source : sources) {
            InstrumentFilter.Outcome outcome = outcome(source, filter);
            if (!outcome.skipped() && quantizer.quantize(outcome.score()).noteCount() > 0) {
                count++;
            }
        }
        return count;
    }
}
