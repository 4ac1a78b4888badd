package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.token.dataset.Dataset;

/** {@code musai tokenize} given bad input exits 2 with a message on stderr and writes nothing. */
class TokenizeBadInputTest {

    @TempDir
    Path temp;

    private Path out;

    @BeforeEach
    void setUp() {
        out = temp.resolve("out");
    }

    @Test
    void missingMidiFolder() throws IOException {
        Path missing = temp.resolve("no-such-folder");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", missing, "-t", out);

        assertBadInput(result, missing.toString());
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void folderWithOnlyAGarbageFile() throws IOException {
        Path midi = Files.createDirectories(temp.resolve("midi"));
        Files.writeString(midi.resolve("junk.mid"), "not a MIDI file", StandardCharsets.UTF_8);

        CliRunner.Result result = CliRunner.run("tokenize", "-m", midi, "-t", temp.resolve("ds"), "-l", "0");

        assertBadInput(result, "none of the 1 files");
        assertThat(entries(temp)).containsExactly("midi");
    }

    @Test
    void folderWithNoMidiFiles() throws IOException {
        Path midi = Files.createDirectories(temp.resolve("midi"));
        Files.writeString(midi.resolve("readme.txt"), "hello", StandardCharsets.UTF_8);

        CliRunner.Result result = CliRunner.run("tokenize", "-m", midi, "-t", out);

        assertBadInput(result, "no MIDI files");
        assertThat(entries(temp)).containsExactly("midi");
    }

    @Test
    void lengthThatNoFileReaches() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out,
                "-l", "100000");

        assertBadInput(result, "too short");
        assertThat(out).doesNotExist();
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void classNumberSeventeen() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out, "-c", "17");

        assertBadInput(result, "0-16");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void unknownClassName() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out,
                "-r", "kazoo");

        assertBadInput(result, "kazoo");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void kazooInTheKeptClasses() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out,
                "-c", "piano,kazoo");

        assertBadInput(result, "kazoo");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void zeroThreads() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out,
                "--threads", "0");

        assertBadInput(result, "--threads");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void neitherMidisNorBpe() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-t", out);

        assertBadInput(result, "nothing to do");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void missingTokensPath() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus());

        assertBadInput(result, "--tokens_path");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void bpeAloneWithoutADataset() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-t", out, "-b");

        assertBadInput(result, out.toString());
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void vocabularySmallerThanTheBase() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out, "-l", "0",
                "-b", "--vocab-size", "10");

        assertBadInput(result, "below the base vocabulary");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void unknownAlgorithm() throws IOException {
        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", out, "-a", "ABC");

        assertBadInput(result, "ABC");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void missingParentFoldersAreRefusedNotCreated() throws IOException {
        Path nested = temp.resolve("new/deeper/ds");

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", nested);

        assertBadInput(result, "folder " + temp.resolve("new/deeper") + " does not exist; create it first");
        assertThat(entries(temp)).isEmpty();
    }

    @Test
    void negativeVocabularySizeForBpeAloneIsRefused() throws Exception {
        Path ds = temp.resolve("ds");
        assertThat(CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0").exit()).isZero();

        CliRunner.Result result = CliRunner.run("tokenize", "-t", ds, "-b", "--vocab-size", "-5");

        assertBadInput(result, "--vocab-size must be at least 0, not -5");
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.codec().hasBpe()).isFalse();
        }
    }

    private static void assertBadInput(CliRunner.Result result, String messagePart) {
        assertThat(result.exit()).as("exit code; stderr: " + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(messagePart);
        assertThat(result.err()).doesNotContain("internal error").doesNotContain("\tat ");
        assertThat(result.out()).doesNotContain("Tokenized");
    }

    private static List<String> entries(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
