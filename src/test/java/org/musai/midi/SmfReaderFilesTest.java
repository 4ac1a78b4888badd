package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.musai.midi.SmfReaderTest.concat;
import static org.musai.midi.SmfReaderTest.header;
import static org.musai.midi.SmfReaderTest.track;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.musai.SpecialFiles;
import org.musai.TestCorpus;

/** What the reader does with paths that are not plain MIDI files: each is refused with its reason, none hangs. */
class SmfReaderFilesTest {

    /** Opening a FIFO would wait for a writer for ever; the guard turns such a hang into a failure. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final SmfReader reader = new SmfReader();

    @Test
    void folderNamedLikeAMidiFileIsRefused() throws IOException {
        assertRefused(Files.createDirectory(temp.resolve("x.mid")), "a folder, not a file");
    }

    @Test
    void fifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = temp.resolve("x.mid");
        Assumptions.assumeTrue(SpecialFiles.makeFifo(fifo), "mkfifo is not available here");

        assertTimeoutPreemptively(HANG_GUARD, () -> assertRefused(fifo, "a FIFO (named pipe), not a regular file"));
    }

    @Test
    void characterDeviceIsRefusedWithoutBeingRead() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");

        assertTimeoutPreemptively(HANG_GUARD, () -> assertRefused(zero, "a character device, not a regular file"));
    }

    @Test
    void danglingLinkAndLinkLoopAreRefusedByName() throws IOException {
        Path dangling = Files.createSymbolicLink(temp.resolve("dangling.mid"), temp.resolve("gone.mid"));
        Path loop = Files.createSymbolicLink(temp.resolve("loop.mid"), temp.resolve("loop.mid"));

        assertRefused(dangling, "dangling symbolic link");
        assertRefused(loop, "symbolic link loop");
        assertThatThrownBy(() -> reader.read(temp.resolve("missing.mid"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("missing.mid");
    }

    @Test
    void linkToAMidiFileIsRead() throws Exception {
        Path real = Files.copy(TestCorpus.bundled().resolve("midly/Clementi.mid"), temp.resolve("clementi.mid"));
        Path link = Files.createSymbolicLink(temp.resolve("link.mid"), real);

        assertThat(reader.read(link).noteCount()).isEqualTo(reader.read(real).noteCount()).isPositive();
    }

    @Test
    void twoHundredMegabytesOfRandomBytesAreRefusedBySizeBeforeReading() throws IOException {
        Path big = temp.resolve("big.mid");
        byte[] start = new byte[1 << 20];
        new Random(7).nextBytes(start);
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(start);
            file.setLength(200L << 20); // the rest is a hole: 200 MB without writing them
        }

        assertRefused(big, "file is 209715200 bytes, over the limit of " + SmfReader.MAX_FILE_BYTES);
    }

    @Test
    void emptyTextRmidAndTypeTwoFiles() throws Exception {
        assertRefused(Files.write(temp.resolve("empty.mid"), new byte[0]), "empty file");
        assertRefused(Files.writeString(temp.resolve("page.mid"), "<html>not found</html>"), "no MThd header");
        byte[] typeTwo = concat(header(2, 1, 96), track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0));
        assertRefused(Files.write(temp.resolve("patterns.mid"), typeTwo), "SMF type 2 is not supported");
        assertThat(reader.read(TestCorpus.bundled().resolve("midly/Beethoven.rmi")).noteCount()).isEqualTo(10423);
    }

    @Test
    void fileWithoutReadPermissionIsRefused() throws IOException {
        Path locked = Files.write(temp.resolve("locked.mid"), concat(header(0, 1, 96),
                track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0)));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads whatever the permissions say, so there the refusal cannot be seen: only then is it skipped
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions do not stop reading");

        assertRefused(locked, "permission denied");
    }

    private void assertRefused(Path file, String reason) {
        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(MidiFormatException.class)
                .hasMessageContaining(reason).message().doesNotContain("\n");
    }
}
