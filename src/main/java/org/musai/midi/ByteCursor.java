package org.musai.midi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads big-endian fields from a byte array, throwing a {@link MidiFormatException} instead of running past it. */
final class ByteCursor {
    /** The SMF specification limits variable-length numbers to four bytes (28 bits). */
    private static final int MAX_VLQ_BYTES = 4;

    private final byte[] data;
    private final int end;
    private int position;

    ByteCursor(byte[] data) {
        this(data, 0, data.length);
    }

    private ByteCursor(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    int remaining() {
        return end - position;
    }

    int position() {
        return position;
    }

    /** Consumes four bytes: a chunk id. */
    String chunkId() throws MidiFormatException {
        need(4);
        String id = new String(data, position, 4, StandardCharsets.ISO_8859_1);
        position += 4;
        return id;
    }

    /** Where the next occurrence of a four-byte id starts, from the current position on; -1 when there is none. */
    int indexOf(String id) {
        return indexOf(id, position);
    }

    /** Where the next occurrence of a four-byte id starts, from an offset on; -1 when there is none. */
    int indexOf(String id, int from) {
        byte[] target = id.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = Math.max(from, 0); i + target.length <= end; i++) {
            if (data[i] == target[0] && data[i + 1] == target[1] && data[i + 2] == target[2]
                    && data[i + 3] == target[3]) {
                return i;
            }
        }
        return -1;
    }

    /** Moves to an offset within the data this cursor covers. */
    void seek(int offset) throws MidiFormatException {
        if (offset < 0 || offset > end) {
            throw new MidiFormatException("offset " + offset + " is outside the data");
        }
        position = offset;
    }

    /** Consumes four bytes and tells whether they spell the given chunk id. */
    boolean nextIdIs(String id) throws MidiFormatException {
        need(4);
        boolean same = new String(data, position, 4, StandardCharsets.ISO_8859_1).equals(id);
        position += 4;
        return same;
    }

    int peekU8() throws MidiFormatException {
        need(1);
        return data[position] & 0xFF;
    }

    int u8() throws MidiFormatException {
        need(1);
        return data[position++] & 0xFF;
    }

    int dataByte(int trackIndex) throws MidiFormatException {
        int value = u8();
        if (value > 0x7F) {
            throw new MidiFormatException("track " + trackIndex + ": data byte 0x" + Integer.toHexString(value)
                    + " over 127 at offset " + (position - 1));
        }
        return value;
    }

    int u16() throws MidiFormatException {
        return u8() << 8 | u8();
    }

    long u32() throws MidiFormatException {
        return (long) u16() << 16 | u16();
    }

    long u32le() throws MidiFormatException {
        return u8() | (long) u8() << 8 | (long) u8() << 16 | (long) u8() << 24;
    }

    /** A variable-length quantity: at most four bytes of seven bits each. */
    long vlq(int trackIndex) throws MidiFormatException {
        long value = 0;
        for (int i = 0; i < MAX_VLQ_BYTES; i++) {
            if (remaining() == 0) {
                throw new MidiFormatException("track " + trackIndex + " ends inside a variable-length number");
            }
            int b = data[position++] & 0xFF;
            value = value << 7 | (b & 0x7F);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MidiFormatException("track " + trackIndex + ": variable-length number longer than 4 bytes at offset "
                + position);
    }

    void skip(int count) throws MidiFormatException {
        need(count);
        position += count;
    }

    byte[] bytes(int count) throws MidiFormatException {
        need(count);
        byte[] result = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return result;
    }

    /** A cursor over the next {@code length} bytes; this one moves past them. */
    ByteCursor slice(int length) throws MidiFormatException {
        need(length);
        ByteCursor slice = new ByteCursor(data, position, position + length);
        position += length;
        return slice;
    }

    private void need(int count) throws MidiFormatException {
        if (count < 0 || count > remaining()) {
            throw new MidiFormatException("unexpected end of data at offset " + position);
        }
    }
}
