package org.musai.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A run's metrics.csv read back, so that a reopened run shows its whole history. Lines that do not parse (a line cut
 * short by a crash) are left out and counted.
 *
 * @param steps      one entry per training step, in order
 * @param unreadable lines that could not be read
 */
public record RunHistory(List<Step> steps, int unreadable) {

    /**
     * One line of metrics.csv.
     *
     * @param step            step number, 1-based
     * @param epoch           its epoch
     * @param loss            training loss per token
     * @param validationLoss  validation loss at the end of an epoch, NaN elsewhere
     * @param learningRate    the rate used
     * @param tokensPerSecond speed of the step
     * @param elapsedSeconds  training time up to it
     */
    public record Step(long step, int epoch, double loss, double validationLoss, double learningRate,
                       double tokensPerSecond, double elapsedSeconds) {
    }

    public RunHistory {
        steps = List.copyOf(steps);
    }

    /** Reads a metrics.csv; an empty history when there is none yet. */
    public static RunHistory read(Path metricsCsv) throws IOException {
        if (!Files.isRegularFile(metricsCsv)) {
            return new RunHistory(List.of(), 0);
        }
        List<Step> steps = new ArrayList<>();
        int unreadable = 0;
        for (String line : Files.readAllLines(metricsCsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("step,")) {
                continue;
            }
            Optional<Step> step = parse(line);
            if (step.isPresent()) {
                steps.add(step.get());
            } else {
                unreadable++; // a short or garbled line: the rest of the history still shows
            }
        }
        return new RunHistory(steps, unreadable);
    }

    /** One row of metrics.csv; empty when it is not a complete row. */
    static Optional<Step> parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 7) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Step(Long.parseLong(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Double.parseDouble(f[6])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
