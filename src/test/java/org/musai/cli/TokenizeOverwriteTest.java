package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.token.dataset.Dataset;

/** {@code musai tokenize -t} replaces an earlier dataset but never a folder of the user's own files. */
class TokenizeOverwriteTest {

    @TempDir
    Path temp;

    @Test
    void existingDatasetIsReplaced() throws Exception {
        Path ds = temp.resolve("ds");
        assertThat(CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0").exit()).isZero();

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0",
                "-a", "MMM");

        assertThat(result.exit()).as(result.err()).isZero();
        try (Dataset dataset = Dataset.open(ds)) {
            assertThat(dataset.manifest().algorithm()).isEqualTo("MMM");
        }
    }

    @Test
    void outputThatIsTheMidiFolderKeepsTheMidiFiles() throws Exception {
        Path midi = Files.createDirectories(temp.resolve("midi"));
        Path song = Files.copy(CliRunner.bundledCorpus().resolve("midly/Clementi.mid"), midi.resolve("song.mid"));

        CliRunner.Result result = CliRunner.run("tokenize", "-m", midi, "-t", midi, "-l", "0");

        assertThat(song).as("the user's MIDI file after exit %d", result.exit()).isRegularFile();
    }

    @Test
    void outputFolderOfOtherFilesIsNotDeleted() throws Exception {
        Path notes = Files.createDirectories(temp.resolve("my-notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me", StandardCharsets.UTF_8);

        CliRunner.Result result = CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", notes, "-l", "0");

        assertThat(notes.resolve("todo.txt")).as("the user's file after exit %d", result.exit()).hasContent("keep me");
    }
}
