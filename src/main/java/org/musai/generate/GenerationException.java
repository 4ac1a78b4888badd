package org.musai.generate;

/** A model or request the generator cannot use, for a reason the user can act on: the message says which. */
public class GenerationException extends Exception {

    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
