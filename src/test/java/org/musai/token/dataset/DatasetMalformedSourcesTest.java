package org.musai.token.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.musai.token.dataset.DatasetTestSupport.bundledCorpus;
import static org.musai.token.dataset.DatasetTestSupport.copy;
import static org.musai.token.dataset.DatasetTestSupport.noMinimum;
import static org.musai.token.dataset.DatasetTestSupport.request;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.musai.SpecialFiles;
import org.musai.midi.MidiFormatException;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.token.TokenizerConfig.Algorithm;

/**
 * No source ends a run: files of every kind of brokenness, and things that are not files, sit beside good files;
 * tokenize and inspect both finish, use what can be used, and name each of the rest with a one-line reason.
 */
class DatasetMalformedSourcesTest {

    /** Opening a FIFO waits for a writer for ever: a run that does so fails here instead of hanging the build. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private Path folder;
    /** The reason each broken entry must be skipped with, by name. */
    private final Map<String, String> expectedSkips = new LinkedHashMap<>();

    @BeforeEach
    void makeFolder() throws Exception {
        folder = temp.resolve("midi");
        copy(bundledCorpus().resolve("midly/Clementi.mid"), folder, "good.mid");
        copy(bundledCorpus().resolve("midly/Beethoven.rmi"), folder, "wrapped.rmi");
        Files.write(folder.resolve("division-one.mid"), divisionOneWithTheLargestDelta());
        Files.write(folder.resolve("junk-after-track.mid"), withJunkAfterTheFirstTrack());

        expect("empty.mid", Files.write(folder.resolve("empty.mid"), new byte[0]), "empty file");
        expect("page.mid", Files.writeString(folder.resolve("page.mid"), "<html>404</html>"), "no MThd header");
        expect("patterns.mid", Files.write(folder.resolve("patterns.mid"), typeTwo()), "SMF type 2");
        expect("random.mid", randomBytes(folder.resolve("random.mid"), 200L << 20), "over the limit of");
        expect("x.mid", Files.createDirectory(folder.resolve("x.mid")), "a folder, not a file");
        expect("dangling.mid", Files.createSymbolicLink(folder.resolve("dangling.mid"), folder.resolve("gone.mid")),
                "dangling symbolic link");
        expect("loop.mid", Files.createSymbolicLink(folder.resolve("loop.mid"), folder.resolve("loop.mid")),
                "symbolic link loop");
        Path fifo = folder.resolve("pipe/x.mid");
        Files.createDirectories(fifo.getParent());
        if (SpecialFiles.makeFifo(fifo)) {
            expect("pipe/x.mid", fifo, "a FIFO (named pipe), not a regular file");
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tokenizeUsesTheGoodAndDamagedFilesAndSkipsEachOtherWithItsReason(Algorithm algorithm) throws Exception {
        Manifest manifest = assertTimeoutPreemptively(HANG_GUARD, () -> new DatasetBuilder().build(
                request(SourceFiles.find(folder, null), temp.resolve("ds"), algorithm, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken()));

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source)
                .containsExactly("division-one.mid", "good.mid", "junk-after-track.mid", "wrapped.rmi");
        assertSkippedAsExpected(manifest.skipped());
        Manifest.UsedFile damaged = manifest.files().get(2);
        assertThat(damaged.notes()).isEqualTo(1);
        assertThat(damaged.warnings()).singleElement().asString().contains("the rest of the file is ignored");
        Manifest.UsedFile longNote = manifest.files().get(0);
        assertThat(longNote.notes()).isEqualTo(1);
        assertThat(longNote.loss().durationsClipped()).isEqualTo(1);
    }

    @Test
    void inspectReadsAndNamesTheSameFiles() throws Exception {
        FolderInspector.Report report = assertTimeoutPreemptively(HANG_GUARD, () -> new FolderInspector()
                .inspect(SourceFiles.find(folder, null), 2, ProgressListener.NONE, new CancellationToken()));

        assertThat(report.readable()).isEqualTo(4);
        assertThat(report.files()).isEqualTo(4 + expectedSkips.size());
        assertSkippedAsExpected(report.unreadable());
        assertThat(report.damaged()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("junk-after-track.mid");
            assertThat(d.warnings()).hasSize(1);
        });
    }

    @Test
    void listFileNamingADeviceAFifoAndAMissingFileFinishesWithEachSkipped() throws Exception {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero) && expectedSkips.containsKey("pipe/x.mid"),
                "needs /dev/zero and mkfifo");
        Path list = Files.writeString(temp.resolve("list.txt"), String.join("\n", zero.toString(),
                folder.resolve("pipe/x.mid").toString(), folder.resolve("good.mid").toString(),
                folder.resolve("missing.mid").toString()), StandardCharsets.UTF_8);

        Manifest manifest = assertTimeoutPreemptively(HANG_GUARD, () -> new DatasetBuilder().build(
                request(SourceFiles.find(list, null), temp.resolve("ds"), Algorithm.MMM, noMinimum(), false),
                ProgressListener.NONE, new CancellationToken()));

        assertThat(manifest.files()).extracting(Manifest.UsedFile::source).containsExactly("midi/good.mid");
        assertThat(manifest.skipped()).extracting(Manifest.SkippedFile::reason).containsExactlyInAnyOrder(
                "unreadable: a character device, not a regular file",
                "unreadable: a FIFO (named pipe), not a regular file", "cannot read file: no such file");
    }

    @Test
    void malformedCorpusIsTokenizedWithEveryFileUsedOrSkippedByAReasonOfTheReader() throws Exception {
        Path malformed = DatasetTestSupport.malformedCorpus().orElse(null);
        Assumptions.assumeTrue(malformed != null, "no ${musai.corpus}/malformed here");
        List<SourceFile> sources = SourceFiles.find(malformed, null);

        Manifest manifest = assertTimeoutPreemptively(HANG_GUARD, () -> new DatasetBuilder().build(
                request(sources, temp.resolve("ds"), Algorithm.REMI, noMinimum(), false), ProgressListener.NONE,
                new CancellationToken()));

        assertThat(manifest.files().size() + manifest.skipped().size()).isEqualTo(sources.size());
        SmfReader reader = new SmfReader();
        for (Manifest.SkippedFile skipped : manifest.skipped()) {
            assertThat(skipped.reason()).as(skipped.source()).isNotBlank().doesNotContain("\n")
                    .doesNotStartWith("failed:");
            if (skipped.reason().startsWith("unreadable: ")) {
                // the reason is the reader's own, found again by reading the file independently
                String because = readerRefusal(reader, malformed.resolve(skipped.source()));
                assertThat(skipped.reason()).isEqualTo("unreadable: " + because);
            }
        }
        assertThat(manifest.files()).filteredOn(f -> !f.warnings().isEmpty()).hasSizeGreaterThan(10);
    }

    private void assertSkippedAsExpected(List<Manifest.SkippedFile> skipped) {
        assertThat(skipped).extracting(Manifest.SkippedFile::source)
                .containsExactlyInAnyOrderElementsOf(expectedSkips.keySet());
        for (Manifest.SkippedFile file : skipped) {
            assertThat(file.reason()).as(file.source()).contains(expectedSkips.get(file.source()))
                    .doesNotContain("\n");
        }
    }

    private void expect(String name, Path created, String reason) {
        assertThat(Files.exists(created) || Files.isSymbolicLink(created)).isTrue();
        expectedSkips.put(name, reason);
    }

    private static String readerRefusal(SmfReader reader, Path file) {
        try {
            reader.read(file);
            return "(read without refusal)";
        } catch (MidiFormatException e) {
            return e.getMessage();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    /** A type 0 file at one tick per quarter whose one note lasts 0x0FFFFFFF ticks: a quarter billion beats. */
    private static byte[] divisionOneWithTheLargestDelta() {
        return smf(0, 1, new int[]{0x00, 0x90, 60, 100, 0xFF, 0xFF, 0xFF, 0x7F, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00});
    }

    /** One whole note in a track, then bytes that are no chunk. */
    private static byte[] withJunkAfterTheFirstTrack() {
        byte[] file = smf(0, 96, new int[]{0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00});
        byte[] junk = {0x00, 0x13, (byte) 0x88, 0x7F, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
        byte[] result = Arrays.copyOf(file, file.length + junk.length);
        System.arraycopy(junk, 0, result, file.length, junk.length);
        return result;
    }

    private static byte[] typeTwo() {
        byte[] file = smf(0, 96, new int[]{0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0});
        file[9] = 2;
        return file;
    }

    /** A header and one track chunk around the given event bytes. */
    private static byte[] smf(int format, int division, int[] events) {
        byte[] file = new byte[14 + 8 + events.length];
        byte[] head = {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, 0, 1, (byte) (division >> 8),
                (byte) division, 'M', 'T', 'r', 'k', 0, 0, (byte) (events.length >> 8), (byte) events.length};
        System.arraycopy(head, 0, file, 0, head.length);
        for (int i = 0; i < events.length; i++) {
            file[head.length + i] = (byte) events[i];
        }
        return file;
    }

    /** A sparse file of this size whose first megabyte is random. */
    private static Path randomBytes(Path file, long size) throws java.io.IOException {
        byte[] start = new byte[1 << 20];
        new java.util.Random(3).nextBytes(start);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(start);
            out.setLength(size);
        }
        return file;
    }
}
