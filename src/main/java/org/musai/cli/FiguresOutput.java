package org.musai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.musai.io.AtomicFiles;
import picocli.CommandLine.Option;

/**
 * Where a benchmark's figures go: a table for people, or one JSON line ({@code --json}), and every figure as JSON to
 * a file as well ({@code -o}). A picocli mixin for the benchmarks that judge music.
 */
final class FiguresOutput {

    @Option(names = "--json", description = "Print one JSON line with every figure.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.json",
            description = "Also write every figure as JSON to this file (with the table printed).")
    Path output;

    /** Refuses an output file that cannot be written, before any work. */
    void check() {
        if (output != null) {
            Arguments.outputFile("-o", output);
        }
    }

    /** Writes the JSON line to the file if one was given, and prints it or the table. */
    void print(PrintWriter out, String jsonLine, Runnable table) throws IOException {
        if (output != null) {
            AtomicFiles.write(output, (jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (json) {
            out.println(jsonLine);
        } else {
            table.run();
        }
    }
}
