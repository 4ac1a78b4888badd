package org.musai.progress;

/** A job stopped because its {@link CancellationToken} was set; what it wrote has been cleaned up. */
public class CancelledException extends Exception {

    public CancelledException() {
        super("cancelled");
    }
}
