package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.Dataset;

/** {@code musai tokenize} builds a dataset that opens, with the seed's flags. */
class TokenizeCommandTest {

    @TempDir
    Path temp;

    @Test
    void tokenizeBuildsADatasetThatOpens() throws Exception {
        Path ds = temp.resolve("ds");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Tokenized 52 of 56 files", "REMI");
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.documentCount()).isEqualTo(52);
            assertThat(dataset.manifest().algorithm()).isEqualTo("REMI");
            assertThat(dataset.codec().hasBpe()).isFalse();
        }
    }

    @Test
    void mmmWithBpeAndAVocabularySizeBuildsADatasetThatOpens() throws Exception {
        Path ds = temp.resolve("ds");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0",
                "-a", "MMM", "-b", "--vocab-size", "700");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Tokenized", "MMM");
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.manifest().algorithm()).isEqualTo("MMM");
            assertThat(dataset.codec().hasBpe()).isTrue();
            assertThat(dataset.codec().vocabSize()).isLessThanOrEqualTo(700)
                    .isGreaterThan(Tokenizer.of(TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM))
                            .vocabulary().size());
            assertThat(dataset.manifest().tokens()).isLessThan(dataset.manifest().baseTokens());
        }
    }

    @Test
    void defaultLengthSkipsFilesShorterThanSixteenBeats() throws Exception {
        Path ds = temp.resolve("ds");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("too short");
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.manifest().files()).allSatisfy(f -> assertThat(f.beats()).isGreaterThanOrEqualTo(16));
            assertThat(dataset.manifest().filter().get("minBeats")).isEqualTo(16.0);
        }
    }

    @Test
    void classesAndRequiredClassesByNameAndNumber() throws Exception {
        Path ds = temp.resolve("ds");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0",
                "-c", "piano,16", "-r", "drums");

        assertThat(result.exit()).as(result.err()).isZero();
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.manifest().classCounts()).containsOnlyKeys("Piano", "Drums");
            assertThat(dataset.manifest().files()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.classes()).contains("Drums"));
        }
    }

    @Test
    void bpeAloneLearnsMergesOverTheExistingDataset() throws Exception {
        Path ds = temp.resolve("ds");
        assertThat(CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0").exit()).isZero();

        CliRunner.Result result = CliRunner.run("tokenize", "-t", ds, "-b");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Tokenized 52 of 56 files");
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.codec().hasBpe()).isTrue();
            assertThat(dataset.documentCount()).isEqualTo(52);
        }
        try (var entries = Files.list(temp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("ds");
        }
    }
}
