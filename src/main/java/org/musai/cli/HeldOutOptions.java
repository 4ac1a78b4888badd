package org.musai.cli;

import java.util.Set;
import org.musai.midi.InstrumentFilter;
import picocli.CommandLine.Option;

/**
 * How a benchmark finds and scores the documents a model's run held out: the corpus is tokenized again with the
 * filter of the run's dataset ({@code --min-beats}), and a seeded sample of their windows is scored. A picocli
 * mixin for the benchmarks that judge music.
 */
final class HeldOutOptions {

    /**
     * Held-out windows scored by default (about 46,000 tokens): 276 s on 2 cores at a load average of 8, where the
     * trainer's 244 windows took 145 s at 2.5. All 1,413 windows of the default model's 82 held-out documents would
     * take 14-70 minutes at those rates.
     */
    static final int DEFAULT_NLL_WINDOWS = 96;
    /** How the default models' datasets were tokenized ({@code musai tokenize -l 16}), to find their held-out files. */
    static final int DEFAULT_MIN_BEATS = 16;

    @Option(names = "--nll-windows", defaultValue = "" + DEFAULT_NLL_WINDOWS, paramLabel = "N",
            description = "Held-out windows to score, a seeded sample; 0 for all (default ${DEFAULT-VALUE}).")
    int nllWindows;

    @Option(names = "--min-beats", defaultValue = "" + DEFAULT_MIN_BEATS, paramLabel = "BEATS",
            description = "The -l the model's dataset was tokenized with, to find its held-out files (default ${DEFAULT-VALUE}).")
    double minBeats;

    /** Refuses values out of range, before any work. */
    void check() {
        Arguments.atLeast("--nll-windows", nllWindows, 0);
        Arguments.between("--min-beats", minBeats, 0, 1e6);
    }

    /** The filter the run's dataset was made with: every class but Sound Effects, at least --min-beats long. */
    InstrumentFilter filter() {
        return new InstrumentFilter(InstrumentFilter.defaultClasses(), Set.of(), minBeats, false);
    }
}
