package org.musai.token.mmm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.musai.TestCorpus;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.token.TokenizerConfig;

/** Files, scores and comparisons that the MMM tests share. */
final class MmmTestSupport {

    static final MmmTokenizer TOKENIZER = new MmmTokenizer(TokenizerConfig.defaults(TokenizerConfig.Algorithm.MMM));

    private MmmTestSupport() {
    }

    /** A readable MIDI file and its score. */
    record ReadFile(Path path, Score score) {
    }

    /** Every file under a folder that the reader accepts, in path order; the others are the reader's concern. */
    static List<ReadFile> readAll(Path folder) throws IOException {
        List<ReadFile> files = new ArrayList<>();
        SmfReader reader = new SmfReader();
        for (Path path : TestCorpus.midiFiles(folder)) {
            try {
                files.add(new ReadFile(path, reader.read(path)));
            } catch (MidiFormatException e) {
                // not a file the reader supports: its own tests cover it
            }
        }
        return files;
    }

    /**
     * The first difference between the tracks of two scores, or empty when every track has the same program,
     * drum flag and notes (tick, duration, pitch, velocity, in sorted order).
     */
    static Optional<String> firstDifference(Score expected, Score actual) {
        return org.musai.ScoreDifference.first(expected, actual);
    }
}
