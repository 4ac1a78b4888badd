package org.musai.token.dataset;

import java.io.IOException;
import java.util.List;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
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
     * @param skipReason why it was skipped, or null
     */
    record Result(SourceFile source, int[] ids, int notes, double beats, List<InstrumentClass> classes,
                  String skipReason) {
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
        try {
            Score score = reader.read(source.path());
            InstrumentFilter.Outcome outcome = filter.apply(score);
            if (outcome.skipped()) {
                return skip(source, outcome.skipReason());
            }
            Score kept = outcome.score();
            int[] ids = tokenizer.encode(kept);
            int notes = tokenizer.noteCount(ids);
            if (notes == 0) {
                TokenizerConfig config = tokenizer.config();
                return skip(source, "no notes in the pitch range " + config.pitchLow() + "-" + config.pitchHigh());
            }
            return new Result(source, ids, notes, kept.lengthInBeats(), List.copyOf(InstrumentFilter.classesOf(kept)),
                    null);
        } catch (MidiFormatException e) {
            return skip(source, "unreadable: " + e.getMessage());
        } catch (IOException e) {
            return skip(source, "cannot read file: " + e.getMessage());
        } catch (RuntimeException e) {
            // a bug of ours must not lose the other files' work: the file is reported with the cause
            return skip(source, "failed: " + e);
        }
    }

    private static Result skip(SourceFile source, String reason) {
        return new Result(source, null, 0, 0, List.of(), reason);
    }
}
