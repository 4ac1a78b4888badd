package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.train.DeviceChoice;

/** {@code musai train} end to end: a tiny run, its resume, and every refusal with exit code 2. */
class TrainCommandTest {

    @TempDir
    static Path shared;
    static Path dataset;

    @BeforeAll
    static void tokenize() {
        dataset = shared.resolve("ds");
        assertThat(CliRunner.run("tokenize", "-m", TestCorpus.bundled().resolve("music21"), "-t", dataset, "-l", "4")
                .exit()).isZero();
    }

    @Test
    void trainsATinyModelAndResumesAFinishedRunWithoutWork(@TempDir Path dir) {
        Path run = dir.resolve("run");
        CliRunner.Result result = CliRunner.run("train", "-t", dataset, "-o", run, "-e", "16", "-n", "1", "-c", "16",
                "-b", "2", "-p", "2", "-s", "3", "-i", "1e-3", "-q", "-a");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Training", "epoch 1 (step 6)", "Finished after 6 steps");
        assertThat(run.resolve("model.safetensors")).exists();
        CliRunner.Result again = CliRunner.run("train", "--resume", run);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("Finished after 6 steps");
    }

    @Test
    void refusesBadInputWithExitCodeTwo(@TempDir Path dir) throws Exception {
        assertRefused("VAE", "train", "-t", dataset, "-o", dir.resolve("a"), "-v", "train");
        assertRefused("LoRA", "train", "-t", dataset, "-o", dir.resolve("a"), "-l");
        assertRefused("gradient checkpointing", "train", "-t", dataset, "-o", dir.resolve("a"), "-g");
        assertRefused("-e", "train", "-t", dataset, "-o", dir.resolve("a"), "-e", "0");
        assertRefused("-i", "train", "-t", dataset, "-o", dir.resolve("a"), "-i", "3");
        assertRefused("-c", "train", "-t", dataset, "-o", dir.resolve("a"), "-c", "1");
        assertRefused("either a dataset", "train", "-o", dir.resolve("a"));
        assertRefused("not a MusAI dataset", "train", "-t", dir, "-o", dir.resolve("a"));
        assertRefused("no such file", "train", "-x", dir.resolve("missing"), "--vocab-size", "100", "-o",
                dir.resolve("b"));
        assertRefused("not a run", "train", "--resume", dir);
        if (DeviceChoice.gpuCount() == 0) {
            assertRefused("-Pgpu", "train", "-t", dataset, "-o", dir.resolve("c"), "--device", "gpu");
        }
        Files.writeString(dir.resolve("note.txt"), "mine");
        assertRefused("other files", "train", "-t", dataset, "-o", dir, "-p", "1", "-s", "1");
        assertThat(dir.resolve("note.txt")).hasContent("mine");
    }

    private static void assertRefused(String reason, Object... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exit()).as(String.join(" ", java.util.Arrays.stream(args).map(String::valueOf).toList()))
                .isEqualTo(2);
        assertThat(result.err()).contains(reason);
    }
}
