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
        if (java.nio.file.Files.isRegularFile(folder) && report.readable() == 1) {
            printTracks(new org.musai.midi.SmfReader().read(folder), out);
        }
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

    /** The tracks of one file, numbered as generate --infill --tracks counts them. */
    private static void printTracks(org.musai.midi.Score score, PrintWriter out) {
        org.musai.midi.BarMap bars = org.musai.midi.BarMap.of(score, org.musai.midi.BarMap.barsOf(score));
        out.println("tracks (as generate --tracks counts them):");
        int number = 1;
        for (org.musai.midi.Track track : score.tracks()) {
            String where = track.notes().isEmpty() ? "" : String.format(Locale.ROOT, ", bars %d-%d",
                    bars.barAt(track.notes().get(0).tick()) + 1, bars.barAt(Math.max(0, track.endTick() - 1)) + 1);
            out.printf(Locale.ROOT, "  %2d %-24s %s, program %d, %d notes%s%n", number++,
                    track.name().isEmpty() ? "(no name)" : "'" + track.name() + "'", track.instrumentClass()
                            .displayName(), track.program(), track.notes().size(), where);
        }
    }
}
