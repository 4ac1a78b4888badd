package org.musai.cli;

import picocli.CommandLine.Option;

/** The {@code --threads} option of commands that run PyTorch: it must be set before the engine starts. */
final class TorchThreadsOption {

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch threads (default: all cores).")
    Integer threads;

    /** Passes the choice to DJL's PyTorch engine; call before any DJL work. */
    void apply() {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
            }
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
    }

    /** The threads PyTorch will use. */
    int count() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
