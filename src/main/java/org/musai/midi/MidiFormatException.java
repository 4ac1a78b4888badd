package org.musai.midi;

/** A file that is not a readable Standard MIDI File; the message is one line that says why. */
public class MidiFormatException extends Exception {

    public MidiFormatException(String reason) {
        super(reason);
    }
}
