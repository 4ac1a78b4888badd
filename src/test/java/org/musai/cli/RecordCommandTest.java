package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code musai record} refuses what it cannot record, in one line and with exit code 2, and writes nothing. */
class RecordCommandTest {

    @TempDir
    Path dir;

    @Test
    void anInputThatIsNotThereIsNamedWithThoseThatAre() {
        CliRunner.Result result = CliRunner.run("record", "--input", "no such keyboard", "-o", dir.resolve("t.mid"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no MIDI input named 'no such keyboard'").contains("connected inputs")
                .hasLineCount(1);
        assertThat(dir.resolve("t.mid")).doesNotExist();
    }

    @Test
    void badSettingsAreRefusedBeforeAnyInputIsOpened() {
        Object[][] cases = {
            {"--bars", "0", "record 1-256 bars"},
            {"--tempo", "1000", "tempo must be 20-400"},
            {"--count-in", "9", "count in 0-4 bars"},
            {"--meter", "4-4", "4-4"},
        };
        for (Object[] c : cases) {
            CliRunner.Result result = CliRunner.run("record", c[0], c[1], "--input", "no such keyboard", "-o",
                    dir.resolve("t.mid"));
            assertThat(result.exit()).as("%s %s", c[0], c[1]).isEqualTo(2);
            assertThat(result.err()).contains((String) c[2]).hasLineCount(1);
        }
        assertThat(dir.resolve("t.mid")).doesNotExist();
    }

    @Test
    void portsListsTheInputsOnRequest() {
        CliRunner.Result result = CliRunner.run("ports", "--inputs");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(String.join(System.lineSeparator(),
                new org.musai.audio.MidiRecorder().inputPorts().isEmpty() ? java.util.List.of("No MIDI inputs.")
                        : new org.musai.audio.MidiRecorder().inputPorts()) + System.lineSeparator());
    }
}
