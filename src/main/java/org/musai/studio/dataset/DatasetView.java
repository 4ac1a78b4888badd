package org.musai.studio.dataset;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableSet;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import org.musai.studio.common.ClassChecks;
import org.musai.studio.common.ClassNames;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.controlsfx.control.CheckListView;
import org.musai.midi.InstrumentClass;
import org.musai.studio.StudioPreferences.Place;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.Forms;
import org.musai.studio.common.PathField;
import org.musai.studio.common.Styles;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.FolderInspector;
import org.musai.token.dataset.Manifest;

/** The dataset workspace: drop or choose a folder, see what it holds, choose what to keep, tokenize. */
public final class DatasetView extends BorderPane {

    private static final int MAX_VOCABULARY = 65_536;
    private static final double MAX_MIN_BEATS = 10_000;

    private final DatasetViewModel model;
    private final Choosers choosers;
    private final ClassBarChart classChart = new ClassBarChart();

    public DatasetView(DatasetViewModel model, Choosers choosers) {
        this.model = model;
        this.choosers = choosers;
        getStyleClass().add(Styles.WORKSPACE);
        SplitPane split = new SplitPane(sourcePane(), settingsPane());
        split.setDividerPositions(0.55);
        setCenter(split);
        setBottom(runPane());
    }

    private VBox sourcePane() {
        Label drop = new Label("Drop a folder of MIDI files here");
        drop.setId("dropZone");
        drop.getStyleClass().add(Styles.DROP_ZONE);
        drop.setMaxWidth(Double.MAX_VALUE);
        drop.textProperty().bind(Bindings.createStringBinding(() -> model.sourceProperty().get() == null
                        ? "Drop a folder of MIDI files here" : model.sourceProperty().get().toString(),
                model.sourceProperty()));
        drop.setOnDragOver(this::acceptFolder);
        drop.setOnDragExited(e -> drop.getStyleClass().remove(Styles.DROP_ZONE_ACTIVE));
        drop.setOnDragDropped(this::dropFolder);
        Button choose = new Button("Choose folder…");
        choose.setId("chooseSource");
        choose.setOnAction(e -> choosers.folder(getScene().getWindow(), "Folder of MIDI files", Place.MIDI_FOLDER)
                .ifPresent(model::chooseSource));
        choose.disableProperty().bind(model.busyProperty());
        drop.disableProperty().bind(model.busyProperty());
        TextField typedSource = PathField.of("sourceField", model.sourceProperty(), model::chooseSource,
                path -> java.nio.file.Files.exists(path) ? null : "nothing there");
        typedSource.setPromptText("or type or paste a folder (or a list of files)");
        typedSource.disableProperty().bind(model.busyProperty());
        HBox.setHgrow(typedSource, Priority.ALWAYS);
        TextField glob = new TextField();
        glob.setId("glob");
        glob.textProperty().bindBidirectional(model.globProperty());
        HBox.setHgrow(glob, Priority.ALWAYS);
        Button inspect = new Button("Inspect");
        inspect.setId("inspect");
        inspect.setOnAction(e -> model.inspect());
        inspect.disableProperty().bind(model.busyProperty().or(model.sourceProperty().isNull()));
        HBox pattern = new HBox(6, new Label("Files"), glob, inspect);
        Label summary = new Label();
        summary.setId("inspectSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        classChart.setId("classChart");
        Label chartTitle = new Label("Files per instrument class");
        chartTitle.getStyleClass().add(Styles.SECTION_TITLE);
        model.reportProperty().addListener((o, old, report) -> showClasses(report));
        return Forms.section("Source", drop, new HBox(6, typedSource, choose), pattern, summary, chartTitle,
                classChart);
    }

    private void acceptFolder(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            Label zone = (Label) event.getSource();
            if (!zone.getStyleClass().contains(Styles.DROP_ZONE_ACTIVE)) {
                zone.getStyleClass().add(Styles.DROP_ZONE_ACTIVE);
            }
        }
        event.consume();
    }

    private void dropFolder(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles() && !event.getDragboard().getFiles().isEmpty()) {
            File first = event.getDragboard().getFiles().get(0);
            Path folder = first.isDirectory() ? first.toPath() : first.toPath().getParent();
            choosers.preferences().setPath(Place.MIDI_FOLDER, folder);
            model.chooseSource(folder);
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private void showClasses(FolderInspector.Report report) {
        Map<InstrumentClass, Integer> counts = new EnumMap<>(InstrumentClass.class);
        if (report != null) {
            for (InstrumentClass c : InstrumentClass.values()) {
                counts.put(c, report.classFiles().getOrDefault(c.displayName(), 0));
            }
        }
        classChart.setCounts(counts);
    }

    private VBox settingsPane() {
        GridPane form = Forms.form();
        Forms.row(form, "Keep classes", classList("keepClasses", model.keepClasses()));
        Forms.row(form, "Require classes", classList("requireClasses", model.requiredClasses()));
        Forms.row(form, "Minimum length (beats)", Forms.doubleSpinner("minBeats", model.minBeatsProperty(), 0,
                MAX_MIN_BEATS, 4));
        CheckBox merge = new CheckBox("Merge the tracks of a class");
        merge.setId("mergeClasses");
        merge.selectedProperty().bindBidirectional(model.mergeClassesProperty());
        Forms.row(form, "", merge);
        ChoiceBox<TokenizerConfig.Algorithm> algorithm = new ChoiceBox<>();
        algorithm.setId("algorithm");
        algorithm.getItems().setAll(TokenizerConfig.Algorithm.values());
        algorithm.valueProperty().bindBidirectional(model.algorithmProperty());
        Forms.row(form, "Tokenization", algorithm);
        CheckBox bpe = new CheckBox("Learn BPE");
        bpe.setId("bpe");
        bpe.selectedProperty().bindBidirectional(model.bpeProperty());
        Spinner<Integer> vocab = Forms.intSpinner("vocabSize", model.vocabSizeProperty(), 0, MAX_VOCABULARY, 100);
        vocab.disableProperty().bind(bpe.selectedProperty().not());
        Label auto = new Label("0 = 1.25 × base");
        auto.getStyleClass().add(Styles.HINT);
        Forms.row(form, "", new HBox(6, bpe, vocab, auto));
        CheckBox forDefault = new CheckBox("Tokenize for fine-tuning the shipped model");
        forDefault.setId("forDefaultModel");
        forDefault.selectedProperty().bindBidirectional(model.forDefaultModelProperty());
        forDefault.setTooltip(new javafx.scene.control.Tooltip("Uses the default model's tokenization and BPE "
                + "merges, so that the Train page can fine-tune it on these files"));
        bpe.disableProperty().bind(forDefault.selectedProperty());
        algorithm.disableProperty().bind(forDefault.selectedProperty());
        Forms.row(form, "", forDefault);
        TextField output = PathField.of("output", model.outputProperty(), model.outputProperty()::set,
                PathField::folderMissing);
        output.disableProperty().bind(model.busyProperty());
        HBox.setHgrow(output, Priority.ALWAYS);
        Button chooseOutput = new Button("…");
        chooseOutput.setId("chooseOutput");
        chooseOutput.setOnAction(e -> choosers.folder(getScene().getWindow(), "Dataset folder", Place.DATASET_FOLDER)
                .ifPresent(model.outputProperty()::set));
        chooseOutput.disableProperty().bind(model.busyProperty());
        Forms.row(form, "Output folder", new HBox(6, output, chooseOutput));
        return Forms.section("Tokenization", form);
    }

    /** A check list of the 17 classes kept in step with a set of the view model. */
    private static CheckListView<InstrumentClass> classList(String id, ObservableSet<InstrumentClass> chosen) {
        CheckListView<InstrumentClass> list = new CheckListView<>();
        list.setId(id);
        list.getItems().setAll(InstrumentClass.values());
        list.setPrefHeight(150);
        list.setCellFactory(v -> new CheckBoxListCell<>(list::getItemBooleanProperty, ClassNames.CONVERTER));
        ClassChecks.bind(list.getCheckModel(), chosen);
        return list;
    }

    private VBox runPane() {
        Button tokenize = new Button("Tokenize");
        tokenize.setId("tokenize");
        tokenize.getStyleClass().add(Styles.PRIMARY);
        tokenize.setOnAction(e -> model.tokenize());
        tokenize.disableProperty().bind(model.busyProperty().or(model.sourceProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDataset");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("datasetProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setPrefWidth(260);
        Label text = new Label();
        text.setId("datasetProgressText");
        text.textProperty().bind(model.progressTextProperty());
        HBox controls = new HBox(8, tokenize, cancel, bar, text);
        TableView<Manifest.SkippedFile> skipped = new TableView<>(model.skippedFiles());
        skipped.setId("skippedFiles");
        skipped.setPlaceholder(new Label("No skipped files"));
        TableColumn<Manifest.SkippedFile, String> file = new TableColumn<>("Skipped file");
        file.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        file.setPrefWidth(380);
        TableColumn<Manifest.SkippedFile, String> reason = new TableColumn<>("Reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        reason.setPrefWidth(620);
        skipped.getColumns().setAll(java.util.List.of(file, reason));
        skipped.setPrefHeight(160);
        return Forms.section("Run", controls, skipped);
    }
}
