package org.musai.token.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/** Turns a file system failure into the one line that a skipped file's reason shows. */
final class IoReasons {

    private IoReasons() {
    }

    /** One line for a failure, without the path that the entry's name already gives. */
    static String of(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "no such file";
        }
        if (failure instanceof FileSystemLoopException) {
            return "symbolic link loop";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName()
                : message.replaceAll("[\\r\\n]+", " ");
    }
}
