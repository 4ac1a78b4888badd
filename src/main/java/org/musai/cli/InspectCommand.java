package org.musai.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.token.dataset.FolderInspector;
import org.musai.token.dataset.Manifest;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code musai inspect}: what a folder of MIDI files holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a folder of MIDI files holds: readable files, instrument classes, lengths.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Folder (searched recursively), list file or MIDI file.")
    Path folder;

    @Option(names = {"-g", "--midis_glob"}, paramLabel = "GLOB", defaultValue = SourceFiles.DEFAULT_GLOB,
            description = "Which files to look at (default: ${DEFAULT-VALUE}).")
    String glob;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        List<SourceFile> sources = SourceFiles.find(folder, glob);
        FolderInspector.Report report;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            report = new FolderInspector().inspect(sources, threads.threads(),
                    new ConsoleProgress(spec.commandLine().getErr(), "files"), interrupt.token());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Figures.line(report));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%s: %d files, %d readable, %d notes%n", folder, report.files(), report.readable(),
                report.notes());
        FolderInspector.LengthStats lengths = report.lengthBeats();
        out.printf(Locale.ROOT, "length in beats: min %.1f, median %.1f, mean %.1f, max %.1f%n", lengths.min(),
                lengths.median(), lengths.mean(), lengths.max());
        out.println("files per instrument class:");
        int number = 0;
        for (Map.Entry<String, Integer> entry : report.classFiles().entrySet()) {
            out.printf(Locale.ROOT, "  %2d %-20s %d%n", number++, entry.getKey(), entry.getValue());
        }
        out.println("tokenizing with the default settings: " + report.loss().describe());
        if (!report.damaged().isEmpty()) {
            out.println("damaged, read up to the damage (" + report.damaged().size() + "):");
            for (FolderInspector.DamagedFile file : report.damaged()) {
                out.println("  " + file.source() + ": " + String.join("; ", file.warnings()));
            }
        }
        if (!report.unreadable().isEmpty()) {
            out.println("unreadable (" + report.unreadable().size() + "):");
            for (Manifest.SkippedFile file : report.unreadable()) {
                out.println("  " + file.source() + ": " + file.reason());
            }
        }
        return ExitCodes.OK;
    }
}
