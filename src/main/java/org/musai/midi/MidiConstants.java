package org.musai.midi;

/** Numbers fixed by the MIDI 1.0 and Standard MIDI File specifications. */
public final class MidiConstants {

    /** Channel 10 as people count, 9 on the wire: General MIDI plays drums there. */
    public static final int DRUM_CHANNEL = 9;
    public static final int CHANNELS = 16;
    public static final int KEYS = 128;

    public static final int NOTE_OFF = 0x80;
    public static final int NOTE_ON = 0x90;
    public static final int POLY_PRESSURE = 0xA0;
    public static final int CONTROL_CHANGE = 0xB0;
    public static final int PROGRAM_CHANGE = 0xC0;
    public static final int CHANNEL_PRESSURE = 0xD0;
    public static final int PITCH_BEND = 0xE0;
    public static final int SYSEX = 0xF0;
    public static final int SYSEX_CONTINUATION = 0xF7;
    public static final int META = 0xFF;

    public static final int META_TRACK_NAME = 0x03;
    public static final int META_END_OF_TRACK = 0x2F;
    public static final int META_SET_TEMPO = 0x51;
    public static final int META_TIME_SIGNATURE = 0x58;

    /** MIDI clocks per metronome click in a time signature event: 24 is one quarter note. */
    public static final int CLOCKS_PER_CLICK = 24;
    /** Notated 32nd notes per MIDI quarter note in a time signature event. */
    public static final int THIRTY_SECONDS_PER_QUARTER = 8;

    private MidiConstants() {
    }
}
