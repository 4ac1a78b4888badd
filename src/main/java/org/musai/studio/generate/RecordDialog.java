package org.musai.studio.generate;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.musai.audio.RecordingSettings;
import org.musai.midi.TimeSignature;
import org.musai.studio.common.Forms;

/**
 * Asks how to record a take from a MIDI keyboard: the input, tempo, meter, bars, count-in, quantize and click. The
 * page's tempo, meter and bars are the defaults, so that a take fits the piece it will prime.
 */
final class RecordDialog extends Dialog<RecordDialog.Choice> {

    /** The input port and the settings chosen. */
    record Choice(String port, RecordingSettings settings) {
    }

    static final String NO_INPUT = "No MIDI input found: connect a keyboard (or a virtual MIDI port) and open this "
            + "again.";
    private static final int MAX_BARS = 64;

    RecordDialog(Window owner, List<String> inputs, double tempo, String meter, int bars) {
        initOwner(owner);
        setTitle("Record a primer");
        setHeaderText("Play the primer on a MIDI keyboard: a bar of clicks counts in, then the bars are recorded.");
        ComboBox<String> input = new ComboBox<>();
        input.setId("recordInput");
        input.getItems().setAll(inputs);
        input.getSelectionModel().selectFirst();
        SimpleDoubleProperty bpm = new SimpleDoubleProperty(tempo);
        SimpleIntegerProperty barCount = new SimpleIntegerProperty(Math.min(bars, MAX_BARS));
        SimpleIntegerProperty countIn = new SimpleIntegerProperty(1);
        ChoiceBox<String> meters = new ChoiceBox<>();
        meters.setId("recordMeter");
        meters.getItems().setAll(GenerateView.METERS);
        meters.setValue(meter);
        CheckBox quantize = new CheckBox("Snap to sixteenths");
        quantize.setId("recordQuantize");
        quantize.setSelected(true);
        CheckBox click = new CheckBox("Click while recording");
        click.setId("recordClick");
        click.setSelected(true);
        GridPane form = Forms.form();
        Forms.row(form, "Input", input);
        Forms.row(form, "Tempo (bpm)", Forms.doubleSpinner("recordTempo", bpm, 20, 400, 1));
        Forms.row(form, "Time signature", meters);
        Forms.row(form, "Bars", Forms.intSpinner("recordBars", barCount, 1, MAX_BARS, 1));
        Forms.row(form, "Count-in bars", Forms.intSpinner("recordCountIn", countIn, 0, 4, 1));
        Forms.row(form, "Quantize", quantize);
        Forms.row(form, "Metronome", click);
        Label none = new Label(NO_INPUT);
        none.setId("noRecordInput");
        none.setWrapText(true);
        none.setVisible(inputs.isEmpty());
        none.setManaged(inputs.isEmpty());
        getDialogPane().setContent(new VBox(8, none, form));
        ButtonType record = new ButtonType("Record", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(record, ButtonType.CANCEL);
        getDialogPane().lookupButton(record).setId("startRecording");
        getDialogPane().lookupButton(record).disableProperty().bind(input.valueProperty().isNull());
        setResultConverter(button -> button != record ? null : new Choice(input.getValue(), new RecordingSettings(
                bpm.get(), TimeSignature.parse(meters.getValue()), barCount.get(), countIn.get(),
                quantize.isSelected(), click.isSelected())));
    }

    Optional<Choice> ask() {
        return showAndWait();
    }
}
