package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.progress.CancellationToken;
import org.musai.train.DeviceChoice;
import org.musai.train.StepMetrics;
import org.musai.train.Trainer;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/**
 * {@code musai train} end to end: a tiny run, its resume, and every refusal with exit code 2 (bad flags, a folder in
 * use, damaged files), never with a trace.
 */
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

    @Test
    void theCheckpointIntervalIsAnOptionAResumeMayChangeButNothingElse(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CliRunner.Result result = CliRunner.run("train", "-t", dataset, "-o", run, "-e", "16", "-n", "1", "-c", "16",
                "-b", "2", "-p", "1", "-s", "5", "--checkpoint-every", "2");
        assertThat(result.exit()).as(result.err()).isZero();
        try (var list = Files.list(run.resolve("checkpoints"))) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("step-000000004", "step-000000005"); // 2 and 4, then the end; two kept
        }
        assertRefused("--checkpoint-every must be at least 1", "train", "-t", dataset, "-o", dir.resolve("b"),
                "--checkpoint-every", "0");
        assertRefused("leave out --embed_num, --lr_rate", "train", "--resume", run, "-e", "64", "-i", "1e-3");
        CliRunner.Result resumed = CliRunner.run("train", "--resume", run, "--checkpoint-every", "3", "--threads", "1");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(Files.readString(run.resolve("config.json"))).contains("\"checkpointEvery\" : 3");
        assertRefused("give more than that", "train", "--resume", run, "-p", "1");
        CliRunner.Result longer = CliRunner.run("train", "--resume", run, "-p", "3");
        assertThat(longer.exit()).as(longer.err()).isZero();
        assertThat(Files.readString(run.resolve("config.json"))).contains("\"epochs\" : 3");
    }

    /** The seed's -l, -r, -v and -g: each works, or is refused with what to do, never ignored. */
    @Test
    void theSeedsFineTuningFlagsWorkOrSayWhy(@TempDir Path dir) throws Exception {
        assertRefused("give it with -m", "train", "-t", dataset, "-o", dir.resolve("a"), "-l");
        assertRefused("give -l", "train", "-t", dataset, "-o", dir.resolve("a"), "--lora-rank", "4");
        assertRefused("-g with -v true", "train", "-t", dataset, "-o", dir.resolve("a"), "-v", "true", "-g");
        assertRefused("no VAE file there", "train", "-t", dataset, "-o", dir.resolve("a"), "-v", dir.resolve("none"));
        assertRefused("no VAE file there", "train", "-t", dataset, "-o", dir.resolve("a"), "-v", "train",
                dir.resolve("none"));
        assertRefused("leave out --algo", "tokenize", "-m", TestCorpus.bundled().resolve("music21"), "-t",
                dir.resolve("t"), "--tokenizer-of", "assets/models/default", "-a", "MMM");

        Path base = dir.resolve("base");
        assertThat(CliRunner.run("train", "-t", dataset, "-o", base, "-e", "16", "-n", "1", "-c", "16", "-b", "2",
                "-p", "1", "-s", "2", "-g").exit()).isZero();
        Path tuned = dir.resolve("tuned");
        CliRunner.Result lora = CliRunner.run("train", "-m", base, "-l", "--lora-rank", "2", "-t", dataset, "-o",
                tuned, "-b", "2", "-p", "1", "-s", "2");
        assertThat(lora.exit()).as(lora.err()).isZero();
        assertThat(Files.readString(tuned.resolve("adapter.json"))).contains("\"rank\" : 2");
        assertThat(Files.readString(tuned.resolve("config.json"))).contains("\"ctxLen\" : 16"); // the base's
        CliRunner.Result again = CliRunner.run("train", "-m", base, "-l", "-r", tuned, "-t", dataset, "-o",
                dir.resolve("again"), "-b", "2", "-p", "1", "-s", "2");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.readString(dir.resolve("again").resolve("adapter.json"))).contains("\"rank\" : 2");
        CliRunner.Result piece = CliRunner.run("generate", "-M", base, "--adapter", tuned, "-o", dir.resolve("a.mid"),
                "--bars", "2", "--max-tokens", "200");
        assertThat(piece.exit()).as(piece.err()).isZero();
        assertRefused("not a LoRA adapter", "generate", "-M", base, "--adapter", base, "-o", dir.resolve("b.mid"));

        Path vae = dir.resolve("vae");
        assertThat(CliRunner.run("train", "-v", "train", "-t", dataset, "-o", vae, "-e", "16", "-c", "16", "-b", "2",
                "-p", "1", "-s", "2", "--vae-latent", "8", "--vae-layers", "1").exit()).isZero();
        CliRunner.Result onVae = CliRunner.run("train", "-v", vae.resolve("embvae_0.safetensors"), "-t", dataset,
                "-o", dir.resolve("on-vae"), "-e", "16", "-n", "1", "-c", "16", "-b", "2", "-p", "1", "-s", "2");
        assertThat(onVae.exit()).as(onVae.err()).isZero();
        CliRunner.Result joint = CliRunner.run("train", "-v", "true", "--vae-latent", "8", "--vae-layers", "1", "-t",
                dataset, "-o", dir.resolve("joint"), "-e", "16", "-n", "1", "-c", "16", "-b", "2", "-p", "1", "-s", "2");
        assertThat(joint.exit()).as(joint.err()).isZero();
        assertThat(dir.resolve("joint").resolve("embvae.safetensors")).exists();
        assertRefused("(-e)", "train", "-v", vae.resolve("embvae_0.safetensors"), "-t", dataset, "-o",
                dir.resolve("wider"), "-e", "32", "-n", "1", "-c", "16", "-b", "2", "-p", "1", "-s", "2");
        assertThat(dir.resolve("wider")).doesNotExist();
        assertRefused("cannot be the base of another", "train", "-m", tuned, "-l", "-t", dataset, "-o",
                dir.resolve("on-adapter"), "-b", "2", "-p", "1", "-s", "2");
        assertThat(dir.resolve("on-adapter")).doesNotExist();
    }

    @Test
    void aFolderInUseIsRefused(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> {
            try {
                new Trainer().train(new TrainingOptions(dataset, null, 0, run, null, 16, 2, 16, 1, 1, 2, 1e-3, 0, 0,
                        false, false, 0f, "cpu", 1, 0.1, 200), new TrainingListener() {
                    @Override
                    public void stepped(StepMetrics metrics) {
                        training.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, new CancellationToken());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        try {
            assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();
            assertRefused(run + " is in use", "train", "--resume", run);
        } finally {
            release.countDown();
            first.join(60_000);
        }
    }

    @Test
    void damagedFilesAreRefusedWithTheirNamesNotATrace(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        assertThat(CliRunner.run("train", "-t", dataset, "-o", run, "-e", "16", "-n", "1", "-c", "16", "-b", "2",
                "-p", "1", "-s", "2").exit()).isZero();
        Path state = run.resolve("checkpoints/step-000000002/state.json");
        Files.writeString(state, "{\"step\": ");
        assertRefused(state + " is not valid JSON", "train", "--resume", run);

        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        try (var files = Files.list(dataset)) {
            for (Path file : files.toList()) {
                Files.copy(file, damaged.resolve(file.getFileName()));
            }
        }
        byte[] tokens = Files.readAllBytes(damaged.resolve("tokens.bin"));
        tokens[20] = (byte) 0xFF; // token 10 of the first document becomes at least 65280
        tokens[21] = (byte) 0xFF;
        Files.write(damaged.resolve("tokens.bin"), tokens);
        assertRefused("tokens.bin: document 0", "train", "-t", damaged, "-o", dir.resolve("other"));
        assertRefused("holds the id 65535 at token 10", "eval", "-M", run, "-t", damaged);

        Path weights = run.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[7] = 0x7F; // a header length near 2^63
        Files.write(weights, bytes);
        assertRefused(weights + " declares a header of", "eval", "-M", run, "-t", dataset);
        assertRefused(weights + " declares a header of", "generate", "-M", run, "-o", dir.resolve("x.mid"));
    }

    private static void assertRefused(String reason, Object... args) {
        CliRunner.Result result = CliRunner.run(args);
        assertThat(result.exit()).as(String.join(" ", java.util.Arrays.stream(args).map(String::valueOf).toList()))
                .isEqualTo(2);
        assertThat(result.err()).contains(reason).startsWith("musai: ").doesNotContain("Exception", "\tat ");
    }
}
