package org.musai.token.mmm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.musai.token.mmm.MmmTestSupport.TOKENIZER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.mmm.MmmTestSupport.ReadFile;

/**
 * Measures, warmed up on one thread, reading plus encoding (quantizing included) and decoding over the public
 * corpus, all files and the MAESTRO piano files alone. The times are printed, not asserted, so that a slow machine
 * cannot make the build flaky; it runs in -Pperf, as it measures and checks nothing else.
 */
@Tag("perf")
class MmmTokenizerSpeedTest {

    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 20;

    @Test
    void measuresReadEncodeAndDecodeOnThePublicCorpus() throws IOException, MidiFormatException {
        Path folder = TestCorpus.shared("public"); // skips the test when the shared corpus is absent
        List<ReadFile> files = MmmTestSupport.readAll(folder);
        List<byte[]> all = new ArrayList<>();
        List<byte[]> maestro = new ArrayList<>();
        for (ReadFile file : files) {
            byte[] bytes = Files.readAllBytes(file.path());
            all.add(bytes);
            if (file.path().getFileName().toString().startsWith("Maestro_")) {
                maestro.add(bytes);
            }
        }

        report("all files", all);
        if (!maestro.isEmpty()) {
            report("MAESTRO piano", maestro);
        }
        assertThat(all).isNotEmpty();
    }

    private static void report(String label, List<byte[]> files) throws MidiFormatException {
        SmfReader reader = new SmfReader();
        long checksum = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            checksum += pass(reader, files);
        }
        long read = 0;
        long readAndEncode = 0;
        long decode = 0;
        long tokens = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (byte[] bytes : files) {
                long start = System.nanoTime();
                Score score = reader.read(bytes);
                long parsed = System.nanoTime();
                int[] ids = TOKENIZER.encode(score);
                long encoded = System.nanoTime();
                checksum += TOKENIZER.decode(ids).score().noteCount();
                long decoded = System.nanoTime();
                read += parsed - start;
                readAndEncode += encoded - start;
                decode += decoded - encoded;
                tokens += ids.length;
            }
        }
        double runs = (double) MEASURED_ROUNDS * files.size();
        System.out.printf("MMM speed, %s (%d files, %,.0f tokens per file): read %.3f ms, read+encode %.3f ms,"
                        + " encode %.3f ms, decode %.3f ms per file (checksum %d)%n", label, files.size(),
                tokens / runs, read / runs / 1e6, readAndEncode / runs / 1e6, (readAndEncode - read) / runs / 1e6,
                decode / runs / 1e6, checksum);
    }

    /** One untimed pass of the same work, to warm the JIT up. */
    private static long pass(SmfReader reader, List<byte[]> files) throws MidiFormatException {
        long sum = 0;
        for (byte[] bytes : files) {
            int[] ids = TOKENIZER.encode(reader.read(bytes));
            sum += TOKENIZER.decode(ids).skippedTokens() + ids.length;
        }
        return sum;
    }
}
