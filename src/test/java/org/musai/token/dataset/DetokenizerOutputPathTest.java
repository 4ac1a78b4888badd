package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Detokenizer#outputPath} keeps every source name inside the output folder, as a .mid file. */
class DetokenizerOutputPathTest {

    @TempDir
    Path temp;

    @Test
    void parentReferencesCannotEscapeTheOutputFolder() {
        Path root = temp.resolve("out").toAbsolutePath().normalize();

        Path path = Detokenizer.outputPath(root, "../../etc/x.mid");

        assertThat(path.normalize()).startsWithRaw(root);
        assertThat(path.getFileName().toString()).isEqualTo("x.mid");
    }

    @Test
    void absoluteAndBackslashNamesStayInside() {
        Path root = temp.resolve("out").toAbsolutePath().normalize();

        assertThat(Detokenizer.outputPath(root, "/etc/passwd.mid").normalize()).startsWithRaw(root);
        assertThat(Detokenizer.outputPath(root, "..\\..\\evil.mid").normalize()).startsWithRaw(root);
        assertThat(Detokenizer.outputPath(root, "a/../../../b.mid").normalize()).startsWithRaw(root);
        assertThat(Detokenizer.outputPath(root, "..").normalize()).startsWithRaw(root);
    }

    @Test
    void relativeNamesKeepTheirFoldersAndBecomeMid() {
        Path root = temp.resolve("out").toAbsolutePath().normalize();

        assertThat(Detokenizer.outputPath(root, "jazz/blue.MIDI")).isEqualTo(root.resolve("jazz/blue.mid"));
        assertThat(Detokenizer.outputPath(root, "midly/Beethoven.rmi")).isEqualTo(root.resolve("midly/Beethoven.mid"));
        assertThat(Detokenizer.outputPath(root, "v1.2/song")).isEqualTo(root.resolve("v1.2/song.mid"));
    }
}
