package org.musai.studio.common;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Small layout helpers shared by the workspaces: titled sections and two-column forms. */
public final class Forms {

    private static final double GAP = 6;

    private Forms() {
    }

    /** A titled box of content. */
    public static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = new VBox(GAP, heading);
        box.getChildren().addAll(content);
        box.getStyleClass().add(Styles.SECTION);
        box.setPadding(new Insets(8));
        return box;
    }

    /** A grid of label/control rows. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // labels are never cut short
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, controls);
        return grid;
    }

    /** An editable spinner kept in step with an integer property, both ways. */
    public static Spinner<Integer> intSpinner(String id, IntegerProperty property, int min, int max, int step) {
        Spinner<Integer> spinner = new Spinner<>(min, max, Math.max(min, property.get()), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().addListener((o, old, value) -> property.set(value));
        property.addListener((o, old, value) -> spinner.getValueFactory().setValue(value.intValue()));
        return spinner;
    }

    /** An editable spinner kept in step with a decimal property, both ways. */
    public static Spinner<Double> doubleSpinner(String id, DoubleProperty property, double min, double max,
                                                double step) {
        Spinner<Double> spinner = new Spinner<>(min, max, property.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.getValueFactory().valueProperty().addListener((o, old, value) -> property.set(value));
        property.addListener((o, old, value) -> spinner.getValueFactory().setValue(value.doubleValue()));
        return spinner;
    }

    /** Adds a row to a form made by {@link #form()}. */
    public static void row(GridPane form, String label, Node control) {
        int row = form.getRowCount();
        Label text = new Label(label);
        text.setLabelFor(control);
        form.addRow(row, text, control);
    }
}
