package org.musai.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs {@code musai} in-process as the shell would, capturing its exit code, stdout and stderr. */
final class CliRunner {

    /**
     * What one run gave.
     *
     * @param exit the exit code
     * @param out  what it printed on stdout
     * @param err  what it printed on stderr
     */
    record Result(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(Object... args) {
        CommandLine cmd = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        int exit = cmd.execute(strings);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new Result(exit, out.toString(), err.toString());
    }

    /** The corpus that ships with the tests (src/test/resources/corpus). */
    static Path bundledCorpus() {
        return org.musai.TestCorpus.bundled();
    }
}
