package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.leftovers;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;
import static org.musai.token.dataset.DatasetTestSupport.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/** A build that fails or is cancelled leaves the old dataset, or nothing, never half of one. */
class DatasetFailureTest {

    @TempDir
    Path temp;

    @Test
    void zeroUsableFilesFailsAndLeavesNoFolder() throws Exception {
        Path out = temp.resolve("ds");
        InstrumentFilter tooLong = new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), 100_000, false);
        List<SourceFile> sources = bundledSources();

        assertThatThrownBy(() -> new DatasetBuilder().build(request(sources, out, Algorithm.REMI, tooLong, false),
                ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("none of the " + sources.size() + " files")
                .hasMessageContaining("too short");
        assertThat(out).doesNotExist();
        assertThat(leftovers(temp, "ds")).isEmpty();
    }

    @Test
    void noSourcesAtAllFailsWithoutWriting() {
        Path out = temp.resolve("ds");

        assertThatThrownBy(() -> new DatasetBuilder().build(request(List.of(), out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("no MIDI files");
        assertThat(out).doesNotExist();
    }

    @Test
    void cancellingAfterTheThirdFileLeavesNoFolder() throws Exception {
        Path out = temp.resolve("ds");
        CancellationToken cancel = new CancellationToken();
        AtomicLong lastDone = new AtomicLong();

        assertThatThrownBy(() -> new DatasetBuilder().build(
                request(bundledSources(), out, Algorithm.REMI, noMinimum(), false),
                cancelAfterThird(cancel, lastDone), cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(lastDone.get()).isEqualTo(3);
        assertThat(out).doesNotExist();
        assertThat(leftovers(temp, "ds")).isEmpty();
        try (var entries = Files.list(temp)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void cancelledRebuildLeavesTheExistingDatasetUnchanged() throws Exception {
        Path out = temp.resolve("ds");
        List<SourceFile> sources = bundledSources();
        new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken());
        Map<String, byte[]> before = snapshot(out);
        CancellationToken cancel = new CancellationToken();

        assertThatThrownBy(() -> new DatasetBuilder().build(request(sources, out, Algorithm.MMM, noMinimum(), true),
                cancelAfterThird(cancel, new AtomicLong()), cancel))
                .isInstanceOf(CancelledException.class);

        Map<String, byte[]> after = snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(leftovers(temp, "ds")).isEmpty();
        try (Dataset dataset = Dataset.open(out)) {
            assertThat(dataset.manifest().algorithm()).isEqualTo("REMI");
        }
    }

    @Test
    void rebuildReplacesAnExistingDatasetWhole() throws Exception {
        Path out = temp.resolve("ds");
        List<SourceFile> sources = bundledSources();
        new DatasetBuilder().build(request(sources, out, Algorithm.REMI, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken());

        new DatasetBuilder().build(request(sources, out, Algorithm.MMM, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken());

        try (Dataset dataset = Dataset.open(out)) {
            assertThat(dataset.manifest().algorithm()).isEqualTo("MMM");
        }
        assertThat(leftovers(temp, "ds")).isEmpty();
    }

    @Test
    void cancellingOnOneThreadAfterTheThirdFileLeavesNoFolder() throws Exception {
        Path out = temp.resolve("ds");
        CancellationToken cancel = new CancellationToken();
        AtomicLong lastDone = new AtomicLong();
        DatasetRequest oneThread = new DatasetRequest(bundledSources(), out,
                org.musai.token.TokenizerConfig.defaults(Algorithm.REMI), noMinimum(), false, 0, 1);

        assertThatThrownBy(() -> new DatasetBuilder().build(oneThread, cancelAfterThird(cancel, lastDone), cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(lastDone.get()).isEqualTo(3);
        assertThat(out).doesNotExist();
        assertThat(leftovers(temp, "ds")).isEmpty();
    }

    @Test
    void applyBpeBelowTheBaseVocabularyFailsAndLeavesTheDatasetUnchanged() throws Exception {
        Path out = temp.resolve("ds");
        new DatasetBuilder().build(request(bundledSources(), out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());
        Map<String, byte[]> before = snapshot(out);

        assertThatThrownBy(() -> new DatasetBuilder().applyBpe(out, 10, 2, ProgressListener.NONE,
                new CancellationToken()))
                .isInstanceOf(DatasetException.class).hasMessageContaining("below the base vocabulary");

        Map<String, byte[]> after = snapshot(out);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
        assertThat(leftovers(temp, "ds")).isEmpty();
    }

    @Test
    void datasetWhoseManifestBelongsToAnotherTokenizerIsRefused() throws Exception {
        Path out = temp.resolve("ds");
        new DatasetBuilder().build(request(bundledSources(), out, Algorithm.REMI, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken());
        Path manifest = out.resolve(Manifest.FILE_NAME);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("\"tokenizerHash\" : \"sha256:[0-9a-f]+\"",
                "\"tokenizerHash\" : \"sha256:" + "0".repeat(64) + "\""));

        assertThatThrownBy(() -> Dataset.open(out)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("different datasets");
    }

    @Test
    void outputFolderThatIsNotADatasetKeepsItsFiles() throws Exception {
        Path out = Files.createDirectories(temp.resolve("my-music"));
        Files.writeString(out.resolve("todo.txt"), "keep me");

        try {
            new DatasetBuilder().build(request(bundledSources(), out, Algorithm.REMI, noMinimum(), false),
                    ProgressListener.NONE, new CancellationToken());
        } catch (DatasetException e) {
            // refusing to replace a folder that is not a dataset is a fine answer
        }

        assertThat(out.resolve("todo.txt")).hasContent("keep me");
    }

    /** A listener that cancels once the third file is done, and records the last count it heard. */
    private static ProgressListener cancelAfterThird(CancellationToken cancel, AtomicLong lastDone) {
        return new ProgressListener() {
            @Override
            public void advanced(long done, long total, long failed) {
                lastDone.set(done);
                if (done == 3) {
                    cancel.cancel();
                }
            }
        };
    }
}
