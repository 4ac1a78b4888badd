package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.midi.SmfReader;
import org.musai.token.dataset.Dataset;
import org.musai.token.dataset.Manifest;

/** {@code musai detokenize} writes one MIDI file per document, named after its source. */
class DetokenizeCommandTest {

    @TempDir
    Path temp;

    @Test
    void writesAParsableMidiFileForEverySource() throws Exception {
        Path ds = temp.resolve("ds");
        assertThat(CliRunner.run("tokenize", "-m", CliRunner.bundledCorpus(), "-t", ds, "-l", "0", "-b").exit())
                .isZero();
        Path back = temp.resolve("back");

        CliRunner.Result result = CliRunner.run("detokenize", "-t", ds, "-o", back);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote 52 MIDI files", "(0 tokens could not be placed)");
        SmfReader reader = new SmfReader();
        try (Dataset dataset = Dataset.open(ds)) {
            for (Manifest.UsedFile file : dataset.manifest().files()) {
                Path written = back.resolve(file.source().replaceFirst("\\.[^./]*$", "") + ".mid");
                int decodedNotes = dataset.codec().decode(dataset.document(file.document())).score().noteCount();
                assertThat(written).as(file.source()).isRegularFile();
                assertThat(reader.read(written).noteCount()).as(file.source()).isEqualTo(decodedNotes);
            }
        }
        try (Stream<Path> walk = Files.walk(back)) {
            assertThat(walk.filter(Files::isRegularFile)).hasSize(52)
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).endsWith(".mid"));
        }
        assertThat(back.resolve("midly/Beethoven.mid")).isRegularFile();
    }

    @Test
    void missingDatasetIsBadInputAndWritesNothing() {
        Path back = temp.resolve("back");

        CliRunner.Result result = CliRunner.run("detokenize", "-t", temp.resolve("nothing"), "-o", back);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("no dataset folder").contains(temp.resolve("nothing").toString());
        assertThat(back).doesNotExist();
    }

    @Test
    void folderThatIsNotADatasetIsBadInput() throws Exception {
        Path notDataset = Files.createDirectories(temp.resolve("plain"));

        CliRunner.Result result = CliRunner.run("detokenize", "-t", notDataset, "-o", temp.resolve("back"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("not a MusAI dataset");
    }
}
