package org.musai.midi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages Standard MIDI Files the ways real files are damaged and the ways an attacker would: bit flips, truncation,
 * wrong chunk lengths, garbage, repeated chunks, huge delta times, absurd headers. Each mutant says what was done, so
 * a failing case can be reproduced from its seed and understood from its description. Deterministic for a given
 * {@link Random}.
 */
public final class MidiMutator {

    /** The ways of damaging a file. */
    public enum Kind {
        BIT_FLIPS, TRUNCATION, CHUNK_LENGTH, INSERTED_GARBAGE, DUPLICATED_CHUNKS, HUGE_DELTA, MANY_TRACKS_HEADER,
        DIVISION, FORMAT, EVENT_FLOOD, COMBINED
    }

    /**
     * A damaged file.
     *
     * @param description what was done to the original, in one line
     * @param bytes       the damaged file
     */
    public record Mutant(String description, byte[] bytes) {
    }

    /** Where a chunk lies: the offset of its id, and its announced body length. */
    private record Chunk(int offset, long length) {
        int bodyStart() {
            return offset + 8;
        }
    }

    private static final int HEADER_END = 14;
    /** The largest delta time a four-byte variable-length number holds: 0x0FFFFFFF. */
    private static final byte[] LARGEST_DELTA = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
    /** Enough repeated chunks to stress the reader without making the mutant slow to build. */
    private static final int MAX_DUPLICATES = 300;
    /** Empty track chunks appended behind a 65,535-track header. */
    private static final int MAX_EXTRA_EMPTY_TRACKS = 3000;
    /** Events of one kind inserted into a track: meter changes at every bar, tempo changes, stacked notes. */
    private static final int MAX_FLOOD_EVENTS = 4000;

    private final Random random;

    public MidiMutator(Random random) {
        this.random = random;
    }

    /** A mutant of a file, by a kind of damage chosen at random. */
    public Mutant mutate(byte[] original) {
        Kind[] kinds = Kind.values();
        return mutate(original, kinds[random.nextInt(kinds.length)]);
    }

    /** A mutant of a file by one kind of damage. */
    public Mutant mutate(byte[] original, Kind kind) {
        return switch (kind) {
            case BIT_FLIPS -> bitFlips(original);
            case TRUNCATION -> truncation(original);
            case CHUNK_LENGTH -> chunkLength(original);
            case INSERTED_GARBAGE -> insertedGarbage(original);
            case DUPLICATED_CHUNKS -> duplicatedChunks(original);
            case HUGE_DELTA -> hugeDelta(original);
            case MANY_TRACKS_HEADER -> manyTracksHeader(original);
            case DIVISION -> division(original);
            case FORMAT -> format(original);
            case EVENT_FLOOD -> eventFlood(original);
            case COMBINED -> combined(original);
        };
    }

    private Mutant bitFlips(byte[] original) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            int at = random.nextInt(bytes.length);
            bytes[at] ^= (byte) (1 << random.nextInt(8));
        }
        return new Mutant(flips + " bit flips", bytes);
    }

    private Mutant truncation(byte[] original) {
        int length = original.length == 0 ? 0 : random.nextInt(original.length);
        return new Mutant("truncated to " + length + " bytes", Arrays.copyOf(original, length));
    }

    private Mutant chunkLength(byte[] original) {
        List<Chunk> chunks = chunks(original);
        if (chunks.isEmpty()) {
            return bitFlips(original);
        }
        Chunk chunk = chunks.get(random.nextInt(chunks.size()));
        long length = switch (random.nextInt(6)) {
            case 0 -> 0;
            case 1 -> Math.max(0, chunk.length() + random.nextInt(33) - 16);
            case 2 -> 0xFFFFFFFFL;
            case 3 -> original.length - chunk.bodyStart() + 1 + random.nextInt(100);
            case 4 -> random.nextInt(Integer.MAX_VALUE);
            default -> chunk.length() / 2;
        };
        byte[] bytes = original.clone();
        putU32(bytes, chunk.offset() + 4, length);
        return new Mutant("chunk at " + chunk.offset() + " announces " + length + " bytes", bytes);
    }

    private Mutant insertedGarbage(byte[] original) {
        int at = original.length == 0 ? 0 : random.nextInt(original.length + 1);
        byte[] garbage = new byte[1 + random.nextInt(64)];
        random.nextBytes(garbage);
        return new Mutant(garbage.length + " garbage bytes at " + at, splice(original, at, garbage));
    }

    private Mutant duplicatedChunks(byte[] original) {
        List<Chunk> chunks = whole(original, chunks(original));
        if (chunks.isEmpty()) {
            return insertedGarbage(original);
        }
        Chunk chunk = chunks.get(random.nextInt(chunks.size()));
        int copies = 1 + random.nextInt(MAX_DUPLICATES);
        byte[] body = Arrays.copyOfRange(original, chunk.offset(), chunk.bodyStart() + (int) chunk.length());
        ByteArrayOutputStream repeated = new ByteArrayOutputStream();
        for (int i = 0; i < copies; i++) {
            repeated.writeBytes(body);
        }
        int at = chunk.bodyStart() + (int) chunk.length();
        return new Mutant("chunk at " + chunk.offset() + " repeated " + copies + " times",
                splice(original, at, repeated.toByteArray()));
    }

    /**
     * A note-on at the start of a track and its note-off after the largest delta time, with the track length fixed;
     * the division is often set to 1 tick per quarter, which makes that delta a quarter of a billion beats.
     */
    private Mutant hugeDelta(byte[] original) {
        List<Chunk> tracks = whole(original, tracks(original));
        if (tracks.isEmpty()) {
            return truncation(original);
        }
        Chunk track = tracks.get(random.nextInt(tracks.size()));
        int pitch = 21 + random.nextInt(88);
        int channel = random.nextInt(16);
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        events.write(0);
        events.write(0x90 | channel);
        events.write(pitch);
        events.write(100);
        events.writeBytes(LARGEST_DELTA);
        events.write(0x80 | channel);
        events.write(pitch);
        events.write(0);
        byte[] bytes = splice(original, track.bodyStart(), events.toByteArray());
        putU32(bytes, track.offset() + 4, track.length() + events.size());
        boolean divisionOne = random.nextBoolean();
        if (divisionOne && bytes.length >= HEADER_END) {
            bytes[12] = 0;
            bytes[13] = 1;
        }
        return new Mutant("note of delta 0x0FFFFFFF in track at " + track.offset()
                + (divisionOne ? ", division 1" : ""), bytes);
    }

    private Mutant manyTracksHeader(byte[] original) {
        if (original.length < HEADER_END) {
            return insertedGarbage(original);
        }
        byte[] bytes = original.clone();
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        int extra = random.nextBoolean() ? 0 : random.nextInt(MAX_EXTRA_EMPTY_TRACKS + 1);
        byte[] empty = {'M', 'T', 'r', 'k', 0, 0, 0, 0};
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (int i = 0; i < extra; i++) {
            tail.writeBytes(empty);
        }
        return new Mutant("header announces 65535 tracks, " + extra + " empty track chunks appended",
                splice(bytes, bytes.length, tail.toByteArray()));
    }

    private Mutant division(byte[] original) {
        if (original.length < HEADER_END) {
            return truncation(original);
        }
        int[] choices = {1, 0x7FFF, 0, 2, 3, 0x8000 | random.nextInt(0x8000), random.nextInt(0x10000)};
        int division = choices[random.nextInt(choices.length)];
        byte[] bytes = original.clone();
        bytes[12] = (byte) (division >> 8);
        bytes[13] = (byte) division;
        return new Mutant("division 0x" + Integer.toHexString(division), bytes);
    }

    private Mutant format(byte[] original) {
        if (original.length < HEADER_END) {
            return truncation(original);
        }
        int format = random.nextInt(4);
        byte[] bytes = original.clone();
        bytes[8] = 0;
        bytes[9] = (byte) format;
        return new Mutant("format " + format, bytes);
    }

    /**
     * Many events of one kind at the start of a track, with its length fixed: a meter change a bar apart (each
     * alternating between 3/4 and 4/4), a tempo change a beat apart, or notes stacked on one tick.
     */
    private Mutant eventFlood(byte[] original) {
        List<Chunk> tracks = whole(original, tracks(original));
        if (tracks.isEmpty() || original.length < HEADER_END) {
            return truncation(original);
        }
        Chunk track = tracks.get(random.nextInt(tracks.size()));
        int division = (original[12] & 0x7F) << 8 | original[13] & 0xFF;
        int count = 1 + random.nextInt(MAX_FLOOD_EVENTS);
        int kind = random.nextInt(3);
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            switch (kind) {
                case 0 -> {
                    writeVlq(events, i == 0 ? 0 : division * (i % 2 == 0 ? 3 : 4));
                    events.writeBytes(new byte[]{(byte) 0xFF, 0x58, 4, (byte) (i % 2 == 0 ? 4 : 3), 2, 24, 8});
                }
                case 1 -> {
                    writeVlq(events, i == 0 ? 0 : division);
                    int micros = 200_000 + random.nextInt(1_000_000);
                    events.writeBytes(new byte[]{(byte) 0xFF, 0x51, 3, (byte) (micros >> 16), (byte) (micros >> 8),
                            (byte) micros});
                }
                default -> {
                    events.write(0);
                    events.writeBytes(new byte[]{(byte) 0x90, (byte) random.nextInt(128), (byte) (1 + random.nextInt(127))});
                }
            }
        }
        byte[] bytes = splice(original, track.bodyStart(), events.toByteArray());
        putU32(bytes, track.offset() + 4, track.length() + events.size());
        String[] names = {"meter changes", "tempo changes", "notes on one tick"};
        return new Mutant(count + " " + names[kind] + " in track at " + track.offset(), bytes);
    }

    private static void writeVlq(ByteArrayOutputStream out, int value) {
        int shift = 21;
        while (shift > 0 && (value >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write(0x80 | (value >>> shift) & 0x7F);
        }
        out.write(value & 0x7F);
    }

    private Mutant combined(byte[] original) {
        Kind[] simple = Arrays.copyOf(Kind.values(), Kind.values().length - 1);
        int steps = 2 + random.nextInt(2);
        byte[] bytes = original;
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < steps; i++) {
            Mutant step = mutate(bytes, simple[random.nextInt(simple.length)]);
            bytes = step.bytes();
            description.append(i == 0 ? "" : "; then ").append(step.description());
        }
        return new Mutant(description.toString(), bytes);
    }

    /** The chunks after the header, as far as their announced lengths lead. */
    private static List<Chunk> chunks(byte[] bytes) {
        List<Chunk> chunks = new ArrayList<>();
        int at = HEADER_END;
        while (at + 8 <= bytes.length) {
            long length = (bytes[at + 4] & 0xFFL) << 24 | (bytes[at + 5] & 0xFF) << 16 | (bytes[at + 6] & 0xFF) << 8
                    | bytes[at + 7] & 0xFF;
            chunks.add(new Chunk(at, length));
            if (length > bytes.length) {
                break;
            }
            at += 8 + (int) length;
        }
        return chunks;
    }

    private static List<Chunk> tracks(byte[] bytes) {
        return chunks(bytes).stream().filter(c -> bytes[c.offset()] == 'M' && bytes[c.offset() + 1] == 'T'
                && bytes[c.offset() + 2] == 'r' && bytes[c.offset() + 3] == 'k').toList();
    }

    /** The chunks whose bodies lie entirely within the file. */
    private static List<Chunk> whole(byte[] bytes, List<Chunk> chunks) {
        return chunks.stream().filter(c -> c.bodyStart() + c.length() <= bytes.length).toList();
    }

    private static byte[] splice(byte[] original, int at, byte[] inserted) {
        byte[] result = new byte[original.length + inserted.length];
        System.arraycopy(original, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(original, at, result, at + inserted.length, original.length - at);
        return result;
    }

    private static void putU32(byte[] bytes, int at, long value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
