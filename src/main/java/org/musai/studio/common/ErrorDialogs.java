package org.musai.studio.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** Shows a failure as a dialog: what was being done, the reason in words, and the details folded away. */
public final class ErrorDialogs implements ErrorReporter {

    private final Window owner;

    public ErrorDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public void report(String what, Throwable cause) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("MusAI Studio");
        alert.setHeaderText(what + " failed");
        alert.setContentText(Formats.reason(cause));
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        TextArea details = new TextArea(trace.toString());
        details.setEditable(false);
        details.setPrefRowCount(12);
        alert.getDialogPane().setExpandableContent(details);
        alert.show();
    }
}
