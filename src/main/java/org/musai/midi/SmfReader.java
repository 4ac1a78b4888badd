package org.musai.midi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Standard MIDI Files (types 0 and 1, bare or wrapped in RIFF-RMID) into a {@link Score}.
 *
 * <p>Our own parser rather than {@code MidiSystem.getSequence}: the JDK's silently drops tracks the header does not
 * announce and accepts data bytes over 127, and a direct pass from bytes to notes is several times faster.
 *
 * <p>Lenient where the damage is local: a damaged track keeps its events before the damage, a track chunk whose
 * length runs past the file is read up to the next track chunk or the end, and junk between chunks is skipped to the
 * next track chunk. Each such place becomes one warning of {@link #readWithWarnings}; a file where nothing readable
 * comes before the damage is refused with it. A file that is not MIDI at all, or breaks a limit below, is refused
 * with a one-line {@link MidiFormatException}.
 *
 * <p>Bounded: every loop is bounded by the input length, and the limits below bound what one file may cost in time
 * and memory, so no file can hang the reader or exhaust the heap. Stateless and thread-safe.
 */
public final class SmfReader {

    /**
     * Larger files are refused: the whole file is held in memory, and real songs are far smaller (the largest of the
     * shared corpora's 1,900 files is 520 KB), so 16 MiB leaves room for any real piece while a few workers reading
     * such files at once stay well inside a default heap.
     */
    public static final int MAX_FILE_BYTES = 16 << 20;

    /**
     * Files with more track chunks are refused. Real files have a few dozen (the most in the shared corpora is 100);
     * every chunk costs a collector, and a few kilobytes of header can announce or repeat tens of thousands.
     */
    public static final int MAX_TRACK_CHUNKS = 1024;

    /**
     * Files with a track chunk of more events are refused. The busiest real track in the shared corpora has about
     * 40,000 notes; a million events leaves room for dense controller data while bounding the notes held per track.
     */
    public static final int MAX_EVENTS_PER_TRACK = 1_000_000;

    private static final int HEADER_LENGTH = 6;
    private static final int CHUNK_HEADER = 8;

    /** Reads a file, keeping what comes before any damage; a one-line {@link MidiFormatException} when it cannot. */
    public Score read(Path file) throws IOException, MidiFormatException {
        return readWithWarnings(file).score();
    }

    /** Parses the bytes of a file, keeping what comes before any damage. */
    public Score read(byte[] data) throws MidiFormatException {
        return readWithWarnings(data).score();
    }

    /**
     * Reads a file and says where it was damaged. Only regular files are opened: folders, FIFOs, devices, dangling
     * links and link loops are refused by their type, before any read.
     */
    public ReadOutcome readWithWarnings(Path file) throws IOException, MidiFormatException {
        return readWithWarnings(SmfFileBytes.read(file, MAX_FILE_BYTES));
    }

    /** Parses the bytes of a file and says where it was damaged. */
    public ReadOutcome readWithWarnings(byte[] data) throws MidiFormatException {
        if (data.length > MAX_FILE_BYTES) {
            throw new MidiFormatException("file is " + data.length + " bytes, over the limit of " + MAX_FILE_BYTES);
        }
        List<String> warnings = new ArrayList<>();
        ByteCursor in = new ByteCursor(RiffRmid.unwrap(data, warnings));
        if (in.remaining() < 8 || !in.nextIdIs("MThd")) {
            throw new MidiFormatException(data.length == 0 ? "empty file" : "not a MIDI file (no MThd header)");
        }
        long headerLength = in.u32();
        if (headerLength < HEADER_LENGTH || headerLength > in.remaining()) {
            throw new MidiFormatException("header chunk length " + headerLength + " is invalid");
        }
        int format = in.u16();
        in.u16(); // the announced track count: we read the chunks that are really there
        int division = in.u16();
        in.skip((int) headerLength - HEADER_LENGTH);
        if (format > 1) {
            throw new MidiFormatException("SMF type " + format + " is not supported (only types 0 and 1)");
        }
        if ((division & 0x8000) != 0) {
            throw new MidiFormatException("SMPTE time division is not supported (only ticks per quarter note)");
        }
        if (division == 0) {
            throw new MidiFormatException("time division is 0 ticks per quarter note");
        }

        ScoreCollector collector = new ScoreCollector();
        String firstDamage = readChunks(in, collector, warnings);
        if (collector.trackCount() == 0) {
            throw new MidiFormatException(firstDamage != null ? firstDamage : "no track chunk (MTrk) in file");
        }
        if (firstDamage != null && collector.noteCount() == 0) {
            throw new MidiFormatException(firstDamage); // nothing readable before the damage: the damage is the reason
        }
        return new ReadOutcome(collector.toScore(division), warnings);
    }

    /**
     * Reads every chunk after the header into the collector, adding a warning for each damaged place.
     *
     * @return the first damage, without what was done about it, or null when there was none
     */
    private static String readChunks(ByteCursor in, ScoreCollector collector, List<String> warnings)
            throws MidiFormatException {
        String firstDamage = warnings.isEmpty() ? null : warnings.get(0);
        while (in.remaining() >= CHUNK_HEADER) {
            int offset = in.position();
            String id = in.chunkId();
            long length = in.u32();
            boolean isTrack = id.equals("MTrk");
            if (!isTrack && !isPrintable(id)) {
                String damage = "junk instead of a chunk at offset " + offset;
                firstDamage = firstDamage == null ? damage : firstDamage;
                if (!skipToNextTrack(in, offset + 1)) {
                    warnings.add(damage + "; the rest of the file is ignored");
                    break;
                }
                warnings.add(damage + "; skipped to the next track chunk at offset " + in.position());
                continue;
            }
            if (length > in.remaining()) {
                String damage = (isTrack ? "track " + collector.trackCount() : "chunk '" + id + "'") + " at offset "
                        + offset + " is truncated: it announces " + length + " bytes but " + in.remaining() + " remain";
                firstDamage = firstDamage == null ? damage : firstDamage;
                if (!isTrack) {
                    warnings.add(damage + "; the rest of the file is ignored");
                    break;
                }
                // a wrong length field: the track runs to the next track chunk, or to the end of the file
                int next = in.indexOf("MTrk");
                length = (next < 0 ? in.position() + in.remaining() : next) - in.position();
                warnings.add(damage + "; read up to " + (next < 0 ? "the end of the file" : "the next track chunk"));
            }
            if (!isTrack) {
                in.skip((int) length); // unknown chunks are allowed by the standard and ignored
                continue;
            }
            if (collector.trackCount() == MAX_TRACK_CHUNKS) {
                throw new MidiFormatException("more than " + MAX_TRACK_CHUNKS + " track chunks, over the limit");
            }
            int trackIndex = collector.trackCount();
            String damage = new TrackChunkParser(in.slice((int) length), trackIndex, collector)
                    .parse(MAX_EVENTS_PER_TRACK);
            if (damage != null) {
                firstDamage = firstDamage == null ? damage : firstDamage;
                warnings.add(damage + "; the track is kept up to there");
            }
        }
        return firstDamage;
    }

    /** Moves to the next "MTrk" at or after an offset; false, without moving, when there is none. */
    private static boolean skipToNextTrack(ByteCursor in, int from) throws MidiFormatException {
        int next = in.indexOf("MTrk", from);
        if (next < 0) {
            return false;
        }
        in.seek(next);
        return true;
    }

    /** Chunk ids are four printable ASCII characters; anything else is damage, not an unknown chunk. */
    private static boolean isPrintable(String id) {
        return id.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }
}
