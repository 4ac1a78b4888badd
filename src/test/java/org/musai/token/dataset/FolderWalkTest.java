package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.SpecialFiles;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/**
 * A folder that cannot be read is named with its reason, and the walk goes on: neither {@code inspect} nor
 * {@code tokenize} ends with an internal error. Root reads any folder, so where the tests run as root the failure
 * is also given to the walk directly.
 */
class FolderWalkTest {

    @TempDir
    Path temp;

    private Path locked;

    @AfterEach
    void unlock() throws Exception {
        if (locked != null) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------")); // so it can be deleted
        }
    }

    @Test
    void folderWithoutPermissionsIsListedAsUnreadableAndTheRestIsFound() throws Exception {
        Path folder = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "locked/inner.mid");
        locked = folder.resolve("locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

        List<SourceFile> found = SourceFiles.find(folder, null);

        assertThat(found).extracting(SourceFile::name).contains("good.mid");
        Assumptions.assumeFalse(SpecialFiles.permissionsDoNotStopReading(temp),
                "running as root, which reads the folder anyway: walkFailuresBecomeEntriesWithTheirReason covers it");
        assertThat(found).contains(new SourceFile(locked, "locked/", "folder cannot be read: permission denied"))
                .extracting(SourceFile::name).doesNotContain("locked/inner.mid");
    }

    @Test
    void walkFailuresBecomeEntriesWithTheirReason() throws Exception {
        Path root = Files.createDirectories(temp.resolve("midi"));
        Path sub = Files.createDirectory(root.resolve("sub"));
        FolderWalk walk = new FolderWalk(root, SourceFiles.DEFAULT_GLOB);

        walk.visitFileFailed(sub, new AccessDeniedException(sub.toString()));
        walk.visitFileFailed(root.resolve("a.mid"), new FileSystemLoopException(root.resolve("a.mid").toString()));
        walk.postVisitDirectory(root, new java.io.IOException("Input/output error"));

        assertThat(walk.found()).containsExactly(
                new SourceFile(sub, "sub/", "folder cannot be read: permission denied"),
                new SourceFile(root.resolve("a.mid"), "a.mid", "cannot be read: symbolic link loop"),
                new SourceFile(root, "midi/", "folder could not be read to the end: Input/output error"));
    }

    @Test
    void sourcesWithAProblemAreSkippedWithItInTheManifestAndTheReport() throws Exception {
        Path good = copy(bundledCorpus().resolve("midly/Clementi.mid"), temp, "midi/good.mid");
        SourceFile unreadable = new SourceFile(temp.resolve("midi/locked"), "locked/",
                "folder cannot be read: permission denied");
        List<SourceFile> sources = List.of(new SourceFile(good, "good.mid"), unreadable);

        Manifest manifest = new DatasetBuilder().build(request(sources, temp.resolve("ds"), Algorithm.REMI,
                noMinimum(), false), ProgressListener.NONE, new CancellationToken());
        FolderInspector.Report report = new FolderInspector().inspect(sources, 1, ProgressListener.NONE,
                new CancellationToken());

        assertThat(manifest.skipped()).containsExactly(new Manifest.SkippedFile("locked/",
                "unreadable: folder cannot be read: permission denied"));
        assertThat(report.unreadable()).containsExactly(new Manifest.SkippedFile("locked/",
                "folder cannot be read: permission denied"));
        assertThat(report.readable()).isEqualTo(1);
    }
}
