package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.SpecialFiles;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.FolderInspector;
import org.musai.token.dataset.Manifest;
import org.musai.token.dataset.SourceFiles;

/**
 * {@code musai inspect} and {@code musai tokenize} on a folder of broken entries: both finish with exit 0, name every
 * skipped entry with its reason, list the damaged file, and show what quantization lost.
 */
class MalformedInputReportTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private Path folder;
    private boolean withFifo;

    @BeforeEach
    void makeFolder() throws Exception {
        folder = Files.createDirectories(temp.resolve("midi"));
        Files.copy(CliRunner.bundledCorpus().resolve("midly/Clementi.mid"), folder.resolve("good.mid"));
        byte[] oneNote = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96, 'M', 'T', 'r', 'k', 0, 0, 0, 12,
            0x00, (byte) 0x90, 60, 100, 0x60, (byte) 0x80, 60, 0, 0x00, (byte) 0xFF, 0x2F, 0x00};
        byte[] damaged = Arrays.copyOf(oneNote, oneNote.length + 10);
        damaged[oneNote.length] = 0x01; // not a chunk id: junk after the track
        Files.write(folder.resolve("damaged.mid"), damaged);
        Files.write(folder.resolve("empty.mid"), new byte[0]);
        Files.createDirectory(folder.resolve("folder.mid"));
        withFifo = SpecialFiles.makeFifo(folder.resolve("pipe.mid"));
    }

    @Test
    void inspectTextNamesEveryUnreadableEntryAndTheDamagedFile() {
        CliRunner.Result result = assertTimeoutPreemptively(HANG_GUARD, () -> CliRunner.run("inspect", folder));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 readable", "damaged, read up to the damage (1):",
                "  damaged.mid: junk instead of a chunk at offset 34; the rest of the file is ignored",
                "  empty.mid: empty file", "  folder.mid: a folder, not a file",
                "tokenizing with the default settings: ");
        assertThat(result.out()).containsPattern("unreadable \\(" + (withFifo ? 3 : 2) + "\\):");
        if (withFifo) {
            assertThat(result.out()).contains("  pipe.mid: a FIFO (named pipe), not a regular file");
        }
    }

    @Test
    void inspectJsonCarriesTheSameReport() throws Exception {
        FolderInspector.Report report = new FolderInspector().inspect(SourceFiles.find(folder, null), 1,
                ProgressListener.NONE, new CancellationToken());

        CliRunner.Result result = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRunner.run("inspect", folder, "--json"));

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        Map<String, String> unreadable = new HashMap<>();
        json.get("unreadable").forEach(f -> unreadable.put(f.get("source").asText(), f.get("reason").asText()));
        Map<String, String> expected = new HashMap<>();
        report.unreadable().forEach(f -> expected.put(f.source(), f.reason()));
        assertThat(unreadable).isEqualTo(expected).containsKeys("empty.mid", "folder.mid");
        assertThat(json.get("damaged").get(0).get("source").asText()).isEqualTo("damaged.mid");
        assertThat(json.get("loss").get("outOfPitchRange").asLong()).isEqualTo(report.loss().outOfPitchRange());
        assertThat(json.get("loss").get("sameOnsetMerged").asLong()).isEqualTo(report.loss().sameOnsetMerged());
        assertThat(json.get("loss").size()).isEqualTo(7);
    }

    @Test
    void tokenizeListsTheSkippedTheDamagedAndTheLoss() throws Exception {
        Path ds = temp.resolve("ds");

        CliRunner.Result result = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRunner.run("tokenize", "-m", folder, "-t", ds, "-l", "0"));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Tokenized 2 of " + (withFifo ? 5 : 4) + " files",
                "  quantization: ", "  damaged, tokenized up to the damage: 1",
                "    damaged.mid: junk instead of a chunk", "    empty.mid: unreadable: empty file",
                "    folder.mid: unreadable: a folder, not a file");
        try (Dataset dataset = Dataset.open(ds)) {
            Manifest manifest = dataset.manifest();
            assertThat(result.out()).contains("  quantization: " + manifest.loss().describe());
            assertThat(manifest.files()).filteredOn(f -> f.source().equals("damaged.mid")).singleElement()
                    .satisfies(f -> assertThat(f.warnings()).hasSize(1));
        }
    }
}
