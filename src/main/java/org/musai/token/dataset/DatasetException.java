package org.musai.token.dataset;

/** A dataset cannot be made or read for a reason the user can act on; the message says which. */
public class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }
}
