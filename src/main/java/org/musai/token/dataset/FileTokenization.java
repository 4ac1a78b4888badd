package org.musai.token.dataset;

import java.io.IOException;
import java.util.List;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.ReadOutcome;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.Encoding;
import org.musai.token.NoteLoss;
import org.musai.token.Quantizer;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;

/**
 * Reads, filters and tokenizes one file into base ids, or says why it is skipped. Never throws: a worker thread
 * must report every file. Stateless and thread-safe.
 */
final class FileTokenization {

    /**
     * The result for one file.
     *
     * @param source     the file
     * @param ids        its base ids, or null when skipped
     * @param notes      notes in the document, after quantization
     * @param beats      length in beats
     * @param classes    classes kept
     * @param loss       the notes that filtering and quantizing dropped or changed; null when skipped
     * @param warnings   where the file was damaged and what of it was kept; empty for a whole file
     * @param skipReason why it was skipped, or null
     */
    record Result(SourceFile source, int[] ids, int notes, double beats, List<InstrumentClass> classes, NoteLoss loss,
                  List<String> warnings, String skipReason) {
        boolean skipped() {
            return ids == null;
        }
    }

    private final SmfReader reader = new SmfReader();
    private final Tokenizer tokenizer;
    private final InstrumentFilter filter;

    FileTokenization(Tokenizer tokenizer, InstrumentFilter filter) {
        this.tokenizer = tokenizer;
        this.filter = filter;
    }

    Result process(SourceFile source) {
        if (source.problem() != null) {
            return skip(source, "unreadable: " + source.problem());
        }
        try {
            ReadOutcome read = reader.readWithWarnings(source.path());
            Score score = read.score();
            InstrumentFilter.Outcome outcome = filter.apply(score);
            if (outcome.skipped()) {
                return skip(source, outcome.skipReason());
            }
            Score kept = outcome.score();
            Encoding encoding = tokenizer.encodeWithLoss(kept);
            NoteLoss loss = encoding.loss().withClassesFiltered(score.noteCount() - kept.noteCount());
            int[] ids = encoding.ids();
            int notes = tokenizer.noteCount(ids);
            if (notes == 0) {
                return skip(source, noNotesReason(loss));
            }
            if (ids.length > DatasetBuilder.MAX_DOCUMENT_TOKENS) {
                return skip(source, "document of " + ids.length + " tokens is over the limit of "
                        + DatasetBuilder.MAX_DOCUMENT_TOKENS);
            }
            return new Result(source, ids, notes, kept.lengthInBeats(), List.copyOf(InstrumentFilter.classesOf(kept)),
                    loss, read.warnings(), null);
        } catch (MidiFormatException e) {
            return skip(source, "unreadable: " + e.getMessage());
        } catch (IOException e) {
            return skip(source, "cannot read file: " + IoReasons.of(e));
        } catch (RuntimeException e) {
            // a bug of ours must not lose the other files' work: the file is reported with the cause
            return skip(source, "failed: " + e);
        }
    }

    /** Why no note of a file reached its document: the notes quantizing dropped, by cause. */
    private String noNotesReason(NoteLoss loss) {
        TokenizerConfig config = tokenizer.config();
        String range = "the pitch range " + config.pitchLow() + "-" + config.pitchHigh();
        if (loss.beyondLengthLimit() == 0) {
            return "no notes in " + range;
        }
        String limit = "the length limit of " + Quantizer.MAX_LENGTH_BEATS + " beats";
        if (loss.outOfPitchRange() == 0) {
            return "no notes before " + limit;
        }
        return "no notes in " + range + " before " + limit + " (" + loss.outOfPitchRange() + " out of the range, "
                + loss.beyondLengthLimit() + " beyond the limit)";
    }

    private static Result skip(SourceFile source, String reason) {
        return new Result(source, null, 0, 0, List.of(), null, List.of(), reason);
    }
}
