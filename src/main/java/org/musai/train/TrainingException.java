package org.musai.train;

/** A run cannot start or continue for a reason the user can act on: the message says which. */
public class TrainingException extends Exception {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
