package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code musai --help} names every subcommand and the exit codes. */
class MainHelpTest {

    @Test
    void helpListsTheSubcommands() {
        CliRunner.Result result = CliRunner.run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("tokenize", "detokenize", "inspect", "bench");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRunner.Result result = CliRunner.run("--help");

        assertThat(result.out()).contains("130", "bad input");
    }

    @Test
    void noSubcommandPrintsTheUsage() {
        CliRunner.Result result = CliRunner.run();

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Usage:", "tokenize");
    }

    @Test
    void unknownSubcommandIsBadInput() {
        CliRunner.Result result = CliRunner.run("frobnicate");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("frobnicate");
    }
}
