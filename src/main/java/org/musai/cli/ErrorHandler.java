package org.musai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.musai.audio.AudioException;
import org.musai.generate.GenerationException;
import org.musai.midi.MidiFormatException;
import org.musai.progress.CancelledException;
import org.musai.token.dataset.DatasetException;
import org.musai.train.TrainingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become a message and an exit code: bad input 2, cancelled 130, our bugs 1. Each is one
 * line; a stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CancelledException) {
            err.println("musai: cancelled; nothing was left half-written");
            return ExitCodes.CANCELLED;
        }
        if (e instanceof FileSystemException fileSystem) {
            err.println("musai: " + describe(fileSystem));
            traceIfVerbose(e, err, parseResult);
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof DatasetException || e instanceof TrainingException || e instanceof GenerationException
                || e instanceof MidiFormatException || e instanceof AudioException
                || e instanceof IOException
                || e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            err.println("musai: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            traceIfVerbose(e, err, parseResult);
            return ExitCodes.BAD_INPUT;
        }
        err.println("musai: internal error: " + e + (Verbose.isOn(parseResult) ? ""
                : " (run again with --verbose for the details)"));
        traceIfVerbose(e, err, parseResult);
        return ExitCodes.INTERNAL_ERROR;
    }

    /** Unknown options, missing values, values that do not convert: one line and a pointer to the help. */
    static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("musai: " + e.getMessage());
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitCodes.BAD_INPUT;
    }

    /** A file-system failure in words: Java's own message is often only the path. */
    static String describe(FileSystemException e) {
        String file = e.getFile();
        String other = e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")";
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file + other;
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " already exists";
        }
        if (e instanceof NotDirectoryException) {
            return file + " is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder " + file + " is not empty";
        }
        String reason = e.getReason();
        return "cannot use " + file + other + ": " + (reason == null ? e.getClass().getSimpleName() : reason);
    }

    private static void traceIfVerbose(Exception e, PrintWriter err, ParseResult parseResult) {
        if (Verbose.isOn(parseResult)) {
            e.printStackTrace(err);
        }
    }
}
