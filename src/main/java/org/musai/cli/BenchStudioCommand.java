package org.musai.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.musai.studio.StudioBenchmark;
import org.musai.studio.StudioLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai bench studio}: time to the first window, and piano-roll frame times. Needs a display. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Time the studio: seconds from launch to the main window, milliseconds from Generate to the "
                + "first notes in the roll and to the finished piece (default model, 16 bars, median of 5), and "
                + "piano-roll frames with many notes.",
                "Needs a display (Xvfb works)."})
final class BenchStudioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--notes", defaultValue = "20000",
            description = "Notes in the piano roll (default ${DEFAULT-VALUE}).")
    int notes;

    @Option(names = "--frames", defaultValue = "100", description = "Frames to time (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String missing = StudioLauncher.missingDisplay();
        if (missing != null) {
            throw new IllegalArgumentException(missing);
        }
        if (notes < 1 || frames < 1) {
            throw new IllegalArgumentException("--notes and --frames must be at least 1");
        }
        MachineLoad load = MachineLoad.atStart();
        StudioBenchmark.Result r = StudioBenchmark.run(notes, frames);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("window_s", Figures.round(r.windowSeconds(), 2));
        figures.put("first_notes_ms_median", Figures.round(r.firstNotesMillis(), 1));
        figures.put("piece_ms_median", Figures.round(r.pieceMillis(), 1));
        figures.put("roll_notes", r.roll().notes());
        figures.put("roll_draw_ms_median", Figures.round(r.roll().drawMillis(), 2));
        figures.put("roll_frame_ms_median", Figures.round(r.roll().frameMillis(), 2));
        figures.put("roll_rects_median", r.roll().rectangles());
        figures.put("pipeline", r.pipeline());
        figures.put("load", load.figures());
        Figures.print(spec.commandLine().getOut(), figures, json);
        return ExitCodes.OK;
    }
}
