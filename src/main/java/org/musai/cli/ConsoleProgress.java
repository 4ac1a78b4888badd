package org.musai.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.musai.progress.ProgressListener;
import org.musai.progress.Rate;

/**
 * Prints a live progress line (done/total, rate, ETA, skipped), redrawn in place at most ten times a second. Only
 * on a terminal: in a pipe or a log it stays silent and the command's summary says what happened.
 */
final class ConsoleProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean live;
    private final String unit;
    private String task = "";
    private long start;
    private long lastDraw;
    private boolean drawn;

    ConsoleProgress(PrintWriter err, String unit) {
        this(err, unit, System.console() != null);
    }

    ConsoleProgress(PrintWriter err, String unit, boolean live) {
        this.err = err;
        this.unit = unit;
        this.live = live;
    }

    @Override
    public void started(String taskName, long total) {
        clear();
        task = taskName;
        start = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void advanced(long done, long total, long failed) {
        long now = System.nanoTime();
        if (!live || (now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        Rate rate = Rate.of(done, total, now - start);
        String line = String.format(Locale.ROOT, "%s %d/%d %s  %.1f %s/s  ETA %s%s", task, done, total, unit,
                rate.perSecond(), unit, rate.etaText(), failed > 0 ? "  skipped " + failed : "");
        err.print("\r" + line + "\u001b[K");
        err.flush();
        drawn = true;
    }

    @Override
    public void finished(String summary) {
        clear();
    }

    private void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
