package org.musai.studio.common;

/** Tells the user that something failed, and why. The app shows a dialog; tests record the reports. */
@FunctionalInterface
public interface ErrorReporter {

    /**
     * @param what  what the user was doing, such as "Tokenizing"
     * @param cause what went wrong; its message is the reason shown
     */
    void report(String what, Throwable cause);
}
