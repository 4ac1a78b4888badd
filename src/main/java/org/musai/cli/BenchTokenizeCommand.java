package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;
import org.musai.token.dataset.TokenizeBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai bench tokenize}: parse, REMI and MMM per file, and files/s on all threads. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Time parsing and tokenizing the same files on one thread and on all threads.")
final class BenchTokenizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--midis_path"}, required = true, paramLabel = "DIR", description = "Folder of MIDI files.")
    Path folder;

    @Option(names = {"-g", "--midis_glob"}, paramLabel = "GLOB", defaultValue = SourceFiles.DEFAULT_GLOB,
            description = "Which files to take (default: ${DEFAULT-VALUE}).")
    String glob;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "0.7", hidden = true,
            description = "Seconds each figure is timed in each round (default ${DEFAULT-VALUE}).")
    double seconds;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        Arguments.between("--seconds", seconds, 0.01, 600);
        MachineLoad load = MachineLoad.atStart();
        List<SourceFile> sources = SourceFiles.find(folder, glob);
        TokenizeBenchmark.Result r = new TokenizeBenchmark((long) (seconds * 1e9)).run(sources, threads.threads());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("files", r.files());
            figures.put("parse_ms_per_file", Figures.round(r.parseMsPerFile(), 3));
            figures.put("remi_ms_per_file", Figures.round(r.remiMsPerFile(), 3));
            figures.put("mmm_ms_per_file", Figures.round(r.mmmMsPerFile(), 3));
            figures.put("files_per_s_one_thread", Figures.round(r.filesPerSOneThread(), 3));
            figures.put("files_per_s_all_threads", Figures.round(r.filesPerSAllThreads(), 3));
            figures.put("threads", r.threads());
            figures.put("speedup_all_threads", Figures.round(r.speedup(), 3));
            figures.put("speedup_by_round", r.speedups().stream().map(v -> Figures.round(v, 3)).toList());
            figures.put("rounds", TokenizeBenchmark.ROUNDS);
            figures.put("left_out", r.leftOut().stream().map(f -> Map.of("file", f.name(), "reason", f.reason()))
                    .toList());
            figures.put("load", load.figures());
            out.println(Figures.line(figures));
        } else {
            out.printf(Locale.ROOT, "%d files: parse %.3f ms/file, parse+REMI %.3f ms/file, parse+MMM %.3f ms/file "
                            + "(one thread); %.0f files/s on %d threads (%.2fx one thread, rounds %s); medians of %d "
                            + "rounds%n", r.files(), r.parseMsPerFile(), r.remiMsPerFile(), r.mmmMsPerFile(),
                    r.filesPerSAllThreads(), r.threads(), r.speedup(), r.speedups().stream()
                            .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(), TokenizeBenchmark.ROUNDS);
            out.printf(Locale.ROOT, "%d files left out, as tokenize would%s%n", r.leftOut().size(),
                    r.leftOut().isEmpty() ? "" : ":");
            r.leftOut().forEach(f -> out.println("  " + f.name() + ": " + f.reason()));
            out.println(load.text());
        }
        return ExitCodes.OK;
    }
}
