package org.musai.cli;

/** What {@code musai} returns to the shell. */
final class ExitCodes {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    /** Bad arguments, missing or unusable files: the user can fix it. Picocli uses the same code for usage errors. */
    static final int BAD_INPUT = 2;
    /** 128 + SIGINT, as shells report a program stopped by Ctrl-C. */
    static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
