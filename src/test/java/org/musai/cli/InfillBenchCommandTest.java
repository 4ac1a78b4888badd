package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.generate.ModelBundle;

/** {@code musai bench infill} end to end with the shipped MMM model on a few corpus files. */
class InfillBenchCommandTest {

    @Test
    void fillsTheHeldOutPieceAndPrintsEveryFigure(@TempDir Path temp) throws Exception {
        Path corpus = Files.createDirectories(temp.resolve("corpus"));
        for (String name : List.of("openscore_lieder/lc5051349.mid", "openscore_lieder/lc5052792.mid",
                "openscore_lieder/lc6093956.mid", "openscore_lieder/lc6604179.mid")) {
            Files.copy(CliRunner.bundledCorpus().resolve(name), corpus.resolve(Path.of(name).getFileName()));
        }

        CliRunner.Result result = CliRunner.run("bench", "infill", "--corpus", corpus, "--fills", "1",
                "--bars-range", "3-4", "--nll-windows", "1", "--threads", "1", "--json");

        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.at("/settings/bars").asText()).isEqualTo("3-4");
        assertThat(json.at("/settings/pieces_offered").asInt()).isEqualTo(1); // 5% of four documents, at least one
        assertThat(json.at("/fills").size()).isEqualTo(1);
        String heldOut = json.at("/held_out_nll/documents/0").asText();
        assertThat(json.at("/fills/0/piece").asText()).isEqualTo(heldOut);
        assertThat(json.at("/fills/0/kept").asBoolean()).isTrue();
        assertThat(json.at("/table/kept/infill").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/table/pieces/pieces").asInt()).isEqualTo(1);
        assertThat(json.at("/table/part_notes/pieces").asDouble()).isPositive();
        assertThat(json.at("/table/scale_consistency/infill").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.at("/held_out_nll/nll_per_note").asDouble()).isPositive();
    }

    @Test
    void badValuesAndARemiModelAreOneLineAndExitTwo(@TempDir Path temp) {
        for (Object[] args : List.of(new Object[]{"--fills", "0"}, new Object[]{"--bars-range", "4-2"},
                new Object[]{"--bars-range", "x"}, new Object[]{"--corpus", temp.resolve("none")},
                new Object[]{"-M", ModelBundle.defaultModelFolder()})) {
            Object[] full = new Object[args.length + 2];
            full[0] = "bench";
            full[1] = "infill";
            System.arraycopy(args, 0, full, 2, args.length);
            CliRunner.Result result = CliRunner.run(full);
            assertThat(result.exit()).as(String.valueOf(args[1])).isEqualTo(2);
            assertThat(result.err().strip()).startsWith("musai: ").doesNotContain("\n");
        }
        assertThat(CliRunner.run("bench", "infill", "-M", ModelBundle.defaultModelFolder()).err())
                .contains("needs an MMM model");
    }
}
