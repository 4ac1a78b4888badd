package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code musai bench tokenize --json} prints one JSON line of positive figures. */
class BenchTokenizeCommandTest {

    @TempDir
    Path temp;

    @Test
    void jsonLineHasEveryFigure() throws Exception {
        Path small = temp.resolve("small");
        Files.createDirectories(small);
        for (String name : List.of("midly/Clementi.mid", "muspy/fur-elise.mid", "music21/test02.mid")) {
            Files.copy(CliRunner.bundledCorpus().resolve(name), small.resolve(Path.of(name).getFileName()));
        }
        Files.writeString(small.resolve("junk.mid"), "not MIDI", StandardCharsets.UTF_8);
        CliRunner.Result result = CliRunner.run("bench", "tokenize", "-m", small, "--json", "--threads", "2",
                "--seconds", "0.05");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("files").asInt()).isEqualTo(3);
        assertThat(json.at("/left_out/0/file").asText()).isEqualTo("junk.mid");
        assertThat(json.at("/left_out/0/reason").asText()).startsWith("unreadable");
        assertThat(json.get("speedup_by_round").size()).isEqualTo(3);
        assertThat(json.at("/load/cores").asInt()).isPositive();
        assertThat(json.get("threads").asInt()).isEqualTo(2);
        for (String key : List.of("parse_ms_per_file", "remi_ms_per_file", "mmm_ms_per_file",
                "files_per_s_all_threads")) {
            assertThat(json.has(key)).as(key).isTrue();
            assertThat(json.get(key).asDouble()).as(key).isPositive();
        }
    }

    @Test
    void folderWithoutReadableFilesIsBadInput() throws Exception {
        Files.writeString(temp.resolve("junk.mid"), "not MIDI", StandardCharsets.UTF_8);

        CliRunner.Result result = CliRunner.run("bench", "tokenize", "-m", temp, "--json");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no readable MIDI files").contains("junk.mid");
    }
}
