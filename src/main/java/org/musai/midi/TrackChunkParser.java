package org.musai.midi;

import static org.musai.midi.MidiConstants.CHANNEL_PRESSURE;
import static org.musai.midi.MidiConstants.META;
import static org.musai.midi.MidiConstants.META_END_OF_TRACK;
import static org.musai.midi.MidiConstants.META_SET_TEMPO;
import static org.musai.midi.MidiConstants.META_TIME_SIGNATURE;
import static org.musai.midi.MidiConstants.META_TRACK_NAME;
import static org.musai.midi.MidiConstants.NOTE_OFF;
import static org.musai.midi.MidiConstants.NOTE_ON;
import static org.musai.midi.MidiConstants.PROGRAM_CHANGE;
import static org.musai.midi.MidiConstants.SYSEX;
import static org.musai.midi.MidiConstants.SYSEX_CONTINUATION;

import java.nio.charset.StandardCharsets;

/**
 * Reads the events of one track chunk into the score being collected. Damage (a data byte over 127, a system
 * message, a missing status, a number or message running past the chunk, time past the int range) ends the chunk:
 * what came before it is kept and the damage is returned, so that one broken track does not cost the others. One
 * instance per chunk; not thread-safe.
 */
final class TrackChunkParser {

    private final ByteCursor in;
    private final int trackIndex;
    private final ScoreCollector score;
    private final TrackCollector track;
    private long tick;
    private int runningStatus;

    TrackChunkParser(ByteCursor chunk, int trackIndex, ScoreCollector score) {
        this.in = chunk;
        this.trackIndex = trackIndex;
        this.score = score;
        this.track = score.newTrack();
    }

    /**
     * Reads the chunk up to its End of Track, its end or its first damage.
     *
     * @param maxEvents the most events a chunk may hold
     * @return where the chunk is damaged, in one line, or null when it is whole
     * @throws MidiFormatException when the chunk holds more than {@code maxEvents} events
     */
    String parse(int maxEvents) throws MidiFormatException {
        int events = 0;
        String damage = null;
        while (in.remaining() > 0) {
            if (events++ == maxEvents) {
                throw new MidiFormatException("track " + trackIndex + " has more than " + maxEvents
                        + " events, over the limit");
            }
            try {
                if (!readEvent()) {
                    break;
                }
            } catch (MidiFormatException e) {
                String where = "track " + trackIndex;
                damage = e.getMessage().startsWith(where) ? e.getMessage() : where + ": " + e.getMessage();
                break;
            }
        }
        track.finish();
        return damage;
    }

    /** Reads one event; false after End of Track. */
    private boolean readEvent() throws MidiFormatException {
        tick += in.vlq(trackIndex);
        if (tick > Integer.MAX_VALUE) {
            throw new MidiFormatException("track " + trackIndex + ": time runs past " + Integer.MAX_VALUE
                    + " ticks at offset " + in.position());
        }
        int t = (int) tick;
        int status = in.peekU8();
        if (status >= 0x80) {
            in.skip(1);
        } else if (runningStatus == 0) {
            throw new MidiFormatException("track " + trackIndex + ": data byte without a status at offset "
                    + in.position());
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
            track.endAt(t);
            if (type == META_END_OF_TRACK) {
                return false;
            }
            readMeta(type, payload, t);
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
            readChannelMessage(status, t);
        }
        track.endAt(t);
        return true;
    }

    private void readChannelMessage(int status, int t) throws MidiFormatException {
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

    private void readMeta(int type, byte[] payload, int t) {
        switch (type) {
            case META_TRACK_NAME -> track.name(new String(payload, StandardCharsets.ISO_8859_1).trim());
            case META_SET_TEMPO -> {
                if (payload.length >= 3) {
                    int micros = (payload[0] & 0xFF) << 16 | (payload[1] & 0xFF) << 8 | (payload[2] & 0xFF);
                    if (micros > 0) {
                        score.tempo(new TempoChange(t, micros));
                    }
                }
            }
            case META_TIME_SIGNATURE -> {
                // a numerator of 0 or an absurd denominator power says nothing usable: ignore the event
                if (payload.length >= 2 && payload[0] > 0 && payload[1] >= 0 && payload[1] <= 6) {
                    score.timeSignature(new TimeSignature(t, payload[0], 1 << payload[1]));
                }
            }
            default -> {
                // text, key signatures, markers and the like do not enter the score
            }
        }
    }
}
