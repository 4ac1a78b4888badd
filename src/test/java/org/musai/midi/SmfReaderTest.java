package org.musai.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.musai.TestCorpus;

/** Reading real and broken Standard MIDI Files. */
class SmfReaderTest {

    private final SmfReader reader = new SmfReader();

    @Test
    void readsEveryBundledFileWithTheNoteCountTheJdkSees() throws Exception {
        List<Path> files = TestCorpus.midiFiles(TestCorpus.bundled());
        int compared = 0;
        for (Path file : files) {
            Score score = reader.read(file);
            Integer jdkNotes = jdkNoteOns(file);
            if (jdkNotes != null) {
                assertThat(score.noteCount()).as(file.toString()).isEqualTo(jdkNotes);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(40);
    }

    @Test
    void readsEveryFileOfThePublicCorpus() throws Exception {
        List<Path> files = TestCorpus.midiFiles(TestCorpus.shared("public"));
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                reader.read(file);
            } catch (MidiFormatException e) {
                failures.add(file + ": " + e.getMessage());
            }
        }
        assertThat(files).hasSize(106);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyMalformedFileIsReadOrRefusedWithOneLineQuickly() {
        Path root = TestCorpus.shared("malformed");
        List<Path> files = TestCorpus.midiFiles(root);
        List<String> refused = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Path file : files) {
                String name = root.relativize(file).toString();
                try {
                    ReadOutcome read = reader.readWithWarnings(file);
                    if (read.damaged()) {
                        damaged.add(name);
                        assertThat(read.score().noteCount()).as(name).isPositive();
                        assertThat(read.warnings()).as(name).allSatisfy(w -> assertThat(w).isNotBlank()
                                .doesNotContain("\n"));
                    }
                } catch (MidiFormatException e) {
                    refused.add(name);
                    assertThat(e.getMessage()).as(name).isNotBlank().doesNotContain("\n");
                }
            }
        });
        assertThat(files).hasSizeGreaterThan(100);
        // files that are not MIDI at all stay refused; tracks broken part-way are read up to the damage
        assertThat(refused).filteredOn(n -> n.contains("No_Header_Chunk") || n.contains("Unknown_File_Format"))
                .hasSize(10);
        assertThat(damaged).filteredOn(n -> n.contains("Invalid_Channel_Event_Parameter_Value")).hasSize(6);
        assertThat(damaged).contains("symusic_miditok_corrupted/ValueError_Control168.mid", "midly/PiDamaged.mid");
        assertThat(refused).hasSizeGreaterThan(30);
    }

    @Test
    void keepsTheNotesBeforeDamageAndSaysWhere() throws Exception {
        byte[] file = concat(header(0, 1, 96), track(
                0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, // a whole note
                0x00, 0x90, 62, 100,                    // sounding when the damage comes
                0x10, 0x90, 64, 0xA8));                 // velocity 168: damage
        ReadOutcome read = reader.readWithWarnings(file);

        // the note still sounding ends with the last whole event, as at the end of a track
        assertThat(read.score().tracks().get(0).notes()).containsExactly(new Note(0, 96, 60, 100),
                new Note(96, 0, 62, 100));
        assertThat(read.warnings()).singleElement().asString()
                .contains("track 0", "0xa8 over 127", "offset 37", "kept up to there");
    }

    @Test
    void damageInOneTrackKeepsTheOtherTracks() throws Exception {
        byte[] file = concat(header(1, 3, 96),
                track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00),
                track(0x00, 0xF4),                                              // a system message: damage
                track(0x00, 0x91, 64, 100, 0x60, 0x81, 64, 0, 0x00, 0xFF, 0x2F, 0x00));
        ReadOutcome read = reader.readWithWarnings(file);

        assertThat(read.score().noteCount()).isEqualTo(2);
        assertThat(read.warnings()).singleElement().asString().startsWith("track 1: system message 0xf4");
    }

    @Test
    void validTrackFollowedByJunkIsReadUpToTheJunk() throws Exception {
        byte[] junk = "<html>404 not found</html>".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] file = concat(header(0, 1, 96), track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00),
                junk);
        ReadOutcome read = reader.readWithWarnings(file);

        assertThat(read.score().noteCount()).isEqualTo(1);
        assertThat(read.warnings()).singleElement().asString().contains("offset 34", "the rest of the file is ignored");
    }

    @Test
    void trackWhoseLengthRunsPastTheFileIsReadUpToTheNextTrack() throws Exception {
        byte[] first = track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00);
        first[6] = 0x7F; // announces 32,524 bytes
        byte[] file = concat(header(1, 2, 96), first,
                track(0x00, 0x91, 64, 100, 0x60, 0x81, 64, 0, 0x00, 0xFF, 0x2F, 0x00));
        ReadOutcome read = reader.readWithWarnings(file);

        assertThat(read.score().noteCount()).isEqualTo(2);
        assertThat(read.warnings()).singleElement().asString().contains("truncated", "the next track chunk");
    }

    @Test
    void garbageBetweenChunksIsSkippedToTheNextTrack() throws Exception {
        byte[] file = concat(header(1, 2, 96), track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00),
                new byte[]{0, 0, 0, 0, 1, 2, 3, (byte) 0xFF, 9},
                track(0x00, 0x91, 64, 100, 0x60, 0x81, 64, 0, 0x00, 0xFF, 0x2F, 0x00));
        ReadOutcome read = reader.readWithWarnings(file);

        assertThat(read.score().noteCount()).isEqualTo(2);
        assertThat(read.warnings()).singleElement().asString().contains("junk", "skipped to the next track chunk");
    }

    @Test
    void timeBeyondTheIntRangeEndsTheTrackThere() throws Exception {
        int[] body = new int[4 + 9 * 7];
        int at = 0;
        for (int value : new int[]{0x00, 0x90, 60, 100}) {
            body[at++] = value;
        }
        for (int i = 0; i < 9; i++) { // nine deltas of 0x0FFFFFFF pass 2^31 ticks
            for (int value : new int[]{0xFF, 0xFF, 0xFF, 0x7F, 0x90, 62 + i, 100}) {
                body[at++] = value;
            }
        }
        ReadOutcome read = reader.readWithWarnings(concat(header(0, 1, 1), track(body)));

        assertThat(read.warnings()).singleElement().asString().contains("runs past 2147483647 ticks");
        assertThat(read.score().noteCount()).isEqualTo(9); // 60 and the eight before the overflow, closed there
        assertThat(read.score().tracks().get(0).notes()).allSatisfy(n -> assertThat((long) n.tick() + n.duration())
                .isLessThanOrEqualTo(Integer.MAX_VALUE));
    }

    @Test
    void readsDivisionOneWithTheLargestDeltaTime() throws Exception {
        byte[] file = concat(header(0, 1, 1), track(0x00, 0x90, 60, 100, 0xFF, 0xFF, 0xFF, 0x7F, 0x80, 60, 0,
                0x00, 0xFF, 0x2F, 0x00));
        assertThat(reader.read(file).tracks().get(0).notes()).containsExactly(new Note(0, 0x0FFFFFFF, 60, 100));
        byte[] finest = concat(header(0, 1, 0x7FFF), track(0x00, 0x90, 60, 100, 0xFF, 0xFF, 0xFF, 0x7F, 0x80, 60, 0));
        assertThat(reader.read(finest).lengthInBeats()).isEqualTo(0x0FFFFFFF / (double) 0x7FFF);
    }

    @Test
    void refusesFilesOverTheTrackAndEventLimits() {
        byte[] empty = {'M', 'T', 'r', 'k', 0, 0, 0, 0};
        byte[][] tracks = new byte[SmfReader.MAX_TRACK_CHUNKS + 1][];
        Arrays.fill(tracks, empty);
        assertRefused(concat(header(1, 0xFF, 96), concat(tracks)), "more than 1024 track chunks");

        // note-on once, then running status: two data bytes (key, velocity 0 = off) per event after a delta
        byte[] body = new byte[4 + SmfReader.MAX_EVENTS_PER_TRACK * 3];
        body[0] = 0x00;
        body[1] = (byte) 0x90;
        body[2] = 60;
        body[3] = 100;
        for (int i = 4; i < body.length; i += 3) {
            body[i] = 0x00;
            body[i + 1] = 60;
            body[i + 2] = 0;
        }
        assertRefused(concat(header(0, 1, 96), chunk("MTrk", body)), "more than 1000000 events");
    }

    @Test
    void refusesBytesOverTheSizeLimit() {
        byte[] huge = new byte[SmfReader.MAX_FILE_BYTES + 1];
        System.arraycopy(header(0, 1, 96), 0, huge, 0, 14);
        assertRefused(huge, "over the limit of " + SmfReader.MAX_FILE_BYTES);
    }

    @Test
    void unwrapsRiffRmid() throws Exception {
        Score score = reader.read(TestCorpus.bundled().resolve("midly/Beethoven.rmi"));
        assertThat(score.noteCount()).isEqualTo(10423);
        assertThat(score.ticksPerQuarter()).isEqualTo(240);
    }

    @Test
    void splitsATypeZeroTrackByChannelAndKeepsDrumsByChannel() throws Exception {
        Track piano = new Track("", 0, false, List.of(new Note(0, 480, 60, 100)));
        Track bass = new Track("", 33, false, List.of(new Note(0, 960, 40, 90)));
        Track drums = new Track("", 25, true, List.of(new Note(480, 10, 36, 110)));
        byte[] type1 = new SmfWriter().toBytes(new Score(480, List.of(piano, bass, drums), List.of(), List.of()));
        Score read = reader.read(mergeIntoTypeZero(type1));
        assertThat(read.tracks()).hasSize(3);
        assertThat(read.tracks()).extracting(Track::program, Track::drum)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(0, false),
                        org.assertj.core.groups.Tuple.tuple(33, false), org.assertj.core.groups.Tuple.tuple(25, true));
        assertThat(read.tracks().stream().filter(Track::drum).findFirst().orElseThrow().instrumentClass())
                .isEqualTo(InstrumentClass.DRUMS);
    }

    @Test
    void refusesBrokenFilesWithTheReason() {
        assertRefused(new byte[0], "empty file");
        assertRefused("hello, world".getBytes(), "no MThd header");
        assertRefused(header(2, 1, 480), "SMF type 2");
        assertRefused(header(1, 1, 0xE728), "SMPTE");
        assertRefused(header(1, 1, 0), "0 ticks");
        assertRefused(header(1, 1, 480), "no track chunk");
        assertRefused(concat(header(0, 1, 480), track(0x00, 0x90, 0x3C, 0x80)), "over 127");
        assertRefused(concat(header(0, 1, 480), track(0x00, 0x3C, 0x40)), "without a status");
        assertRefused(concat(header(0, 1, 480), new byte[]{'M', 'T', 'r', 'k', 0, 0, 1, 0, 0}), "truncated");
        assertRefused(concat(header(0, 1, 480), track(0xFF, 0xFF, 0xFF, 0xFF, 0x7F)), "longer than 4 bytes");
    }

    @Test
    void keepsTracksTheHeaderDoesNotAnnounce() throws Exception {
        byte[] file = concat(header(1, 1, 96), track(0x00, 0x90, 60, 100, 0x60, 0x80, 60, 0, 0x00, 0xFF, 0x2F, 0x00),
                track(0x00, 0x91, 64, 100, 0x60, 0x81, 64, 0, 0x00, 0xFF, 0x2F, 0x00));
        assertThat(reader.read(file).noteCount()).isEqualTo(2);
    }

    @Test
    void pairsRepeatedKeysFirstInFirstOutAndClosesHangingNotesAtTheTrackEnd() throws Exception {
        byte[] file = concat(header(0, 1, 96), track(
                0x00, 0x90, 60, 100,   // A on at 0
                0x10, 0x90, 60, 80,    // B on at 16
                0x10, 0x80, 60, 0,     // off at 32 ends A
                0x10, 0x90, 62, 70,    // C on at 48, never released
                0x10, 0x80, 60, 0,     // off at 64 ends B
                0x20, 0xFF, 0x2F, 0x00)); // end of track at 96
        List<Note> notes = reader.read(file).tracks().get(0).notes();
        assertThat(notes).containsExactly(new Note(0, 32, 60, 100), new Note(16, 48, 60, 80), new Note(48, 48, 62, 70));
    }

    private void assertRefused(byte[] data, String reason) {
        assertThatThrownBy(() -> reader.read(data)).isInstanceOf(MidiFormatException.class)
                .hasMessageContaining(reason);
    }

    private static Integer jdkNoteOns(Path file) throws IOException {
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(file.toFile());
        } catch (Exception e) {
            return null; // the JDK refuses RIFF-RMID; our reader is checked on it separately
        }
        int count = 0;
        for (javax.sound.midi.Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiMessage message = track.get(i).getMessage();
                if (message instanceof ShortMessage sm && sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Rewrites a type 1 file of ours as type 0: all events of all tracks in one chunk, by absolute tick. */
    private static byte[] mergeIntoTypeZero(byte[] type1) throws Exception {
        Sequence sequence = MidiSystem.getSequence(new java.io.ByteArrayInputStream(type1));
        Path temp = Files.createTempFile("type0", ".mid");
        try {
            Sequence merged = new Sequence(Sequence.PPQ, sequence.getResolution(), 1);
            for (javax.sound.midi.Track track : sequence.getTracks()) {
                for (int i = 0; i < track.size(); i++) {
                    merged.getTracks()[0].add(track.get(i));
                }
            }
            MidiSystem.write(merged, 0, temp.toFile());
            return Files.readAllBytes(temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static byte[] header(int format, int tracks, int division) {
        return new byte[]{'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, 0, (byte) tracks, (byte) (division >> 8),
                (byte) division};
    }

    static byte[] track(int... body) {
        byte[] chunk = new byte[8 + body.length];
        System.arraycopy(new byte[]{'M', 'T', 'r', 'k', 0, 0, (byte) (body.length >> 8), (byte) body.length}, 0, chunk,
                0, 8);
        for (int i = 0; i < body.length; i++) {
            chunk[8 + i] = (byte) body[i];
        }
        return chunk;
    }

    /** A chunk of any id and length, with its four-byte length. */
    static byte[] chunk(String id, byte[] body) {
        byte[] chunk = new byte[8 + body.length];
        System.arraycopy(id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, chunk, 0, 4);
        chunk[4] = (byte) (body.length >>> 24);
        chunk[5] = (byte) (body.length >>> 16);
        chunk[6] = (byte) (body.length >>> 8);
        chunk[7] = (byte) body.length;
        System.arraycopy(body, 0, chunk, 8, body.length);
        return chunk;
    }

    static byte[] concat(byte[]... parts) {
        byte[] all = new byte[0];
        for (byte[] part : parts) {
            int at = all.length;
            all = Arrays.copyOf(all, at + part.length);
            System.arraycopy(part, 0, all, at, part.length);
        }
        return all;
    }
}
