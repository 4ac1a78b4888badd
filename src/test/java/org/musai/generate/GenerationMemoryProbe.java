package org.musai.generate;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.musai.MemoryProbe;
import org.musai.midi.InstrumentClass;
import org.musai.midi.TimeSignature;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;

/**
 * Run by {@link GenerationMemoryTest} in a JVM of its own (a fixed, pre-touched heap, so that resident memory moves
 * only with what the program holds): writes pieces one after the other from one loaded model and prints its memory
 * after the given piece counts, one "memory PIECE HEAP_MIB RSS_MIB" line each.
 */
public final class GenerationMemoryProbe {

    private GenerationMemoryProbe() {
    }

    /** Arguments: the model folder, bars per piece, then the piece counts to report after, ascending. */
    public static void main(String[] args) throws Exception {
        Generator generator = new Generator(ModelBundle.load(Path.of(args[0])));
        int bars = Integer.parseInt(args[1]);
        int last = Integer.parseInt(args[args.length - 1]);
        int next = 2;
        for (int piece = 1; piece <= last; piece++) {
            GenerationRequest request = new GenerationRequest(new GenerationControls(
                    EnumSet.of(InstrumentClass.PIANO, InstrumentClass.BASS), bars, TimeSignature.COMMON_TIME, 120),
                    SamplingSettings.defaults(piece), 1, null, 0, GenerationRequest.DEFAULT_MAX_TOKENS);
            Generation generation = generator.generate(request, ProgressListener.NONE, new CancellationToken()).get(0);
            if (generation.skippedTokens() != 0) {
                throw new IllegalStateException("piece " + piece + " skipped tokens");
            }
            if (piece == Integer.parseInt(args[next])) {
                System.out.printf(Locale.ROOT, "memory %d %.3f %.1f%n", piece, MemoryProbe.heapAfterGcMiB(),
                        MemoryProbe.residentMiB());
                next++;
            }
        }
    }
}
