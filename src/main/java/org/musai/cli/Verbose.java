package org.musai.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code --verbose}, accepted by every command: stack traces with errors, and more detail where a command has it. */
final class Verbose {

    static final String OPTION = "--verbose";

    @Option(names = OPTION, scope = ScopeType.INHERIT, description = "Print details, such as the stack trace of an error.")
    boolean on;

    /** Whether --verbose was given on the command or any subcommand. */
    static boolean isOn(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(OPTION)) {
                return true;
            }
        }
        return false;
    }
}
