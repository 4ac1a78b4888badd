package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code musai bench quality} end to end with the default model on a tiny suite and a few corpus files. */
class QualityBenchCommandTest {

    private static final List<String> SHARES = List.of("loop_lock", "huge_chord", "one_pitch_class",
            "mostly_silent", "above_range", "any_defect", "empty_fourth_beat", "copy_share", "all_requested_play",
            "requested_bar_share");

    @Test
    void judgesATinySuiteBesideTheCorpus(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        for (String name : List.of("openscore_lieder/lc5051349.mid", "openscore_lieder/lc5052792.mid",
                "openscore_lieder/lc6093956.mid", "freedoom/freedoom1_D_E1M1.mid")) {
            Files.copy(CliRunner.bundledCorpus().resolve(name), corpus.resolve(Path.of(name).getFileName()));
        }
        Files.writeString(corpus.resolve("junk.mid"), "not MIDI");

        CliRunner.Result result = CliRunner.run("bench", "quality", "--corpus", corpus, "--pieces", "1",
                "--bars", "4", "--class-sets", "0;0,4,16", "--meters", "4/4", "--nll-windows", "1", "--threads", "1",
                "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/settings/pieces_per_cell").asInt()).isEqualTo(1);
        assertThat(json.at("/settings/sampling/top_p").asDouble()).isEqualTo(0.85);
        assertThat(json.at("/settings/definitions/loop_lock").asText()).contains("4");
        assertThat(json.at("/usual_range/Piano/highest_pitch").asInt()).isBetween(60, 108);

        JsonNode training = json.at("/training");
        assertThat(training.get("files").asInt()).isEqualTo(5);
        assertThat(training.get("usable").asInt()).isEqualTo(4);
        assertThat(training.at("/left_out/0/file").asText()).isEqualTo("junk.mid");
        assertThat(training.at("/left_out/0/reason").asText()).startsWith("unreadable");
        JsonNode trainingFour = training.at("/by_bars/4");
        assertThat(trainingFour.get("pieces").asInt()).isEqualTo(4);
        assertThat(trainingFour.get("shorter").isArray()).isTrue();

        JsonNode cells = json.at("/generated/cells");
        assertThat(cells.size()).isEqualTo(2);
        for (JsonNode cell : cells) {
            assertThat(cell.get("pieces").asInt()).isEqualTo(1);
            assertThat(cell.get("skipped_tokens").asInt()).isZero();
            assertThat(cell.get("notes_per_bar").asDouble()).isPositive();
            assertThat(cell.get("defect_seeds").has("loop_lock")).isTrue();
        }
        for (JsonNode side : List.of(trainingFour, json.at("/generated/by_bars/4"))) {
            for (String key : SHARES) {
                assertThat(side.has(key)).as(key).isTrue();
                if (!side.get(key).isNull()) {
                    assertThat(side.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
                }
            }
            assertThat(side.at("/muspy/pitch_class_entropy").asDouble()).isBetween(0.0, 3.59);
            assertThat(side.get("scale_consistency").asDouble()).isBetween(0.0, 1.0);
            assertThat(side.get("polyphony").asDouble()).isPositive();
            assertThat(side.get("pitch_range").asDouble()).isEqualTo(side.at("/muspy/pitch_range").asDouble());
            assertThat(side.get("empty_beat_rate").asDouble()).isBetween(0.0, 1.0);
            assertThat(side.get("groove_consistency").asDouble()).isBetween(0.0, 1.0);
        }

        JsonNode nll = json.at("/held_out_nll");
        assertThat(nll.get("windows").asInt()).isEqualTo(1);
        assertThat(nll.get("documents").size()).isEqualTo(1); // 5% of four documents, at least one
        assertThat(nll.get("nll_per_token").asDouble()).isBetween(0.01, 10.0);
        assertThat(nll.get("nll_per_note").asDouble()).isGreaterThan(nll.get("nll_per_token").asDouble());
        assertThat(json.at("/seconds/total").asDouble()).isPositive();
    }

    @Test
    void badValuesAreOneLineAndExitTwoBeforeTheModelLoads(@TempDir Path temp) {
        for (Object[] args : List.of(new Object[]{"--pieces", "0"}, new Object[]{"--corpus", temp.resolve("none")},
                new Object[]{"--meters", "3/5"}, new Object[]{"--class-sets", "0,99"},
                new Object[]{"--bars", "0"}, new Object[]{"-M", temp.resolve("no-model")})) {
            Object[] full = new Object[args.length + 2];
            full[0] = "bench";
            full[1] = "quality";
            System.arraycopy(args, 0, full, 2, args.length);
            CliRunner.Result result = CliRunner.run(full);
            assertThat(result.exit()).as(String.join(" ", List.of(args).stream().map(String::valueOf).toList()))
                    .isEqualTo(2);
            assertThat(result.err().strip()).startsWith("musai: ").doesNotContain("\n");
        }
    }
}
