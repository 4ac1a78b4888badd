package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.SpecialFiles;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/**
 * A disk that fills up while a dataset is written: a clear error, the previous dataset intact, no work folder left.
 * The disk is a small tmpfs, where the test may mount one (as root); elsewhere the test is skipped.
 */
class DatasetFullDiskTest {

    /** Room for a one-file dataset, not for the bundled corpus in MMM (about 700 KB). */
    private static final String DISK_SIZE = "96k";

    @TempDir
    Path temp;
    private Path disk;
    private boolean mounted;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectories(temp.resolve("disk"));
        mounted = SpecialFiles.succeeds("mount", "-t", "tmpfs", "-o", "size=" + DISK_SIZE, "tmpfs", disk.toString());
        assumeTrue(mounted, "cannot mount a tmpfs here (needs root)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            SpecialFiles.succeeds("umount", "-l", disk.toString()); // lazily: memory-mapped token files may still be mapped
        }
    }

    @Test
    void aFullDiskKeepsThePreviousDatasetAndSaysWhy() throws Exception {
        Path out = disk.resolve("ds");
        List<SourceFile> one = bundledSources().stream().filter(s -> s.name().endsWith("Clementi.mid")).toList();
        new DatasetBuilder().build(request(one, out, Algorithm.REMI, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken());
        byte[] tokensBefore = Files.readAllBytes(out.resolve("tokens.bin"));
        byte[] manifestBefore = Files.readAllBytes(out.resolve(Manifest.FILE_NAME));

        assertThatThrownBy(() -> new DatasetBuilder().build(request(bundledSources(), out, Algorithm.MMM, noMinimum(),
                false), ProgressListener.NONE, new CancellationToken()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("writing the dataset " + out)
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("the dataset there is unchanged");

        assertThat(Files.readAllBytes(out.resolve("tokens.bin"))).isEqualTo(tokensBefore);
        assertThat(Files.readAllBytes(out.resolve(Manifest.FILE_NAME))).isEqualTo(manifestBefore);
        try (Stream<Path> left = Files.list(disk)) {
            assertThat(left).containsExactly(out);
        }
        try (Dataset reopened = Dataset.open(out)) {
            assertThat(reopened.manifest().algorithm()).isEqualTo("REMI");
        }
    }
}
