package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/** Files that cannot be read are skipped with a one-line reason in the manifest, and the rest still build. */
class DatasetCorruptFilesTest {

    @TempDir
    Path temp;

    @Test
    void garbageFilesAreSkippedWithTheirReason() throws Exception {
        Path folder = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        Files.write(folder.resolve("garbage.mid"), "this is not MIDI at all\n\u0000\u0001".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("empty.mid"), new byte[0]);
        byte[] truncated = Files.readAllBytes(bundledCorpus().resolve("midly/Clementi.mid"));
        Files.write(folder.resolve("truncated.mid"), java.util.Arrays.copyOf(truncated, 10));

        Manifest manifest = build(folder);

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).containsExactly("good.mid");
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::source)
                .containsExactlyInAnyOrder("garbage.mid", "empty.mid", "truncated.mid");
        assertThat(manifest.skipped()).allSatisfy(s -> {
            assertThat(s.reason()).startsWith("unreadable: ").doesNotContain("\n").doesNotContain("\r");
            assertThat(s.reason().length()).isGreaterThan("unreadable: ".length());
        });
        assertThat(manifest.skipped()).filteredOn(s -> s.source().equals("garbage.mid"))
                .singleElement().extracting(Manifest.SkippedFile::reason).asString().contains("MThd");
    }

    @Test
    void malformedCorpusFilesAreUsedOrSkippedWithAOneLineReason() throws Exception {
        Path malformed = DatasetTestSupport.malformedCorpus().orElse(null);
        Assumptions.assumeTrue(malformed != null, "no ${musai.corpus}/malformed here");
        Path folder = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        List<String> copied = new ArrayList<>();
        for (String sub : List.of("jazzsoft/broken", "mido_testvectors", "midly")) {
            Path dir = malformed.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().toLowerCase().endsWith(".mid")).sorted().toList()) {
                    String name = sub.replace('/', '_') + "/" + file.getFileName();
                    copy(file, folder, name);
                    copied.add(name);
                }
            }
        }
        Assumptions.assumeTrue(copied.size() >= 5, "too few malformed files found");

        Manifest manifest = build(folder);

        List<String> listed = new ArrayList<>();
        manifest.files().forEach(f -> listed.add(f.source()));
        manifest.skipped().forEach(s -> listed.add(s.source()));
        assertThat(listed).containsAll(copied).hasSize(copied.size() + 1);
        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).contains("good.mid");
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::source)
                .contains("jazzsoft_broken/test-not-a-midi-file.mid", "jazzsoft_broken/test-empty-file.mid");
        assertThat(manifest.skipped()).allSatisfy(s -> assertThat(s.reason()).isNotBlank()
                .doesNotContain("\n").doesNotStartWith("failed:"));
    }

    private Manifest build(Path folder) throws Exception {
        return new DatasetBuilder().build(request(SourceFiles.find(folder, null), temp.resolve("ds"), Algorithm.REMI,
                noMinimum(), false), ProgressListener.NONE, new CancellationToken());
    }
}
