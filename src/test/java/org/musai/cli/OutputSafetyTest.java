package org.musai.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.musai.SpecialFiles;

/**
 * Every command that writes refuses an output path that is a FIFO, a device or a symbolic link (to either), or whose
 * parent folder is missing, with exit 2 and a message, before it writes anything, and leaves the node as it was.
 */
class OutputSafetyTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private Path fifo;
    private Path linkToFifo;
    private Path linkToDevNull;
    private Path device;

    @BeforeEach
    void makeNodes() throws Exception {
        fifo = dir.resolve("fifo");
        assertThat(SpecialFiles.makeFifo(fifo)).as("mkfifo").isTrue();
        linkToFifo = Files.createSymbolicLink(dir.resolve("link-to-fifo"), fifo);
        linkToDevNull = Files.createSymbolicLink(dir.resolve("link-to-null"), Path.of("/dev/null"));
        // a character device of our own (the same numbers as /dev/null), where the test may make one (root)
        Path node = dir.resolve("chardev");
        device = SpecialFiles.succeeds("mknod", node.toString(), "c", "1", "3") ? node : null;
    }

    @AfterEach
    void removeTheLinkOutOfTheTempFolder() throws IOException {
        Files.deleteIfExists(linkToDevNull); // JUnit warns about links that leave its folder
    }

    /** Each command that writes a file or folder, with its output at the end of the arguments. */
    static Stream<List<Object>> writers() {
        Path song = CliRunner.bundledCorpus().resolve("midly/Clementi.mid");
        return Stream.of(
                List.of("generate", "--bars", "2", "-o"),
                List.of("generate", "--bars", "2", "--variations", "2", "-o"),
                List.of("generate", "--bars", "2", "-o", "ok.mid", "--wav"),
                List.of("render", song, "-o"),
                List.of("record", "--input", "no such keyboard", "-o"),
                List.of("tokenize", "-m", CliRunner.bundledCorpus().resolve("midly"), "-l", "0", "-t"),
                List.of("detokenize", "-t", CliRunner.bundledCorpus(), "-o"),
                List.of("train", "-t", CliRunner.bundledCorpus(), "-e", "16", "-n", "1", "-o"));
    }

    @ParameterizedTest
    @MethodSource("writers")
    void refusesDevicesFifosAndLinksAndLeavesThemAlone(List<Object> command) throws Exception {
        List<Path> targets = new ArrayList<>(List.of(fifo, linkToFifo, linkToDevNull));
        if (device != null) {
            targets.add(device);
        }
        for (Path target : targets) {
            BasicFileAttributes before = attributes(target);
            CliRunner.Result result = runIn(command, target);
            assertThat(result.exit()).as("%s onto %s: %s", command, target, result.err()).isEqualTo(2);
            assertThat(result.err()).as("one line naming the path").contains(target.getFileName().toString())
                    .containsAnyOf("FIFO", "symbolic link").doesNotContain("Exception").hasLineCount(1);
            BasicFileAttributes after = attributes(target);
            assertThat(after.fileKey()).as("the same node").isEqualTo(before.fileKey());
            assertThat(after.isOther()).isEqualTo(before.isOther());
            assertThat(after.isSymbolicLink()).isEqualTo(before.isSymbolicLink());
        }
        assertThat(attributes(Path.of("/dev/null")).isOther()).as("/dev/null is still a device").isTrue();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("nothing written beside them").containsExactlyInAnyOrderElementsOf(targets);
        }
    }

    @ParameterizedTest
    @MethodSource("writers")
    void refusesAMissingParentFolderAndCreatesNothing(List<Object> command) {
        Path missing = dir.resolve("no-such-folder").resolve("deeper").resolve("out.mid");
        CliRunner.Result result = runIn(command, missing);
        assertThat(result.exit()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist; create it first").hasLineCount(1);
        assertThat(dir.resolve("no-such-folder")).doesNotExist();
    }

    private CliRunner.Result runIn(List<Object> command, Path output) {
        List<Object> args = new ArrayList<>(command);
        int ok = args.indexOf("ok.mid");
        if (ok >= 0) {
            args.set(ok, dir.resolve("ok.mid")); // the MIDI file is fine, the WAV beside it is the bad one
        }
        args.add(output);
        return CliRunner.run(args.toArray());
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    @org.junit.jupiter.api.Test
    void theCharacterDeviceCaseRunsWhereTheTestMayMakeOne() {
        assumeTrue(device != null, "mknod needs root; the FIFO and link cases still ran");
        assertThat(device).exists();
    }
}
