package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nonsense on the command line gets one clear line and exit 2, checked before any model is loaded or file touched:
 * each case also names a model folder that does not exist, which would be the error if the model came first.
 */
class CliArgumentsTest {

    @TempDir
    Path dir;

    private CliRunner.Result generate(Object... args) {
        Object[] all = new Object[args.length + 5];
        all[0] = "generate";
        all[1] = "-M";
        all[2] = dir.resolve("no-model");
        all[3] = "-o";
        all[4] = dir.resolve("out.mid");
        System.arraycopy(args, 0, all, 5, args.length);
        return CliRunner.run(all);
    }

    private static void refused(CliRunner.Result result, String... parts) {
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines().findFirst().orElse("")).startsWith("musai: ").contains(parts);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Usage:");
    }

    @Test
    void valuesOutOfRangeNameTheOptionTheRangeAndWhatWasTyped() {
        refused(generate("--bars", "-1"), "--bars", "1-1024", "-1");
        refused(generate("--tempo", "0"), "--tempo", "20-300", "not 0");
        refused(generate("--temperature", "3"), "--temperature", "0.1-2", "not 3");
        refused(generate("--top-p", "0"), "--top-p", "not 0");
        refused(generate("--variations", "0"), "--variations");
        refused(generate("--time-signature", "4-4"), "time signature", "4-4");
        refused(CliRunner.run("eval", "--bars", "-1", dir), "--bars", "-1");
        refused(CliRunner.run("bench", "generate", "--layers", "-1"), "--layers", "-1");
        refused(CliRunner.run("render", dir.resolve("x.mid"), "-o", dir.resolve("x.wav"), "--max-minutes", "0"),
                "--max-minutes");
    }

    @Test
    void anUnknownInstrumentClassNamesTheValidRangeInOneLine() {
        CliRunner.Result result = generate("--classes", "99");
        refused(result, "--classes", "0-16", "99");
        assertThat(result.err().lines()).hasSize(2); // the reason, then where to find the options
        assertThat(result.err()).contains("musai generate --help");
    }

    @Test
    void infillRangesAreEchoedAsTyped() {
        Path song = CliRunner.bundledCorpus().resolve("midly/Clementi.mid");
        refused(generate("--infill", "--primer", song, "--bars-range", "5-2"), "--bars-range 5-2", "after the last",
                "2-5");
        refused(generate("--infill", "--primer", song, "--bars-range", "0-2"), "counted from 1");
        refused(generate("--infill", "--primer", song, "--bars-range", "x"), "'x'");
        refused(generate("--infill", "--bars-range", "1-2"), "--primer");
    }

    @Test
    void aWavFileAsPrimerIsCalledAudioAndBinaryJunkIsNamed() throws Exception {
        Path wav = dir.resolve("take.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' '});
        refused(generate("--primer", wav), "take.wav", "audio file, not MIDI");
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFE, 0x01});
        refused(generate("--primer", junk), "junk.bin", "neither a MIDI file nor a token file");
        refused(generate("--primer", dir.resolve("missing.mid")), "missing.mid", "no such file");
    }

    @Test
    void theModelIsCheckedAfterTheValuesAndNamed() {
        refused(generate(), "-M", "no-model", "no such folder");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRunner.Result result = generate("--tempo", "0", "--verbose");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--tempo").contains("\tat ");
    }
}
