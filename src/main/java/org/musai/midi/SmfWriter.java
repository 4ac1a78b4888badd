package org.musai.midi;

import static org.musai.midi.MidiConstants.*;

import java.io.ByteArrayOutputStream;
import org.musai.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Score} as a type 1 Standard MIDI File: a conductor track with the tempo map and time signatures,
 * then one track per instrument on its own channel, drums on channel 10. Every track ends on the bar line at or after
 * the last note's release, so that a DAW imports whole bars. Stateless and thread-safe.
 */
public final class SmfWriter {

    /** Channels for pitched tracks: all but the drum channel, reused in turn when a score has more tracks. */
    private static final int[] MELODIC_CHANNELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15};

    /** Writes the file atomically: a reader never sees half of it. */
    public void write(Score score, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(score));
    }

    /** The bytes of the file. */
    public byte[] toBytes(Score score) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + score.noteCount() * 8);
        out.writeBytes("MThd".getBytes(StandardCharsets.ISO_8859_1));
        writeInt(out, 6);
        writeShort(out, 1);
        writeShort(out, score.tracks().size() + 1);
        writeShort(out, score.ticksPerQuarter());
        int end = BarMap.of(score, BarMap.barsOf(score)).end();
        writeChunk(out, conductorTrack(score), end);
        int melodic = 0;
        for (Track track : score.tracks()) {
            int channel = track.drum() ? DRUM_CHANNEL : MELODIC_CHANNELS[melodic++ % MELODIC_CHANNELS.length];
            writeChunk(out, instrumentTrack(track, channel), end);
        }
        return out.toByteArray();
    }

    private static TrackEvents conductorTrack(Score score) {
        TrackEvents events = new TrackEvents();
        for (TimeSignature ts : score.timeSignatures()) {
            int power = Integer.numberOfTrailingZeros(ts.denominator());
            events.add(ts.tick(), 0, new byte[]{(byte) META, META_TIME_SIGNATURE, 4, (byte) ts.numerator(),
                    (byte) power, CLOCKS_PER_CLICK, THIRTY_SECONDS_PER_QUARTER});
        }
        for (TempoChange tempo : score.tempos()) {
            int us = tempo.microsPerQuarter();
            events.add(tempo.tick(), 0, new byte[]{(byte) META, META_SET_TEMPO, 3, (byte) (us >> 16), (byte) (us >> 8),
                    (byte) us});
        }
        return events;
    }

    private static TrackEvents instrumentTrack(Track track, int channel) {
        TrackEvents events = new TrackEvents();
        if (!track.name().isEmpty()) {
            byte[] name = track.name().getBytes(StandardCharsets.ISO_8859_1);
            byte[] meta = new byte[2 + vlqLength(name.length) + name.length];
            meta[0] = (byte) META;
            meta[1] = META_TRACK_NAME;
            int at = putVlq(meta, 2, name.length);
            System.arraycopy(name, 0, meta, at, name.length);
            events.add(0, 0, meta);
        }
        events.add(0, 1, new byte[]{(byte) (PROGRAM_CHANGE | channel), (byte) track.program()});
        for (Note note : track.notes()) {
            // at one tick, releases go before new strikes so that a repeated key is heard twice; a note of no
            // length is released right after its own strike
            events.add(note.end(), note.duration() == 0 ? 4 : 2,
                    new byte[]{(byte) (NOTE_OFF | channel), (byte) note.pitch(), 0});
            events.add(note.tick(), 3, new byte[]{(byte) (NOTE_ON | channel), (byte) note.pitch(),
                    (byte) Math.max(1, note.velocity())});
        }
        return events;
    }

    private static void writeChunk(ByteArrayOutputStream out, TrackEvents events, int endTick) {
        byte[] body = events.encode(endTick);
        out.writeBytes("MTrk".getBytes(StandardCharsets.ISO_8859_1));
        writeInt(out, body.length);
        out.writeBytes(body);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        writeShort(out, value >>> 16);
        writeShort(out, value & 0xFFFF);
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    static int vlqLength(long value) {
        int length = 1;
        while ((value >>>= 7) != 0) {
            length++;
        }
        return length;
    }

    static int putVlq(byte[] target, int at, long value) {
        int length = vlqLength(value);
        for (int i = length - 1; i >= 0; i--) {
            int group = (int) (value >>> (7 * i)) & 0x7F;
            target[at++] = (byte) (i > 0 ? group | 0x80 : group);
        }
        return at;
    }

    /** The events of one track chunk, sorted by tick and then by a rank that orders events of the same tick. */
    private static final class TrackEvents {
        private final List<long[]> keys = new ArrayList<>();
        private final List<byte[]> messages = new ArrayList<>();

        void add(int tick, int rank, byte[] message) {
            keys.add(new long[]{(long) tick << 8 | rank, messages.size()});
            messages.add(message);
        }

        /** The chunk's bytes, its end of track at {@code endTick} or at its last event, whichever is later. */
        byte[] encode(int endTick) {
            keys.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            ByteArrayOutputStream out = new ByteArrayOutputStream(messages.size() * 5 + 4);
            byte[] vlq = new byte[5];
            long previous = 0;
            for (long[] key : keys) {
                long tick = key[0] >>> 8;
                out.write(vlq, 0, putVlq(vlq, 0, tick - previous));
                out.writeBytes(messages.get((int) key[1]));
                previous = tick;
            }
            out.write(vlq, 0, putVlq(vlq, 0, Math.max(0, endTick - previous)));
            out.writeBytes(new byte[]{(byte) META, META_END_OF_TRACK, 0});
            return out.toByteArray();
        }
    }
}
