package org.musai.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.io.AtomicFiles;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig;
import org.musai.token.binidx.BinIdxReader;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;

/**
 * What keeps a run safe: checkpoints every N steps, a full disk that leaves the last checkpoint intact, one run per
 * folder, leftovers of a killed run removed (and nothing else), damaged checkpoint files and token files named.
 */
class CheckpointSafetyTest {

    @TempDir
    static Path shared;
    static Path dataset;

    @TempDir
    Path dir;

    private static final TrainingListener QUIET = new TrainingListener() {
    };

    @BeforeAll
    static void tokenize() throws Exception {
        dataset = shared.resolve("dataset");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI),
                new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 8, false), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
    }

    /** A tiny model with nothing held out: validation is not what these tests are about, and it takes time. */
    static TrainingOptions options(Path output, Path data, int epochs, int steps, int checkpointEvery) {
        return new TrainingOptions(data, null, 0, output, null, 16, 2, 16, 1, epochs, steps, 2e-3, 0, 0, false,
                false, 0f, "cpu", 7, 0, checkpointEvery);
    }

    @Test
    void checkpointsComeEveryNStepsAndAtEachEpochsEnd() throws Exception {
        List<Long> steps = new ArrayList<>();
        Path run = dir.resolve("run");
        new Trainer().train(options(run, dataset, 2, 7, 3), new TrainingListener() {
            @Override
            public void checkpointed(Path folder, long step) {
                steps.add(step);
                assertThat(folder.getFileName().toString()).isEqualTo(RunFolder.checkpointName(step));
            }
        }, new CancellationToken());
        assertThat(steps).containsExactly(3L, 6L, 7L, 9L, 12L, 14L);
        assertThat(CheckpointProbe.loadAll(run)).containsExactly(12L, 14L); // the last two are kept
        assertThat(CheckpointProbe.partialFolders(run)).isEmpty();
    }

    @Test
    void aFullDiskDuringACheckpointLeavesThePreviousOneIntactAndResumable() throws Exception {
        Path straight = dir.resolve("straight");
        new Trainer().train(options(straight, dataset, 1, 6, 3), QUIET, new CancellationToken());

        Path run = dir.resolve("run");
        AtomicInteger writes = new AtomicInteger();
        CheckpointWriter fullDisk = (file, content) -> {
            if (writes.incrementAndGet() == 5) { // the second checkpoint's optimizer file: half of it, then no room
                Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
                throw new IOException(file + ": No space left on device");
            }
            AtomicFiles.writeSynced(file, content);
        };
        List<Exception> failures = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> new Trainer(fullDisk).train(options(run, dataset, 1, 6, 3), new TrainingListener() {
            @Override
            public void failed(Exception cause) {
                failures.add(cause);
            }
        }, new CancellationToken())).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write the checkpoint of step 6")
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("the checkpoint of step 3 (" + run.resolve("checkpoints/step-000000003"))
                .hasMessageContaining("is intact");
        assertThat(failures).hasSize(1);
        assertThat(CheckpointProbe.loadAll(run)).containsExactly(3L);
        assertThat(CheckpointProbe.partialFolders(run)).as("the half-written folder is removed").isEmpty();
        assertThat(Files.readAllBytes(run.resolve(RunFolder.MODEL)))
                .isEqualTo(Files.readAllBytes(run.resolve("checkpoints/step-000000003").resolve(RunFolder.MODEL)));

        TrainingSummary rest = new Trainer().resume(run, QUIET, new CancellationToken());
        assertThat(rest.steps()).isEqualTo(6);
        assertThat(Files.readAllBytes(run.resolve(RunFolder.MODEL)))
                .isEqualTo(Files.readAllBytes(straight.resolve(RunFolder.MODEL)));
    }

    @Test
    void aSecondRunIsRefusedWhileTheFirstTrainsInTheFolder() throws Exception {
        Path run = dir.resolve("run");
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                new Trainer().train(options(run, dataset, 1, 3, 200), new TrainingListener() {
                    @Override
                    public void stepped(StepMetrics metrics) {
                        training.countDown();
                        await(release);
                    }
                }, new CancellationToken());
            } catch (Exception | Error e) {
                firstFailure.set(e);
            }
        }, "first-run");
        first.start();
        try {
            assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> new Trainer().resume(run, QUIET, new CancellationToken()))
                    .isInstanceOf(TrainingException.class)
                    .hasMessageContaining(run + " is in use by another run in this program");
            assertThatThrownBy(() -> new Trainer().train(options(run, dataset, 1, 3, 200), QUIET,
                    new CancellationToken())).isInstanceOf(TrainingException.class).hasMessageContaining("--resume");
        } finally {
            release.countDown();
            first.join(60_000);
        }
        assertThat(firstFailure.get()).isNull();
        assertThat(new RunFolder(run).readHistory().steps()).hasSize(3); // nothing of the refused runs mixed in
        assertThat(new Trainer().resume(run, QUIET, new CancellationToken()).steps()).isEqualTo(3); // lock released
    }

    @Test
    void theLeftoversOfAKilledRunAreRemovedAndNothingElse() throws Exception {
        Path run = dir.resolve("run");
        CancellationToken stop = new CancellationToken();
        new Trainer().train(options(run, dataset, 1, 6, 200), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                if (metrics.step() == 2) {
                    stop.cancel();
                }
            }
        }, stop);
        Path checkpoints = run.resolve("checkpoints");
        List<Path> ours = List.of(checkpoints.resolve(".partial-1234567"),
                checkpoints.resolve(".pruned-step-000000001"), run.resolve(".model.safetensors.partial-77-8765"),
                run.resolve(".metrics.csv.partial-77-42"));
        List<Path> theirs = List.of(checkpoints.resolve(".partial-notes"), checkpoints.resolve("mine"),
                run.resolve("notes.txt"), run.resolve(".model.safetensors.tmp"));
        for (Path path : ours.subList(0, 2)) {
            Files.createDirectories(path);
            Files.write(path.resolve(RunFolder.MODEL), new byte[]{1, 2});
        }
        for (Path path : List.of(ours.get(2), ours.get(3), theirs.get(2), theirs.get(3))) {
            Files.write(path, new byte[]{3});
        }
        Files.createDirectories(theirs.get(0));
        Files.createDirectories(theirs.get(1));

        assertThat(new Trainer().resume(run, QUIET, new CancellationToken()).steps()).isEqualTo(6);
        assertThat(ours).allSatisfy(path -> assertThat(path).doesNotExist());
        assertThat(theirs).allSatisfy(path -> assertThat(path).exists());
    }

    @Test
    void damagedCheckpointFilesAreRefusedByName() throws Exception {
        Path run = dir.resolve("run");
        new Trainer().train(options(run, dataset, 1, 4, 2), QUIET, new CancellationToken());
        Path latest = run.resolve("checkpoints/step-000000004");

        Path state = latest.resolve("state.json");
        String good = Files.readString(state);
        Files.writeString(state, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> new Trainer().resume(run, QUIET, new CancellationToken()))
                .isInstanceOf(TrainingException.class).hasMessageContaining(state + " is not valid JSON")
                .hasMessageContaining("delete " + latest);
        Files.writeString(state, good.replace("\"step\" : 4", "\"step\" : 3"));
        assertThatThrownBy(() -> new Trainer().resume(run, QUIET, new CancellationToken()))
                .hasMessageContaining(state + " is for step 3");
        Files.writeString(state, good);

        Path optimizer = latest.resolve("optimizer.safetensors");
        try (RandomAccessFile file = new RandomAccessFile(optimizer.toFile(), "rw")) {
            file.setLength(file.length() - 100);
        }
        assertThatThrownBy(() -> new Trainer().resume(run, QUIET, new CancellationToken()))
                .isInstanceOf(TrainingException.class)
                .hasMessageContaining("cannot read the optimizer state " + optimizer).hasMessageContaining("truncated");

        Files.writeString(run.resolve("config.json"), "{\"format\": \"musai-run\", \"model\": ");
        assertThatThrownBy(() -> new Trainer().resume(run, QUIET, new CancellationToken()))
                .isInstanceOf(TrainingException.class).hasMessageContaining(run.resolve("config.json")
                        + " is not valid JSON");
    }

    @Test
    void tokenIdsBeyondTheVocabularyAreRefusedForTrainingAndScoring() throws Exception {
        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        try (var files = Files.list(dataset)) {
            for (Path file : files.toList()) {
                Files.copy(file, damaged.resolve(file.getFileName()));
            }
        }
        long offset;
        int bytesPerToken;
        try (BinIdxReader tokens = BinIdxReader.open(damaged.resolve("tokens"))) {
            offset = tokens.offset(1) + 5;
            bytesPerToken = (int) (Files.size(damaged.resolve("tokens.bin")) / tokens.tokenCount());
        }
        assertThat(bytesPerToken).isEqualTo(2); // uint16 ids
        try (RandomAccessFile file = new RandomAccessFile(damaged.resolve("tokens.bin").toFile(), "rw")) {
            file.seek(offset * 2);
            file.write(new byte[]{(byte) 0xFF, (byte) 0xFF});
        }
        String source;
        try (Dataset opened = Dataset.open(damaged)) {
            source = opened.manifest().files().stream().filter(f -> f.document() == 1).findFirst().orElseThrow()
                    .source();
        }
        assertThatThrownBy(() -> new Trainer().train(options(dir.resolve("run"), damaged, 1, 2, 200), QUIET,
                new CancellationToken())).isInstanceOf(TrainingException.class)
                .hasMessageContaining(damaged.resolve("tokens.bin") + ": document 1 (" + source + ") holds the id "
                        + "65535 at token 5, outside the model's vocabulary");
        assertThat(dir.resolve("run")).as("nothing is made for a refused run").doesNotExist();

        Path model = dir.resolve("model");
        new Trainer().train(options(model, dataset, 1, 2, 200), QUIET, new CancellationToken());
        assertThatThrownBy(() -> new ModelEvaluation().evaluate(model, damaged)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("holds the id 65535");
    }

    @Test
    void aRunFromBeforeTheCheckpointOptionResumesWithTheDefault() throws Exception {
        Path run = dir.resolve("run");
        CancellationToken stop = new CancellationToken();
        new Trainer().train(options(run, dataset, 1, 4, 7), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                if (metrics.step() == 2) {
                    stop.cancel();
                }
            }
        }, stop);
        Path config = run.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceAll(",\\s*\"checkpointEvery\" : 7", ""));
        assertThat(Files.readString(config)).doesNotContain("checkpointEvery");
        assertThat(new RunFolder(run).readConfig().options().checkpointEvery())
                .isEqualTo(TrainingOptions.DEFAULT_CHECKPOINT_EVERY);
        assertThat(new Trainer().resume(run, QUIET, new CancellationToken()).steps()).isEqualTo(4);
    }

    @Test
    void aMetricsRowCutShortByACrashIsDroppedOnResume() throws Exception {
        Path run = dir.resolve("run");
        CancellationToken stop = new CancellationToken();
        new Trainer().train(options(run, dataset, 1, 5, 200), new TrainingListener() {
            @Override
            public void stepped(StepMetrics metrics) {
                if (metrics.step() == 3) {
                    stop.cancel();
                }
            }
        }, stop);
        Files.writeString(run.resolve("metrics.csv"), "4,0,5.1", java.nio.file.StandardOpenOption.APPEND);
        new Trainer().resume(run, java.util.OptionalInt.of(2), QUIET, new CancellationToken(),
                new org.musai.progress.PauseGate());
        assertThat(new RunFolder(run).readHistory().steps()).extracting(RunHistory.Step::step)
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(new RunFolder(run).readHistory().unreadable()).isZero();
        assertThat(new RunFolder(run).readConfig().options().checkpointEvery()).as("the new interval is kept")
                .isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
