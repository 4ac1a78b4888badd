package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.JavaProcess;
import org.musai.TestCorpus;
import org.musai.progress.CancellationToken;
import org.musai.train.CheckpointProbe;
import org.musai.train.RunHistory;
import org.musai.train.Trainer;
import org.musai.train.TrainingException;
import org.musai.train.TrainingListener;
import org.musai.train.TrainingOptions;

/**
 * {@code musai train} as its own process, killed with SIGKILL at moments the run itself signals (a seeded step
 * mid-run, at start-up once it holds the run's lock, and inside a checkpoint write held open until the kill) and
 * resumed each time, then stopped as Ctrl-C stops it: every checkpoint left on disk
 * loads, no kill loses more than one checkpoint interval, metrics.csv ends with each step once, and the final
 * weights are those of an uninterrupted run, byte for byte.
 */
class TrainKillTest {

    /** Chooses the steps; the same seed, the same plan (the step a kill lands on may run a few past it). */
    private static final long SEED = 20_251_201L;
    private static final int EPOCHS = 3;
    private static final int STEPS_PER_EPOCH = 40;
    private static final int CHECKPOINT_EVERY = 8;
    private static final long PROCESS_SECONDS = 120;
    /**
     * How long a checkpoint write pauses (after its weights) in the runs that are killed inside one: longer than the
     * test waits for anything, so the kill lands inside the write however slow or fast the machine is.
     */
    private static final long CHECKPOINT_PAUSE_MILLIS = PROCESS_SECONDS * 1_000;

    /** Where each interruption lands. */
    private enum Moment { MID_STEPS, AT_START_UP, IN_CHECKPOINT, CTRL_C }

    private static final List<Moment> PLAN = List.of(Moment.MID_STEPS, Moment.IN_CHECKPOINT, Moment.AT_START_UP,
            Moment.MID_STEPS, Moment.IN_CHECKPOINT, Moment.CTRL_C);

    @TempDir
    Path dir;

    @Test
    void survivesKillsAtRandomMomentsAndEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
        Path dataset = tinyDataset();
        Path run = dir.resolve("run");
        Random random = new Random(SEED);
        List<Path> partialsLeft = new ArrayList<>();
        boolean lockChecked = false;
        for (int i = 0; i < PLAN.size(); i++) {
            Moment moment = PLAN.get(i);
            // read before the process starts to rewrite the run: rows past both can only be its own steps
            long doneBefore = Math.max(newestCheckpoint(run), lastCompleteRow(run));
            List<String> properties = moment == Moment.IN_CHECKPOINT
                    ? List.of("musai.crashTest.checkpointPauseMillis=" + CHECKPOINT_PAUSE_MILLIS) : List.of();
            JavaProcess musai = i == 0 ? JavaProcess.musai(properties, trainArguments(dataset, run))
                    : JavaProcess.musai(properties, "train", "--resume", run);
            List<Path> partialsBefore = CheckpointProbe.partialFolders(run);
            switch (moment) {
                // once it holds the run's lock: it has begun to resume, and not yet loaded weights or trained
                case AT_START_UP -> awaitOrFail(musai, () -> lockHeldBy(run, musai.pid()));
                case MID_STEPS, CTRL_C -> {
                    // a step counted from where it resumes, not a sleep: on a fast machine a sleep outlasts the run
                    long target = doneBefore + 1 + random.nextInt(2 * CHECKPOINT_EVERY);
                    awaitOrFail(musai, () -> musai.printed("Training "));
                    if (!lockChecked) { // a second run, here in the test's JVM, is refused while the child trains
                        assertThatThrownBy(() -> new Trainer().resume(run, new TrainingListener() {
                        }, new CancellationToken())).isInstanceOf(TrainingException.class)
                                .hasMessageContaining("is in use by process " + musai.pid());
                        lockChecked = true;
                    }
                    awaitOrFail(musai, () -> lastCompleteRowOrZero(run) >= target);
                }
                case IN_CHECKPOINT -> awaitOrFail(musai, () -> newPartial(run, partialsBefore));
            }
            assertThat(musai.isAlive()).as("run %d must still be training when interrupted; output:%n%s", i,
                    musai.output()).isTrue();
            if (moment == Moment.CTRL_C) {
                musai.interrupt();
            } else {
                musai.kill();
            }
            musai.await(PROCESS_SECONDS);

            long lastRow = lastCompleteRow(run);
            long newest = newestCheckpoint(run); // every checkpoint on disk loads completely
            assertThat(lastRow - newest).as("steps lost by interruption %d (%s)", i, moment)
                    .isBetween(0L, (long) CHECKPOINT_EVERY);
            System.out.printf("interruption %d (%s): after step %d, resumes from %d (%d lost)%n", i + 1, moment,
                    lastRow, newest, lastRow - newest);
            if (moment == Moment.IN_CHECKPOINT) {
                List<Path> partials = CheckpointProbe.partialFolders(run);
                assertThat(partials).as("killed with a checkpoint half written").isNotEmpty();
                partialsLeft.addAll(partials);
            }
            if (moment == Moment.CTRL_C) {
                assertThat(lastRow).isEqualTo(newest);
                assertThat(musai.output()).contains("Stopped after " + newest + " steps", "Checkpoint of step "
                        + newest + " written to " + run.toAbsolutePath().resolve("checkpoints")
                        .resolve(String.format("step-%09d", newest)));
            }
        }

        JavaProcess last = JavaProcess.musai(List.of(), "train", "--resume", run);
        assertThat(last.await(PROCESS_SECONDS)).as(last.output()).isZero();
        assertThat(last.output()).contains("Finished after " + EPOCHS * STEPS_PER_EPOCH + " steps");
        assertThat(partialsLeft).allSatisfy(partial -> assertThat(partial).doesNotExist());
        assertThat(CheckpointProbe.partialFolders(run)).isEmpty();
        RunHistory history = RunHistory.read(run.resolve("metrics.csv"));
        assertThat(history.unreadable()).isZero();
        assertThat(history.steps()).extracting(RunHistory.Step::step)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, EPOCHS * STEPS_PER_EPOCH)
                        .boxed().toList());

        Path straight = dir.resolve("straight");
        new Trainer().train(new TrainingOptions(dataset, null, 0, straight, null, 16, 2, 16, 1, EPOCHS,
                STEPS_PER_EPOCH, 1e-3, 0, 0, false, false, 0f, "cpu", 42, 0, CHECKPOINT_EVERY),
                new TrainingListener() {
                }, new CancellationToken());
        assertThat(Files.readAllBytes(run.resolve("model.safetensors")))
                .isEqualTo(Files.readAllBytes(straight.resolve("model.safetensors")));
    }

    /** The command of an uninterrupted run with TrainingOptions as the test builds them for the reference. */
    private static Object[] trainArguments(Path dataset, Path run) {
        return new Object[]{"train", "-t", dataset, "-o", run, "-e", "16", "-n", "1", "-c", "16", "-b", "2",
                "-p", EPOCHS, "-s", STEPS_PER_EPOCH, "-i", "1e-3", "--checkpoint-every", CHECKPOINT_EVERY,
                "--val-fraction", "0"}; // no validation: it is not what this test is about, and it takes time
    }

    /** Four real pieces from the shared training corpus (skipped without it). */
    private Path tinyDataset() throws Exception {
        Path source = TestCorpus.shared("train").resolve("freedoom_bsd3");
        Path pieces = Files.createDirectories(dir.resolve("pieces"));
        for (String name : List.of("freedoom1_D_E1M1.mid", "freedoom1_D_E1M2.mid", "freedoom1_D_E1M3.mid",
                "freedoom1_D_E1M4.mid")) {
            Files.copy(source.resolve(name), pieces.resolve(name));
        }
        Path dataset = dir.resolve("dataset");
        CliRunner.Result tokenized = CliRunner.run("tokenize", "-m", pieces, "-t", dataset);
        assertThat(tokenized.exit()).as(tokenized.err()).isZero();
        return dataset;
    }

    private static boolean lockHeldBy(Path run, long pid) {
        try {
            return Files.readString(run.resolve("run.lock")).trim().equals(Long.toString(pid));
        } catch (Exception e) {
            return false; // not there yet, or being written; look again
        }
    }

    private static long newestCheckpoint(Path run) throws Exception {
        if (!Files.isDirectory(run)) {
            return 0;
        }
        List<Long> checkpoints = CheckpointProbe.loadAll(run);
        return checkpoints.isEmpty() ? 0 : checkpoints.get(checkpoints.size() - 1);
    }

    private static long lastCompleteRowOrZero(Path run) {
        try {
            return lastCompleteRow(run);
        } catch (Exception e) {
            return 0; // a resume is rewriting it; look again
        }
    }

    private static boolean newPartial(Path run, List<Path> before) {
        try {
            return CheckpointProbe.partialFolders(run).stream().anyMatch(p -> !before.contains(p));
        } catch (Exception e) {
            return false; // the folder is being created; look again
        }
    }

    /** The step of the last row of metrics.csv that ends with its line end, before a resume rewrites it. */
    private static long lastCompleteRow(Path run) throws Exception {
        Path metrics = run.resolve("metrics.csv");
        if (!Files.exists(metrics)) {
            return 0;
        }
        String content = Files.readString(metrics);
        String[] lines = content.substring(0, content.lastIndexOf('\n') + 1).split("\n");
        String last = lines[lines.length - 1];
        return last.startsWith("step,") || last.isEmpty() ? 0 : Long.parseLong(last.split(",")[0]);
    }

    private static void awaitOrFail(JavaProcess musai, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PROCESS_SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (!musai.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("musai ended or stalled before the moment to interrupt it:\n"
                        + musai.output());
            }
            Thread.sleep(2);
        }
    }
}
