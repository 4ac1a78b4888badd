package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.musai.midi.InstrumentClass;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.dataset.FolderInspector;
import org.musai.token.dataset.SourceFiles;

/** {@code musai inspect} prints what {@link FolderInspector} finds, as text or as one JSON object. */
class InspectCommandTest {

    @Test
    void jsonMatchesFolderInspector() throws Exception {
        FolderInspector.Report report = new FolderInspector().inspect(
                SourceFiles.find(CliRunner.bundledCorpus(), null), 2, ProgressListener.NONE, new CancellationToken());

        CliRunner.Result result = CliRunner.run("inspect", CliRunner.bundledCorpus(), "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.isObject()).isTrue();
        assertThat(json.get("files").asInt()).isEqualTo(report.files()).isEqualTo(56);
        assertThat(json.get("readable").asInt()).isEqualTo(report.readable());
        assertThat(json.get("notes").asLong()).isEqualTo(report.notes());
        for (Map.Entry<String, Integer> entry : report.classFiles().entrySet()) {
            assertThat(json.get("classFiles").get(entry.getKey()).asInt()).as(entry.getKey())
                    .isEqualTo(entry.getValue());
        }
        assertThat(json.get("classFiles").size()).isEqualTo(17);
    }

    @Test
    void textListsTheSeventeenClasses() {
        CliRunner.Result result = CliRunner.run("inspect", CliRunner.bundledCorpus());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("56 files, 56 readable");
        for (InstrumentClass c : InstrumentClass.values()) {
            assertThat(result.out()).containsPattern("(?m)^\\s*" + c.number() + " " + c.displayName() + "\\s+\\d+$");
        }
    }

    @Test
    void oneFileListsItsTracksAsInfillCountsThem() {
        CliRunner.Result result = CliRunner.run("inspect",
                CliRunner.bundledCorpus().resolve("freedoom/freedoom1_D_E1M2.mid"));

        assertThat(result.exit()).as(result.err()).isZero();
        // as the JDK's reader sees the file: the bass enters at tick 3072 of 96 per quarter (bar 9 of 4/4) and is
        // last released at 24455 (bar 64)
        assertThat(result.out()).containsPattern("(?m)^\\s*3 'BooBass \\(MIDI\\)'\\s+Bass, program 33, 49 notes, "
                + "bars 9-64$");
        assertThat(result.out()).containsPattern("(?m)^\\s*2 'FPC \\(MIDI\\)'\\s+Drums");
    }

    @Test
    void missingFolderIsBadInput() {
        CliRunner.Result result = CliRunner.run("inspect", "/no/such/folder/anywhere");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("/no/such/folder/anywhere");
    }
}
