package org.musai.midi;

import static org.musai.midi.MidiConstants.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Standard MIDI Files (types 0 and 1, bare or wrapped in RIFF-RMID) into a {@link Score}.
 *
 * <p>Our own parser rather than {@code MidiSystem.getSequence}: the JDK's silently drops tracks the header does not
 * announce and accepts data bytes over 127, and a direct pass from bytes to notes is several times faster. Every
 * loop is bounded by the input length, so no file can hang it. Stateless and thread-safe.
 */
public final class SmfReader {

    /** Larger files are refused: real songs are a few hundred kilobytes, and the whole file is held in memory. */
    public static final int MAX_FILE_BYTES = 64 << 20;

    private static final int HEADER_LENGTH = 6;

    /** Reads a file; a file that cannot be read gives a {@link MidiFormatException} with a one-line reason. */
    public Score read(Path file) throws IOException, MidiFormatException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new MidiFormatException("file is " + size + " bytes, over the " + MAX_FILE_BYTES + "-byte limit");
        }
        return read(Files.readAllBytes(file));
    }

    /** Parses the bytes of a file. */
    public Score read(byte[] data) throws MidiFormatException {
        ByteCursor in = new ByteCursor(unwrapRiff(data));
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
        int trackIndex = 0;
        while (in.remaining() >= 8) {
            boolean isTrack = in.nextIdIs("MTrk");
            long length = in.u32();
            if (length > in.remaining()) {
                throw new MidiFormatException((isTrack ? "track " + trackIndex : "chunk") + " is truncated: it announces "
                        + length + " bytes but " + in.remaining() + " remain");
            }
            if (isTrack) {
                readTrack(in.slice((int) length), trackIndex++, collector);
            } else {
                in.skip((int) length); // unknown chunks are allowed by the standard and ignored
            }
        }
        if (trackIndex == 0) {
            throw new MidiFormatException("no track chunk (MTrk) in file");
        }
        return collector.toScore(division);
    }

    private static byte[] unwrapRiff(byte[] data) throws MidiFormatException {
        ByteCursor in = new ByteCursor(data);
        if (in.remaining() < 12 || !in.nextIdIs("RIFF")) {
            return data;
        }
        in.u32();
        if (!in.nextIdIs("RMID")) {
            throw new MidiFormatException("RIFF file that is not RIFF-RMID");
        }
        while (in.remaining() >= 8) {
            boolean isData = in.nextIdIs("data");
            long length = in.u32le();
            if (length > in.remaining()) {
                throw new MidiFormatException("RIFF-RMID chunk is truncated");
            }
            if (isData) {
                return in.bytes((int) length);
            }
            in.skip((int) (length + (length & 1))); // RIFF chunks are padded to even lengths
        }
        throw new MidiFormatException("RIFF-RMID file without a data chunk");
    }

    private static void readTrack(ByteCursor in, int trackIndex, ScoreCollector collector) throws MidiFormatException {
        TrackCollector track = collector.newTrack();
        long tick = 0;
        int runningStatus = 0;
        while (in.remaining() > 0) {
            tick += in.vlq(trackIndex);
            if (tick > Integer.MAX_VALUE) {
                throw new MidiFormatException("track " + trackIndex + " runs past " + Integer.MAX_VALUE + " ticks");
            }
            int t = (int) tick;
            int status = in.peekU8();
            if (status >= 0x80) {
                in.skip(1);
            } else if (runningStatus == 0) {
                throw new MidiFormatException("track " + trackIndex + ": data byte without a status at offset " + in.position());
            } else {
                status = runningStatus;
            }

            if (status == META) {
                int type = in.u8();
                int length = (int) in.vlq(trackIndex);
                if (length > in.remaining()) {
                    throw new MidiFormatException("track " + trackIndex + ": meta event runs past the end of the track");
                }
                byte[] payload = in.bytes(length);
                if (type == META_END_OF_TRACK) {
                    track.endAt(t);
                    break;
                }
                readMeta(type, payload, t, track, collector);
            } else if (status == SYSEX || status == SYSEX_CONTINUATION) {
                int length = (int) in.vlq(trackIndex);
                if (length > in.remaining()) {
                    throw new MidiFormatException("track " + trackIndex + ": sysex runs past the end of the track");
                }
                in.skip(length);
            } else if (status >= 0xF0) {
                throw new MidiFormatException("track " + trackIndex + ": system message 0x" + Integer.toHexString(status)
                        + " is not allowed in a file (offset " + in.position() + ")");
            } else {
                runningStatus = status;
                int type = status & 0xF0;
                int channel = status & 0x0F;
                int data1 = in.dataByte(trackIndex);
                int data2 = (type == PROGRAM_CHANGE || type == CHANNEL_PRESSURE) ? 0 : in.dataByte(trackIndex);
                switch (type) {
                    case NOTE_ON -> {
                        if (data2 == 0) {
                            track.noteOff(t, channel, data1);
                        } else {
                            track.noteOn(t, channel, data1, data2);
                        }
                    }
                    case NOTE_OFF -> track.noteOff(t, channel, data1);
                    case PROGRAM_CHANGE -> track.programChange(channel, data1);
                    default -> {
                        // controllers, pressure and bends do not enter the score
                    }
                }
            }
            track.endAt(t);
        }
        track.finish();
    }

    private static void readMeta(int type, byte[] payload, int tick, TrackCollector track, ScoreCollector collector) {
        switch (type) {
            case META_TRACK_NAME -> track.name(new String(payload, StandardCharsets.ISO_8859_1).trim());
            case META_SET_TEMPO -> {
                if (payload.length >= 3) {
                    int micros = (payload[0] & 0xFF) << 16 | (payload[1] & 0xFF) << 8 | (payload[2] & 0xFF);
                    if (micros > 0) {
                        collector.tempos.add(new TempoChange(tick, micros));
                    }
                }
            }
            case META_TIME_SIGNATURE -> {
                // a numerator of 0 or an absurd denominator power says nothing usable: ignore the event
                if (payload.length >= 2 && payload[0] > 0 && payload[1] >= 0 && payload[1] <= 6) {
                    collector.timeSignatures.add(new TimeSignature(tick, payload[0], 1 << payload[1]));
                }
            }
            default -> {
                // text, key signatures, markers and the like do not enter the score
            }
        }
    }

    /** Gathers what all track chunks hold into one score. */
    private static final class ScoreCollector {
        final List<TrackCollector> tracks = new ArrayList<>();
        final List<TempoChange> tempos = new ArrayList<>();
        final List<TimeSignature> timeSignatures = new ArrayList<>();

        TrackCollector newTrack() {
            TrackCollector track = new TrackCollector();
            tracks.add(track);
            return track;
        }

        Score toScore(int division) {
            List<Track> result = new ArrayList<>();
            for (TrackCollector track : tracks) {
                result.addAll(track.tracks());
            }
            return new Score(division, result, lastPerTick(tempos, TempoChange::tick),
                    lastPerTick(timeSignatures, TimeSignature::tick));
        }

        /** Sorts events by tick and keeps the last of those at the same tick, as a player would. */
        private static <T> List<T> lastPerTick(List<T> events, java.util.function.ToIntFunction<T> tickOf) {
            List<T> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparingInt(tickOf)); // stable: file order within a tick
            List<T> result = new ArrayList<>(sorted.size());
            for (T event : sorted) {
                if (!result.isEmpty() && tickOf.applyAsInt(result.get(result.size() - 1)) == tickOf.applyAsInt(event)) {
                    result.set(result.size() - 1, event);
                } else {
                    result.add(event);
                }
            }
            return result;
        }
    }

    /**
     * Pairs note-ons with note-offs in one track chunk and splits its notes by channel and program, since a type 0
     * file keeps all instruments in one chunk.
     */
    private static final class TrackCollector {
        private final int[] programOf = new int[CHANNELS];
        private final NoteQueue[] open = new NoteQueue[CHANNELS * KEYS];
        private final Map<Integer, List<Note>> notesByInstrument = new LinkedHashMap<>();
        private String name = "";
        private int lastTick;

        void name(String trackName) {
            if (name.isEmpty()) {
                name = trackName;
            }
        }

        void programChange(int channel, int program) {
            programOf[channel] = program;
        }

        void noteOn(int tick, int channel, int pitch, int velocity) {
            int key = channel * KEYS + pitch;
            if (open[key] == null) {
                open[key] = new NoteQueue();
            }
            open[key].add(tick, velocity, programOf[channel]);
        }

        void noteOff(int tick, int channel, int pitch) {
            NoteQueue queue = open[channel * KEYS + pitch];
            if (queue != null && !queue.isEmpty()) {
                // first in, first out: the earliest sounding note of that key is the one released
                addNote(channel, pitch, queue.headTick(), tick, queue.headVelocity(), queue.headProgram());
                queue.removeHead();
            }
        }

        void endAt(int tick) {
            lastTick = Math.max(lastTick, tick);
        }

        /** Notes never released end with the track, as a sequencer would hold them until then. */
        void finish() {
            for (int key = 0; key < open.length; key++) {
                NoteQueue queue = open[key];
                while (queue != null && !queue.isEmpty()) {
                    addNote(key / KEYS, key % KEYS, queue.headTick(), lastTick, queue.headVelocity(), queue.headProgram());
                    queue.removeHead();
                }
            }
        }

        private void addNote(int channel, int pitch, int onTick, int offTick, int velocity, int program) {
            boolean drum = channel == DRUM_CHANNEL;
            // drum kits switch programs without changing class, so all drums of a channel stay one track
            int instrument = drum ? -1 - channel : channel * KEYS + program;
            notesByInstrument.computeIfAbsent(instrument, k -> new ArrayList<>())
                    .add(new Note(onTick, offTick - onTick, pitch, velocity));
        }

        List<Track> tracks() {
            List<Track> result = new ArrayList<>(notesByInstrument.size());
            for (Map.Entry<Integer, List<Note>> entry : notesByInstrument.entrySet()) {
                int instrument = entry.getKey();
                boolean drum = instrument < 0;
                int program = drum ? programOf[DRUM_CHANNEL] : instrument % KEYS;
                List<Note> notes = entry.getValue();
                notes.sort(null);
                result.add(new Track(name, program, drum, notes));
            }
            return result;
        }
    }
}
