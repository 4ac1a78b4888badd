package org.musai.studio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.musai.studio.common.ErrorReporter;

/** Records what would have been shown as error dialogs. */
public final class RecordingErrors implements ErrorReporter {

    private final List<String> reports = new CopyOnWriteArrayList<>();

    @Override
    public void report(String what, Throwable cause) {
        reports.add(what + ": " + cause.getMessage());
    }

    public List<String> reports() {
        return reports;
    }
}
