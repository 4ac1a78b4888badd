package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code musai --help} names every subcommand and the exit codes; {@code --version} what is installed. */
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

    /** The version, the engine and where it computes, both shipped models with their tokens, and the licence. */
    @Test
    void versionSaysWhatThisInstallationIs() {
        CliRunner.Result result = CliRunner.run("--version");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("MusAI Studio 0.1.0", "DJL 0.33.0", "PyTorch 2.5.1", "the CPU",
                "default (REMI, 4.2 M parameters)", "default-mmm (MMM, 4.2 M parameters)", "Licence: MIT");
    }

    /** A new account's first use of Java preferences (Gervill reads them) logs nothing on a normal run. */
    @Test
    void theJdksPreferencesChatterIsKeptOffTheConsole() {
        Main.newCommandLine();

        assertThat(java.util.logging.Logger.getLogger("java.util.prefs").isLoggable(java.util.logging.Level.INFO))
                .isFalse();
        assertThat(java.util.logging.Logger.getLogger("java.util.prefs")
                .isLoggable(java.util.logging.Level.WARNING)).isTrue();
    }
}
