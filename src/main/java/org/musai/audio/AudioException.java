package org.musai.audio;

/** Sound cannot be made or played for a reason the user can act on (no audio device, a bad soundfont, no port). */
public class AudioException extends Exception {

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
