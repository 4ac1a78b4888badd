package org.musai.studio.generate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import org.controlsfx.control.CheckComboBox;
import org.musai.midi.InstrumentClass;
import org.musai.studio.StudioPreferences.Place;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.ClassChecks;
import org.musai.studio.common.ClassNames;
import org.musai.studio.common.Forms;
import org.musai.studio.common.Styles;
import org.musai.studio.pianoroll.BarSelection;
import org.musai.studio.pianoroll.PianoRoll;

/**
 * The generate workspace: controls on the left, the piano roll with its variations and tracks in the middle, and the
 * transport (play, export, drag out) below.
 */
public final class GenerateView extends BorderPane {

    private static final int MAX_BARS = 256;
    private static final int MAX_VARIATIONS = 16;
    private static final double MIN_TEMPO = 20;
    private static final double MAX_TEMPO = 300;
    private static final double MIN_TEMPERATURE = 0.1;
    private static final double MAX_TEMPERATURE = 2.0;
    private static final int MAX_TOP_K = 1000;
    private static final int MAX_PRIMER_BARS = 256;
    private static final double SWATCH_SIZE = 10;
    private static final double MIN_TOP_P = 0.05;
    private static final double MAX_PENALTY = 2.0;
    /** The step of the sampling spinners. */
    private static final double STEP = 0.05;

    private final GenerateViewModel model;
    private final Choosers choosers;
    private final PianoRoll roll = new PianoRoll();
    private final ListView<TrackRow> trackList;
    /** The instrument of the part that Add track writes. */
    /** The time signatures offered, for a piece and for a take. */
    static final List<String> METERS = List.of("4/4", "3/4", "2/4", "6/8", "5/4", "7/8", "12/8");
    private final ComboBox<InstrumentClass> newPart = new ComboBox<>();

    public GenerateView(GenerateViewModel model, Choosers choosers) {
        this.model = model;
        this.choosers = choosers;
        getStyleClass().add(Styles.WORKSPACE);
        roll.setId("pianoRoll");
        trackList = trackList();
        model.selectedProperty().addListener((o, old, variation) -> {
            roll.setScore(variation == null ? null : variation.generation().score());
            roll.selectionProperty().set(null);
            if (variation != null) {
                roll.zoomToFit();
            }
        });
        model.draftProperty().addListener((o, old, draft) -> {
            if (draft != null) {
                roll.setScore(draft.score());
                roll.zoomToFit(draft.barsInAll());
            }
        });
        model.dimmedTracksProperty().addListener((o, old, dimmed) -> roll.setDimmedTracks(dimmed));
        roll.playheadTickProperty().bind(model.playback().playheadTickProperty());
        SplitPane split = new SplitPane(controlsPane(), rollPane());
        split.setDividerPositions(0.3);
        setCenter(split);
        setBottom(transportPane());
    }

    private VBox controlsPane() {
        Label modelName = new Label();
        modelName.setId("modelName");
        modelName.setWrapText(true);
        modelName.textProperty().bind(model.modelNameProperty());
        Button openModel = new Button("Model…");
        openModel.setId("openModel");
        openModel.setOnAction(e -> choosers.folder(getScene().getWindow(), "Model, run or checkpoint folder",
                Place.MODEL_FOLDER).ifPresent(model::loadModel));
        Button defaultModel = new Button("Default");
        defaultModel.setId("defaultModel");
        defaultModel.setOnAction(e -> model.loadModel(null));
        Button adapter = new Button("Adapter…");
        adapter.setId("openAdapter");
        adapter.setTooltip(new javafx.scene.control.Tooltip("A fine-tune (a LoRA run folder) on top of the model "
                + "shown: the model it was trained on"));
        adapter.setOnAction(e -> choosers.folder(getScene().getWindow(), "LoRA run folder", Place.MODEL_FOLDER)
                .ifPresent(model::loadAdapter));

        GridPane form = Forms.form();
        CheckComboBox<InstrumentClass> classes = new CheckComboBox<>();
        classes.setId("classes");
        classes.getItems().setAll(InstrumentClass.values());
        classes.setConverter(ClassNames.CONVERTER);
        ClassChecks.bind(classes.getCheckModel(), model.classes());
        classes.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(classes, Priority.ALWAYS);
        javafx.scene.control.MenuButton presets = new javafx.scene.control.MenuButton("Presets");
        presets.setId("instrumentPresets");
        Runnable fillPresets = () -> {
            presets.getItems().clear();
            for (InstrumentPreset preset : model.presets()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(preset.name());
                item.setOnAction(e -> model.applyPreset(preset));
                presets.getItems().add(item);
            }
            javafx.scene.control.MenuItem save = new javafx.scene.control.MenuItem("Save these as a preset…");
            save.setOnAction(e -> {
                javafx.scene.control.TextInputDialog name = new javafx.scene.control.TextInputDialog();
                name.initOwner(getScene().getWindow());
                name.setHeaderText("A name for the instruments checked now");
                name.showAndWait().ifPresent(model::savePreset);
            });
            presets.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), save);
        };
        fillPresets.run();
        model.presets().addListener((javafx.collections.ListChangeListener<InstrumentPreset>) c -> fillPresets.run());
        presets.setMinWidth(Region.USE_PREF_SIZE);
        classes.setMinWidth(0);
        classes.setPrefWidth(1); // the check list takes what the presets button leaves
        Forms.row(form, "Instruments", new HBox(6, classes, presets));
        Forms.row(form, "Bars", Forms.intSpinner("bars", model.barsProperty(), 1, MAX_BARS, 1));
        Forms.row(form, "Tempo (bpm)", Forms.doubleSpinner("tempo", model.tempoProperty(), MIN_TEMPO, MAX_TEMPO, 1));
        ChoiceBox<String> meter = new ChoiceBox<>();
        meter.setId("meter");
        meter.getItems().setAll(METERS);
        meter.valueProperty().bindBidirectional(model.meterProperty());
        Forms.row(form, "Time signature", meter);
        Slider temperature = new Slider(MIN_TEMPERATURE, MAX_TEMPERATURE, model.temperatureProperty().get());
        temperature.setId("temperature");
        temperature.valueProperty().bindBidirectional(model.temperatureProperty());
        Label temperatureValue = new Label();
        temperatureValue.textProperty().bind(model.temperatureProperty().asString("%.2f"));
        HBox.setHgrow(temperature, Priority.ALWAYS);
        Forms.row(form, "Temperature", new HBox(6, temperature, temperatureValue));
        Forms.row(form, "Top-p", Forms.doubleSpinner("topP", model.topPProperty(), MIN_TOP_P, 1.0, STEP));
        Forms.row(form, "Top-k (0: all)", Forms.intSpinner("topK", model.topKProperty(), 0, MAX_TOP_K, 1));
        Forms.row(form, "Repetition penalty", Forms.doubleSpinner("repetitionPenalty",
                model.repetitionPenaltyProperty(), 1.0, MAX_PENALTY, STEP));
        TextField seed = new TextField();
        seed.setId("seed");
        seed.textProperty().bindBidirectional(model.seedProperty(), new javafx.util.converter.NumberStringConverter(
                java.util.Locale.ROOT, "#"));
        Button dice = new Button("⚄");
        dice.setId("rollSeed");
        dice.setTooltip(new Tooltip("A new random seed"));
        dice.setOnAction(e -> model.rollSeed());
        HBox.setHgrow(seed, Priority.ALWAYS);
        Forms.row(form, "Seed", new HBox(6, seed, dice));
        Forms.row(form, "Variations", Forms.intSpinner("variationCount", model.variationCountProperty(), 1,
                MAX_VARIATIONS, 1));
        Forms.row(form, "Primer", primerField());
        Forms.row(form, "Primer bars (0: all)", Forms.intSpinner("primerBars", model.primerBarsProperty(), 0,
                MAX_PRIMER_BARS, 1));

        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.getStyleClass().add(Styles.PRIMARY);
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.setOnAction(e -> model.generate());
        generate.disableProperty().bind(model.busyProperty().or(model.modelProperty().isNull()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelGenerate");
        cancel.textProperty().bind(Bindings.when(model.recordingProperty()).then("■ Stop").otherwise("Cancel"));
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.busyProperty().not());
        HBox.setHgrow(generate, Priority.ALWAYS);
        return new VBox(Forms.section("Model", modelName, new HBox(6, openModel, defaultModel, adapter)),
                Forms.section("Controls", form, new HBox(6, generate, cancel)));
    }

    private HBox primerField() {
        Label primer = new Label();
        primer.setId("primer");
        primer.getStyleClass().add(Styles.DROP_ZONE);
        primer.setMaxWidth(Double.MAX_VALUE);
        primer.textProperty().bind(Bindings.createStringBinding(() -> model.primerProperty().get() == null
                ? "Drop a MIDI file" : model.primerProperty().get().getFileName().toString(), model.primerProperty()));
        primer.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        primer.setOnDragDropped(this::dropPrimer);
        Button choose = new Button("…");
        choose.setId("choosePrimer");
        choose.setOnAction(e -> choosers.open(getScene().getWindow(), "Primer", Place.MIDI_FOLDER,
                Choosers.midiFiles()).ifPresent(model.primerProperty()::set));
        Button clear = new Button("✕");
        clear.setId("clearPrimer");
        clear.setOnAction(e -> model.primerProperty().set(null));
        Button record = new Button("●");
        record.setId("recordPrimer");
        record.setTooltip(new javafx.scene.control.Tooltip("Record the primer from a MIDI keyboard…"));
        record.setOnAction(e -> recordPrimer());
        record.disableProperty().bind(model.busyProperty());
        HBox.setHgrow(primer, Priority.ALWAYS);
        return new HBox(4, primer, choose, clear, record);
    }

    /** Asks how to record, then records a take from the chosen MIDI input; it becomes the primer. */
    public void recordPrimer() {
        new RecordDialog(getScene().getWindow(), new org.musai.audio.MidiRecorder().inputPorts(),
                model.tempoProperty().get(), model.meterProperty().get(), model.barsProperty().get()).ask()
                .ifPresent(choice -> model.record(choice.port(), choice.settings()));
    }

    private void dropPrimer(DragEvent event) {
        Dragboard board = event.getDragboard();
        boolean done = false;
        if (board.hasFiles() && !board.getFiles().isEmpty()) {
            File file = board.getFiles().get(0);
            model.primerProperty().set(file.toPath());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private BorderPane rollPane() {
        ListView<Variation> variations = new ListView<>(model.variations());
        variations.setId("variations");
        variations.setPlaceholder(new Label("Generated pieces appear here"));
        variations.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Variation variation, boolean empty) {
                super.updateItem(variation, empty);
                setText(empty || variation == null ? null : variation.toString());
                setGraphic(empty || variation == null ? null : new RollThumbnail(variation.generation().score()));
            }
        });
        variations.setPrefHeight(170);
        javafx.scene.control.MenuItem star = new javafx.scene.control.MenuItem("Star / unstar");
        star.setOnAction(e -> withChosen(variations, model::toggleStar));
        javafx.scene.control.MenuItem delete = new javafx.scene.control.MenuItem("Delete");
        delete.setOnAction(e -> withChosen(variations, model::delete));
        javafx.scene.control.MenuItem rename = new javafx.scene.control.MenuItem("Rename…");
        rename.setOnAction(e -> withChosen(variations, this::rename));
        variations.setContextMenu(new javafx.scene.control.ContextMenu(star, rename, delete));
        variations.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DELETE || e.getCode() == javafx.scene.input.KeyCode.BACK_SPACE) {
                withChosen(variations, model::delete);
            } else if (e.getCode() == javafx.scene.input.KeyCode.S && !e.isShortcutDown()) {
                withChosen(variations, model::toggleStar);
            } else if (e.getCode() == javafx.scene.input.KeyCode.F2) {
                withChosen(variations, this::rename);
            }
        });
        variations.getSelectionModel().selectedItemProperty().addListener((o, old, v) -> {
            if (v != null) {
                model.selectedProperty().set(v);
            }
        });
        model.selectedProperty().addListener((o, old, v) -> {
            variations.getSelectionModel().select(v);
            if (v != null) {
                variations.scrollTo(v); // a new piece lands in view, however long the list
            }
        });
        VBox side = new VBox(8, Forms.section("Variations", variations), Forms.section("Tracks", trackList));
        side.setPrefWidth(290);
        side.setMinWidth(240);
        VBox.setVgrow(trackList, Priority.ALWAYS);
        Button regenerate = new Button("Regenerate selection");
        regenerate.setId("regenerate");
        regenerate.setOnAction(e -> regenerateSelection());
        regenerate.disableProperty().bind(model.infillModelProperty().isNull().or(roll.selectionProperty().isNull())
                .or(model.busyProperty()));
        Label selection = new Label();
        selection.setId("selectionText");
        selection.getStyleClass().add(Styles.HINT);
        selection.textProperty().bind(Bindings.createStringBinding(() -> {
            BarSelection s = roll.selectionProperty().get();
            if (model.infillModelProperty().get() == null) {
                return "Drag on the bar ruler to select bars; regenerating them needs an MMM model";
            }
            return s == null ? "Drag on the bar ruler to select bars" : "Bars " + s.firstBar() + "-" + s.lastBar()
                    + " of the checked tracks (none checked: all)";
        }, roll.selectionProperty(), model.infillModelProperty()));
        Button fit = new Button("Fit");
        fit.setId("zoomToFit");
        fit.setOnAction(e -> roll.zoomToFit());
        fit.setMinWidth(Region.USE_PREF_SIZE);
        regenerate.setMinWidth(Region.USE_PREF_SIZE);
        newPart.getItems().setAll(InstrumentClass.values());
        newPart.setId("newPartClass");
        newPart.setValue(InstrumentClass.BASS);
        newPart.setMinWidth(Region.USE_PREF_SIZE);
        newPart.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(InstrumentClass c) {
                return c == null ? "" : c.displayName();
            }

            @Override
            public InstrumentClass fromString(String text) {
                return InstrumentClass.parse(text);
            }
        });
        Button addTrack = new Button("Add track");
        addTrack.setId("addTrack");
        addTrack.setMinWidth(Region.USE_PREF_SIZE);
        addTrack.setTooltip(new javafx.scene.control.Tooltip("Write a new part of this instrument over the whole "
                + "piece; every other note stays"));
        addTrack.setOnAction(e -> addTrack());
        addTrack.disableProperty().bind(model.infillModelProperty().isNull().or(model.selectedProperty().isNull())
                .or(model.busyProperty()));
        HBox rollBar = new HBox(8, fit, regenerate, newPart, addTrack, selection);
        BorderPane center = new BorderPane(roll);
        center.setTop(rollBar);
        BorderPane pane = new BorderPane(center);
        pane.setRight(side);
        return pane;
    }

    /** Tracks with a colour swatch, a regenerate check, and mute/solo toggles. */
    private ListView<TrackRow> trackList() {
        ListView<TrackRow> list = new ListView<>(model.tracks());
        list.setId("tracks");
        list.setPlaceholder(new Label("No piece yet"));
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TrackRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Rectangle swatch = new Rectangle(SWATCH_SIZE, SWATCH_SIZE, row.colour());
                Label name = new Label(row.label());
                name.setMinWidth(0);
                ToggleButton mute = new ToggleButton("M");
                mute.setId("mute" + row.index());
                mute.selectedProperty().bindBidirectional(row.mutedProperty());
                ToggleButton solo = new ToggleButton("S");
                solo.setId("solo" + row.index());
                solo.selectedProperty().bindBidirectional(row.soloedProperty());
                // the name gives way (with an ellipsis) and the buttons stay in sight, however long the name
                name.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(name, Priority.ALWAYS);
                HBox cellBox = new HBox(6, swatch, name, mute, solo);
                cellBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(cellBox);
                setText(null);
                setPrefWidth(0); // cells as wide as the list, not as their content
                name.setTooltip(new javafx.scene.control.Tooltip(row.label()));
            }
        });
        return list;
    }

    private HBox transportPane() {
        Button play = new Button();
        play.setId("play");
        play.textProperty().bind(Bindings.when(model.playback().playingProperty()).then("■ Stop").otherwise("▶ Play"));
        play.setOnAction(e -> togglePlayback());
        play.disableProperty().bind(model.selectedProperty().isNull().and(model.draftProperty().isNull())
                .or(model.recordingProperty()));
        ComboBox<String> output = new ComboBox<>(model.playback().outputs());
        output.setId("output");
        output.valueProperty().bindBidirectional(model.playback().outputProperty());
        choosers.preferences().port().filter(model.playback().outputs()::contains).ifPresent(output::setValue);
        output.valueProperty().addListener((o, old, port) -> choosers.preferences().setPort(port));
        Label soundfont = new Label();
        soundfont.setId("soundfont");
        soundfont.textProperty().bind(Bindings.createStringBinding(() -> model.playback().soundfontProperty().get() == null
                ? "Built-in sounds" : model.playback().soundfontProperty().get().getFileName().toString(),
                model.playback().soundfontProperty()));
        choosers.preferences().path(Place.SOUNDFONT).ifPresent(model.playback().soundfontProperty()::set);
        Button chooseSoundfont = new Button("Soundfont…");
        chooseSoundfont.setId("chooseSoundfont");
        chooseSoundfont.setOnAction(e -> choosers.open(getScene().getWindow(), "SF2 soundfont", Place.SOUNDFONT,
                new FileChooser.ExtensionFilter("SoundFont 2", "*.sf2", "*.SF2"))
                .ifPresent(model.playback().soundfontProperty()::set));
        Button builtIn = new Button("Built-in");
        builtIn.setId("builtInSounds");
        builtIn.setOnAction(e -> {
            model.playback().soundfontProperty().set(null);
            choosers.preferences().setPath(Place.SOUNDFONT, null);
        });
        Button exportMidi = new Button("Save MIDI…");
        exportMidi.setId("exportMidi");
        exportMidi.setOnAction(e -> exportMidi());
        Button exportWav = new Button("Save WAV…");
        exportWav.setId("exportWav");
        exportWav.setOnAction(e -> exportWav());
        Label drag = new Label("⇲ Drag MIDI");
        drag.setId("dragMidi");
        drag.getStyleClass().add(Styles.DRAG_HANDLE);
        drag.setTooltip(new Tooltip("Drag the piece into a DAW or a folder"));
        drag.setOnDragDetected(e -> {
            try {
                Dragboard board = drag.startDragAndDrop(TransferMode.COPY);
                board.setContent(dragContent());
            } catch (IOException failure) {
                model.statusProperty().set("Cannot drag: " + failure.getMessage());
            }
            e.consume();
        });
        for (javafx.scene.Node node : List.of(exportMidi, exportWav, drag)) {
            node.disableProperty().bind(model.selectedProperty().isNull());
        }
        Label status = new Label();
        status.setId("generateStatus");
        status.textProperty().bind(model.statusProperty());
        Button compare = new Button("A/B");
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Switch to the piece shown before this one; while playing, it plays on from the "
                + "same moment"));
        compare.setOnAction(e -> compare());
        compare.disableProperty().bind(model.comparableProperty().not());
        HBox bar = new HBox(8, play, compare, output, soundfont, chooseSoundfont, builtIn, exportMidi, exportWav, drag, status);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.SECTION);
        return bar;
    }

    /** What a drag out of the window carries: a real .mid file of the shown piece. */
    ClipboardContent dragContent() throws IOException {
        Path file = model.dragFile();
        ClipboardContent content = new ClipboardContent();
        content.putFiles(List.of(file.toFile()));
        return content;
    }

    public void togglePlayback() {
        if (model.playback().playingProperty().get()) {
            model.stopPlayback();
        } else {
            model.play();
        }
    }

    private void rename(Variation variation) {
        javafx.scene.control.TextInputDialog name = new javafx.scene.control.TextInputDialog(variation.label());
        name.initOwner(getScene().getWindow());
        name.setHeaderText("A name for this piece");
        name.showAndWait().ifPresent(text -> model.rename(variation, text));
    }

    /** A/B: the piece shown before this one, playing on from the same moment if one plays. */
    public void compare() {
        model.compareWithPrevious();
    }

    private static void withChosen(ListView<Variation> list, java.util.function.Consumer<Variation> action) {
        Variation chosen = list.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            action.accept(chosen);
        }
    }

    /** Writes a new part of the instrument chosen beside Add track over the shown piece. */
    public void addTrack() {
        model.addTrack(newPart.getValue());
    }

    /** Regenerates the selected bars of the checked tracks (all when none is checked). */
    public void regenerateSelection() {
        BarSelection selection = roll.selectionProperty().get();
        if (selection == null || model.infillModelProperty().get() == null) {
            return;
        }
        Set<Integer> chosen = new TreeSet<>();
        for (TrackRow row : trackList.getSelectionModel().getSelectedItems()) {
            chosen.add(row.index());
        }
        model.regenerate(selection.firstBar(), selection.lastBar(), chosen);
    }

    public void exportMidi() {
        if (model.selectedProperty().get() != null) {
            choosers.save(getScene().getWindow(), "Save MIDI", Place.EXPORT_FOLDER, Choosers.midiFiles(),
                    "musai.mid").ifPresent(model::exportMidi);
        }
    }

    public void exportWav() {
        if (model.selectedProperty().get() != null) {
            choosers.save(getScene().getWindow(), "Save WAV", Place.EXPORT_FOLDER,
                    new FileChooser.ExtensionFilter("WAV audio", "*.wav"), "musai.wav").ifPresent(model::exportWav);
        }
    }

    PianoRoll pianoRoll() {
        return roll;
    }
}
