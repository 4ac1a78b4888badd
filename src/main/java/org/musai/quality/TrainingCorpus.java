package org.musai.quality;

import org.musai.midi.BarMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.MidiFormatException;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;

/**
 * The training corpus as a model's tokenizer sees it: every MIDI file of a folder, with the dataset's default track
 * filter (all classes but Sound Effects) and quantized as the tokenizer quantizes (grid, pitch range, meter changes
 * on bar lines, one track per instrument). It keeps the opening bars of each piece and the usual range of each class
 * over whole pieces, and says which files it could not use and why. Immutable once read.
 */
public final class TrainingCorpus {

    /**
     * A usable piece.
     *
     * @param name    its path relative to the corpus folder
     * @param opening its first bars (as many as were asked for when reading), quantized
     * @param bars    how many bars the whole piece spans
     * @param classes the instrument classes that play in the whole piece
     */
    public record Piece(String name, Score opening, int bars, Set<InstrumentClass> classes) {
    }

    /**
     * A file left out.
     *
     * @param name   its path relative to the corpus folder
     * @param reason why, in one line
     */
    public record Skipped(String name, String reason) {
    }

    private final Path folder;
    private final List<Piece> pieces;
    private final List<Skipped> skipped;
    private final UsualRange range;

    private TrainingCorpus(Path folder, List<Piece> pieces, List<Skipped> skipped, UsualRange range) {
        this.folder = folder;
        this.pieces = List.copyOf(pieces);
        this.skipped = List.copyOf(skipped);
        this.range = range;
    }

    /** Reads every MIDI file under a folder, keeping the first {@code keepBars} bars of each. */
    public static TrainingCorpus read(Path folder, Quantization quantization, int keepBars, ProgressListener listener,
                                      CancellationToken cancel) throws IOException, CancelledException {
        List<SourceFile> files = SourceFiles.find(folder, null);
        Quantizer quantizer = new Quantizer(quantization);
        InstrumentFilter filter = InstrumentFilter.defaults();
        SmfReader reader = new SmfReader();
        UsualRange range = new UsualRange();
        List<Piece> pieces = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        listener.started("read the corpus", files.size());
        for (SourceFile file : files) {
            cancel.throwIfCancelled();
            String reason = null;
            try {
                InstrumentFilter.Outcome outcome = filter.apply(reader.read(file.path()));
                if (outcome.skipped()) {
                    reason = outcome.skipReason();
                } else {
                    Score quantized = quantizer.quantize(outcome.score());
                    if (quantized.noteCount() == 0) {
                        reason = "no notes in the pitch range " + quantization.config().pitchLow() + "-"
                                + quantization.config().pitchHigh();
                    } else {
                        range.add(quantized);
                        Score opening = PieceJudge.opening(quantized, BarMap.of(quantized, keepBars).end());
                        pieces.add(new Piece(file.name(), opening, BarMap.barsOf(quantized),
                                InstrumentFilter.classesOf(quantized)));
                    }
                }
            } catch (MidiFormatException e) {
                reason = "unreadable: " + e.getMessage();
            } catch (IOException e) {
                reason = "cannot read file: " + e.getMessage();
            }
            if (reason != null) {
                skipped.add(new Skipped(file.name(), reason));
            }
            listener.advanced(pieces.size() + skipped.size(), files.size(), skipped.size());
        }
        listener.finished(pieces.size() + " pieces, " + skipped.size() + " files left out");
        return new TrainingCorpus(folder, pieces, skipped, range);
    }

    public Path folder() {
        return folder;
    }

    /** The usable pieces, sorted by name. */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The files that could not be used at all. */
    public List<Skipped> skipped() {
        return skipped;
    }

    /** The usual highest pitch of each class, over every note of the usable pieces. */
    public UsualRange range() {
        return range;
    }

    /** The pieces of at least this many bars. */
    public List<Piece> atLeast(int bars) {
        return pieces.stream().filter(p -> p.bars() >= bars).toList();
    }

    /** The pieces shorter than this many bars. */
    public List<Piece> shorterThan(int bars) {
        return pieces.stream().filter(p -> p.bars() < bars).toList();
    }
}
