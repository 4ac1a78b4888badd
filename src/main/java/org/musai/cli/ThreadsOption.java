package org.musai.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} and {@code -d} options that every parallel command shares. */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-d", "--debug"}, description = "One thread, as the seed's debug mode.")
    boolean singleThread;

    int threads() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
        }
        return singleThread ? 1 : threads;
    }
}
