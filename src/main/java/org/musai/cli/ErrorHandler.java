package org.musai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.musai.midi.MidiFormatException;
import org.musai.progress.CancelledException;
import org.musai.token.dataset.DatasetException;
import org.musai.train.TrainingException;
import org.musai.audio.AudioException;
import org.musai.generate.GenerationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place where failures become a message and an exit code: bad input 2, cancelled 130, our bugs 1. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CancelledException) {
            err.println("musai: cancelled; nothing was left half-written");
            return ExitCodes.CANCELLED;
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            err.println("musai: no such file or folder: " + missing.getFile());
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof DatasetException || e instanceof TrainingException || e instanceof GenerationException
                || e instanceof MidiFormatException || e instanceof AudioException
                || e instanceof IOException
                || e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
            err.println("musai: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        err.println("musai: internal error: " + e);
        e.printStackTrace(err);
        return ExitCodes.INTERNAL_ERROR;
    }
}
