package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.bundledSources;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;

/** {@link FolderInspector} counts files, readable files and files per instrument class as the reader sees them. */
class FolderInspectorTest {

    @TempDir
    Path temp;

    @Test
    void bundledCorpusCountsMatchAnIndependentRead() throws Exception {
        List<SourceFile> sources = bundledSources();

        FolderInspector.Report report = new FolderInspector().inspect(sources, 2, ProgressListener.NONE,
                new CancellationToken());

        SmfReader reader = new SmfReader();
        Map<InstrumentClass, Integer> classes = new EnumMap<>(InstrumentClass.class);
        long notes = 0;
        int readable = 0;
        for (SourceFile source : sources) {
            Score score = reader.read(source.path());
            readable++;
            notes += score.noteCount();
            InstrumentFilter.classesOf(score).forEach(c -> classes.merge(c, 1, Integer::sum));
        }
        assertThat(report.files()).isEqualTo(sources.size()).isEqualTo(56);
        assertThat(report.readable()).isEqualTo(readable);
        assertThat(report.unreadable()).isEmpty();
        assertThat(report.notes()).isEqualTo(notes);
        assertThat(report.classFiles()).hasSize(17);
        for (InstrumentClass c : InstrumentClass.values()) {
            assertThat(report.classFiles().get(c.displayName())).as(c.displayName())
                    .isEqualTo(classes.getOrDefault(c, 0));
        }
        assertThat(report.lengthBeats().min()).isLessThanOrEqualTo(report.lengthBeats().median());
        assertThat(report.lengthBeats().median()).isLessThanOrEqualTo(report.lengthBeats().max());
    }

    @Test
    void readablePlusUnreadableIsEveryFile() throws Exception {
        Path folder = temp.resolve("midi");
        DatasetTestSupport.copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        Files.writeString(folder.resolve("bad.mid"), "garbage", StandardCharsets.UTF_8);

        FolderInspector.Report report = new FolderInspector().inspect(SourceFiles.find(folder, null), 1,
                ProgressListener.NONE, new CancellationToken());

        assertThat(report.files()).isEqualTo(2);
        assertThat(report.readable()).isEqualTo(1);
        assertThat(report.unreadable()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("bad.mid");
            assertThat(s.reason()).isNotBlank();
        });
        assertThat(report.classFiles().get("Piano")).isEqualTo(1);
    }

    @Test
    void malformedCorpusFinishesWithAReasonForEveryUnreadableFile() throws Exception {
        Path malformed = DatasetTestSupport.malformedCorpus().orElse(null);
        Assumptions.assumeTrue(malformed != null, "no ${musai.corpus}/malformed here");
        List<SourceFile> sources = SourceFiles.find(malformed, null);

        FolderInspector.Report report = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new FolderInspector().inspect(sources, 2, ProgressListener.NONE, new CancellationToken()));

        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(report.files()).isEqualTo(sources.size());
        assertThat(report.readable() + report.unreadable().size()).isEqualTo(report.files());
        assertThat(report.unreadable()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.reason()).isNotBlank().doesNotContain("\n"));
        SmfReader reader = new SmfReader();
        List<String> unreadable = report.unreadable().stream().map(Manifest.SkippedFile::source).toList();
        for (SourceFile source : sources) {
            boolean parses;
            try {
                reader.read(source.path());
                parses = true;
            } catch (MidiFormatException e) {
                parses = false;
            }
            assertThat(unreadable.contains(source.name())).as(source.name()).isEqualTo(!parses);
        }
    }
}
