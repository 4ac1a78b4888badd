package org.musai.studio.train;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.converter.DoubleStringConverter;
import org.musai.studio.StudioPreferences.Place;
import org.musai.studio.chart.LiveChart;
import org.musai.studio.chart.Series;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.Forms;
import org.musai.studio.common.PathField;
import org.musai.studio.common.Styles;
import org.musai.train.RunHistory;

/** The training workspace: dataset and shape on the left, live charts and figures on the right. */
public final class TrainView extends BorderPane implements TrainingCharts {

    static final Color TRAIN_LOSS = Color.web("#2f6fdf");
    static final Color VALIDATION_LOSS = Color.web("#e0662f");
    static final Color LEARNING_RATE = Color.web("#3a9d5d");
    private static final int MAX_EMBED = 4096;
    private static final int MAX_LAYERS = 64;
    private static final int MAX_CTX = 8192;
    private static final int MAX_BATCH = 512;
    private static final int MAX_EPOCHS = 10_000;
    private static final int MAX_STEPS = 1_000_000;
    private static final int CHECKPOINT_STEP = 50;

    private final TrainViewModel model;
    private final Choosers choosers;
    private final LiveChart lossChart = new LiveChart();
    private final LiveChart rateChart = new LiveChart();
    private final Series trainLoss;
    private final Series validationLoss;
    private final Series learningRate;
    private java.util.function.Consumer<Path> openCheckpoint = folder -> { };
    private java.util.function.Consumer<Path> fineTuneFolder = folder -> { };

    public TrainView(TrainViewModel model, Choosers choosers) {
        this.model = model;
        this.choosers = choosers;
        getStyleClass().add(Styles.WORKSPACE);
        lossChart.setId("lossChart");
        lossChart.titleProperty().set("Loss per token");
        lossChart.xLabelProperty().set("step");
        trainLoss = lossChart.addSeries("training", TRAIN_LOSS, true);
        validationLoss = lossChart.addSeries("validation", VALIDATION_LOSS, false);
        rateChart.setId("rateChart");
        rateChart.titleProperty().set("Learning rate");
        rateChart.xLabelProperty().set("step");
        learningRate = rateChart.addSeries("learning rate", LEARNING_RATE, false);
        // the settings outgrow a laptop's screen: they scroll, the charts keep their place
        javafx.scene.control.ScrollPane settings = new javafx.scene.control.ScrollPane(settingsPane());
        settings.setFitToWidth(true);
        settings.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        SplitPane split = new SplitPane(settings, chartsPane());
        split.setDividerPositions(0.32);
        setCenter(split);
        model.setCharts(this);
    }

    private static final int MAX_LORA_RANK = 256;

    private VBox settingsPane() {
        GridPane data = Forms.form();
        Forms.row(data, "Dataset", folderField(PathField.of("datasetField", model.datasetProperty(),
                model::chooseDataset, path -> java.nio.file.Files.isRegularFile(path.resolve("tokenizer.json"))
                        ? null : "no dataset there (no tokenizer.json)"), () -> choosers
                .folder(getScene().getWindow(), "Dataset folder", Place.DATASET_FOLDER)
                .ifPresent(model::chooseDataset)));
        Forms.row(data, "Run folder", folderField(PathField.of("runField", model.runFolderProperty(),
                model.runFolderProperty()::set, PathField::folderMissing), () -> choosers
                .folder(getScene().getWindow(), "Run folder (new or empty)", Place.RUN_FOLDER)
                .ifPresent(model.runFolderProperty()::set)));
        Label datasetNote = new Label();
        datasetNote.setId("datasetNote");
        datasetNote.getStyleClass().add(Styles.HINT);
        datasetNote.textProperty().bind(model.datasetNoteProperty());
        datasetNote.visibleProperty().bind(model.datasetNoteProperty().isNotEmpty());
        datasetNote.managedProperty().bind(datasetNote.visibleProperty());
        Forms.row(data, "", datasetNote);
        Button openRun = new Button("Open run…");
        openRun.setId("openRun");
        openRun.setOnAction(e -> choosers.folder(getScene().getWindow(), "Run folder", Place.RUN_FOLDER)
                .ifPresent(model::openRun));
        Forms.row(data, "", openRun);

        GridPane shape = Forms.form();
        ChoiceBox<ModelPreset> preset = new ChoiceBox<>();
        preset.setId("preset");
        preset.getItems().setAll(ModelPreset.all());
        preset.setValue(ModelPreset.SMALL);
        boolean[] showingShape = {false};
        preset.valueProperty().addListener((o, old, value) -> {
            if (value != null && !showingShape[0]) {
                model.applyPreset(value);
            }
        });
        // a shape typed in or read from an opened run shows its preset, or none (never one it is not), and leaves
        // the batch and learning rate as they are
        javafx.beans.InvalidationListener shapeChanged = o -> {
            showingShape[0] = true;
            preset.setValue(ModelPreset.matching(model.embedProperty().get(), model.layersProperty().get(),
                    model.ctxProperty().get()));
            showingShape[0] = false;
        };
        model.embedProperty().addListener(shapeChanged);
        model.layersProperty().addListener(shapeChanged);
        model.ctxProperty().addListener(shapeChanged);
        Forms.row(shape, "Preset", preset);
        Forms.row(shape, "Embedding", Forms.intSpinner("embed", model.embedProperty(), 8, MAX_EMBED, 32));
        Forms.row(shape, "Layers", Forms.intSpinner("layers", model.layersProperty(), 1, MAX_LAYERS, 1));
        Forms.row(shape, "Context", Forms.intSpinner("ctx", model.ctxProperty(), 8, MAX_CTX, 64));
        Forms.row(shape, "Batch", Forms.intSpinner("batch", model.batchProperty(), 1, MAX_BATCH, 1));
        Forms.row(shape, "Epochs", Forms.intSpinner("epochs", model.epochsProperty(), 1, MAX_EPOCHS, 1));
        Forms.row(shape, "Steps per epoch", Forms.intSpinner("steps", model.stepsPerEpochProperty(), 1, MAX_STEPS, 10));
        Forms.row(shape, "Learning rate", doubleField("learningRate", model.learningRateProperty()));
        Forms.row(shape, "Decay from epoch", doubleField("decayStart", model.decayStartProperty()));
        Forms.row(shape, "Dropout", doubleField("dropout", model.dropoutProperty()));
        Spinner<Integer> checkpointEvery = Forms.intSpinner("checkpointEvery", model.checkpointEveryProperty(), 1,
                MAX_STEPS, CHECKPOINT_STEP);
        checkpointEvery.setTooltip(new javafx.scene.control.Tooltip("A checkpoint every N steps and at each epoch's "
                + "end: a crash loses at most N steps"));
        Forms.row(shape, "Checkpoint every N steps", checkpointEvery);
        CheckBox headQk = new CheckBox("Head-QK (copy from context)");
        headQk.setId("headQk");
        headQk.selectedProperty().bindBidirectional(model.headQkProperty());
        CheckBox tiny = new CheckBox("Tiny attention");
        tiny.setId("tinyAttention");
        tiny.selectedProperty().bindBidirectional(model.tinyAttentionProperty());
        Forms.row(shape, "", new VBox(4, headQk, tiny));
        CheckBox recompute = new CheckBox("Recompute blocks (less memory)");
        recompute.setId("gradientCheckpointing");
        recompute.selectedProperty().bindBidirectional(model.gradientCheckpointingProperty());
        recompute.setTooltip(new javafx.scene.control.Tooltip("Keeps only what enters each block and computes the "
                + "block again for its gradients: about 40% less memory for about 15% more time, the same training"));
        Forms.row(shape, "", recompute);
        ChoiceBox<TrainViewModel.Embeddings> embeddings = new ChoiceBox<>();
        embeddings.setId("embeddings");
        embeddings.getItems().setAll(TrainViewModel.Embeddings.values());
        embeddings.valueProperty().bindBidirectional(model.embeddingsProperty());
        Forms.row(shape, "Embeddings", embeddings);
        HBox vaeFile = folderField(PathField.of("vaeFileField", model.vaeFileProperty(), model.vaeFileProperty()::set,
                path -> java.nio.file.Files.isRegularFile(path) ? null : "no file there"), () -> choosers
                .open(getScene().getWindow(), "Saved VAE", Place.RUN_FOLDER,
                        new javafx.stage.FileChooser.ExtensionFilter("VAE (embvae_N.safetensors)", "*.safetensors"))
                .ifPresent(model.vaeFileProperty()::set));
        vaeFile.disableProperty().bind(model.embeddingsProperty().isNotEqualTo(TrainViewModel.Embeddings.SAVED_VAE));
        Forms.row(shape, "VAE file", vaeFile);
        ChoiceBox<String> device = new ChoiceBox<>(model.devices());
        device.setId("device");
        device.valueProperty().bindBidirectional(model.deviceProperty());
        Forms.row(shape, "Device", device);
        Label estimate = new Label();
        estimate.setId("estimate");
        estimate.setWrapText(true);
        estimate.getStyleClass().add(Styles.HINT);
        estimate.textProperty().bind(model.estimateProperty());
        model.memoryShortProperty().addListener((o, was, isShort) -> {
            if (isShort) {
                estimate.getStyleClass().add(Styles.INVALID);
            } else {
                estimate.getStyleClass().remove(Styles.INVALID);
            }
        });
        BooleanBinding idle = model.stateProperty().isEqualTo(TrainViewModel.State.IDLE);
        data.disableProperty().bind(idle.not());
        shape.disableProperty().bind(idle.not());
        GridPane tune = Forms.form();
        CheckBox fineTune = new CheckBox("Fine-tune the shipped model (LoRA)");
        fineTune.setId("fineTuneDefault");
        fineTune.selectedProperty().bindBidirectional(model.fineTuneDefaultProperty());
        fineTune.setTooltip(new javafx.scene.control.Tooltip("Adapts the default model to this dataset (tokenized "
                + "for the shipped model on the Dataset page): its shape and context are the model's, its weights "
                + "stay as they are, and the run saves only the small adapter. Generate with the run folder."));
        Forms.row(tune, "", fineTune);
        Spinner<Integer> rank = Forms.intSpinner("loraRank", model.loraRankProperty(), 1, MAX_LORA_RANK, 1);
        rank.setTooltip(new javafx.scene.control.Tooltip("Rows of each adapter: more can learn more, and weigh more"));
        Forms.row(tune, "Adapter rank", rank);
        TextField alpha = doubleField("loraAlpha", model.loraAlphaProperty());
        alpha.setTooltip(new javafx.scene.control.Tooltip("The adapters' change is scaled by alpha / rank"));
        Forms.row(tune, "Adapter alpha", alpha);
        Button folder = button("fineTuneFolder", "Fine-tune on a folder…", () -> choosers
                .folder(getScene().getWindow(), "Folder of your MIDI files", Place.MIDI_FOLDER)
                .ifPresent(chosen -> fineTuneFolder.accept(chosen)));
        folder.setTooltip(new javafx.scene.control.Tooltip("Choose or drop a folder of your MIDI files: they are "
                + "tokenized for the shipped model and a fine-tune of it starts at once (3 epochs of 20 steps, about "
                + "two minutes on two cores). Then press Generate with it."));
        folder.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        folder.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (done) {
                java.io.File first = e.getDragboard().getFiles().get(0);
                fineTuneFolder.accept(first.isDirectory() ? first.toPath() : first.toPath().getParent());
            }
            e.setDropCompleted(done);
            e.consume();
        });
        Forms.row(tune, "Your music", folder);
        rank.disableProperty().bind(fineTune.selectedProperty().not());
        alpha.disableProperty().bind(fineTune.selectedProperty().not());
        tune.disableProperty().bind(idle.not());
        return new VBox(Forms.section("Data", data), Forms.section("Fine-tune", tune),
                Forms.section("Model", shape, estimate));
    }

    private BorderPane chartsPane() {
        Button start = button("startTraining", "Start", () -> model.start());
        start.getStyleClass().add(Styles.PRIMARY);
        start.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainViewModel.State.IDLE)
                .or(model.datasetProperty().isNull()));
        Button pause = button("pauseTraining", "Pause", model::pause);
        pause.disableProperty().bind(model.stateProperty().isNotEqualTo(TrainViewModel.State.RUNNING));
        Button resume = button("resumeTraining", "Resume", () -> {
            if (model.stateProperty().get() == TrainViewModel.State.PAUSED) {
                model.resume();
            } else {
                model.resumeRun();
            }
        });
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            TrainViewModel.State state = model.stateProperty().get();
            boolean resumable = state == TrainViewModel.State.IDLE && model.resumableProperty().get();
            return !(state == TrainViewModel.State.PAUSED || resumable);
        }, model.stateProperty(), model.resumableProperty()));
        Button stop = button("stopTraining", "Stop", model::stop);
        stop.disableProperty().bind(model.stateProperty().isEqualTo(TrainViewModel.State.RUNNING)
                .or(model.stateProperty().isEqualTo(TrainViewModel.State.PAUSED)).not());
        ProgressBar progress = new ProgressBar();
        progress.setId("trainProgress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(model.progressProperty());
        javafx.scene.control.Spinner<Integer> moreEpochs = new javafx.scene.control.Spinner<>(1, MAX_EPOCHS, 2);
        moreEpochs.setId("moreEpochs");
        moreEpochs.setPrefWidth(70);
        moreEpochs.setTooltip(new javafx.scene.control.Tooltip("Epochs to add to the finished run"));
        Button continueRun = button("continueTraining", "Continue", () -> model.continueRun(moreEpochs.getValue()));
        continueRun.setTooltip(new javafx.scene.control.Tooltip("Trains the finished run on, for the epochs beside "
                + "it; the learning rate's decay stretches over the new length"));
        BooleanBinding canContinue = model.continuableProperty()
                .and(model.stateProperty().isEqualTo(TrainViewModel.State.IDLE));
        continueRun.disableProperty().bind(canContinue.not());
        moreEpochs.disableProperty().bind(canContinue.not());
        Button generateWith = button("generateWithRun", "Generate with it", () -> {
            if (model.runFolderProperty().get() != null) {
                openCheckpoint.accept(model.runFolderProperty().get());
            }
        });
        generateWith.setTooltip(new javafx.scene.control.Tooltip("Opens the finished run on the Generate page (a "
                + "fine-tune on top of its base)"));
        generateWith.disableProperty().bind(model.finishedProperty()
                .and(model.stateProperty().isEqualTo(TrainViewModel.State.IDLE)).not());
        HBox controls = new HBox(8, start, pause, resume, stop, continueRun, moreEpochs, generateWith, progress);

        HBox figures = new HBox(18, figure("stepText", model.stepTextProperty()),
                figure("speedText", model.speedTextProperty()), figure("timeText", model.timeTextProperty()),
                figure("lossText", model.lossTextProperty()));

        CheckBox log = new CheckBox("Log scale");
        log.setId("logScale");
        log.selectedProperty().bindBidirectional(lossChart.logScaleProperty());
        Slider smoothing = new Slider(0, LiveChart.MAX_SMOOTHING, LiveChart.DEFAULT_SMOOTHING);
        smoothing.setId("smoothing");
        smoothing.valueProperty().bindBidirectional(lossChart.smoothingProperty());
        HBox chartOptions = new HBox(8, log, new Label("Smoothing"), smoothing);

        VBox.setVgrow(lossChart, Priority.ALWAYS);
        rateChart.setPrefHeight(200);
        rateChart.setMinHeight(120);
        ListView<String> checkpoints = new ListView<>(model.checkpoints());
        checkpoints.setId("checkpoints");
        checkpoints.setPlaceholder(new Label("No checkpoints yet"));
        checkpoints.setTooltip(new javafx.scene.control.Tooltip("Double-click to generate with a checkpoint"));
        checkpoints.setOnMouseClicked(e -> {
            String chosen = checkpoints.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && chosen != null) {
                openCheckpoint.accept(model.checkpointFolder(chosen));
            }
        });
        checkpoints.setPrefWidth(170);
        checkpoints.setPrefHeight(140);
        HBox lower = new HBox(8, rateChart, Forms.section("Checkpoints", checkpoints));
        lower.setMaxHeight(220);
        HBox.setHgrow(rateChart, Priority.ALWAYS);
        VBox charts = new VBox(8, chartOptions, lossChart, lower);
        BorderPane pane = new BorderPane(charts);
        pane.setTop(Forms.section("Run", controls, figures));
        return pane;
    }

    private static Label figure(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.FIGURE);
        label.textProperty().bind(text);
        return label;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A typed path and its chooser button ({@code id} + "Choose"). */
    private static HBox folderField(TextField field, Runnable choose) {
        HBox.setHgrow(field, Priority.ALWAYS);
        Button button = new Button("…");
        button.setId(field.getId() + "Choose");
        button.setOnAction(e -> choose.run());
        return new HBox(6, field, button);
    }

    private static TextField doubleField(String id, DoubleProperty property) {
        TextField field = new TextField();
        field.setId(id);
        javafx.scene.control.TextFormatter<Double> formatter = new javafx.scene.control.TextFormatter<>(
                new DoubleStringConverter(), property.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().addListener((o, old, value) -> {
            if (value != null) {
                property.set(value);
            }
        });
        property.addListener((o, old, value) -> formatter.setValue(value.doubleValue()));
        return field;
    }

    @Override
    public void clear() {
        trainLoss.clear();
        validationLoss.clear();
        learningRate.clear();
    }

    @Override
    public void steps(List<RunHistory.Step> steps) {
        double[] x = new double[steps.size()];
        double[] loss = new double[steps.size()];
        double[] rate = new double[steps.size()];
        for (int i = 0; i < x.length; i++) {
            RunHistory.Step s = steps.get(i);
            x[i] = s.step();
            loss[i] = s.loss();
            rate[i] = s.learningRate();
        }
        trainLoss.addAll(x, loss);
        learningRate.addAll(x, rate);
    }

    @Override
    public void validation(long step, double loss) {
        validationLoss.add(step, loss);
    }

    /** What a double-click on a checkpoint does: the main window opens it in the generate workspace. */
    public void setOnOpenCheckpoint(java.util.function.Consumer<Path> action) {
        openCheckpoint = action;
    }

    /** What "Fine-tune on a folder…" does with the folder chosen or dropped: tokenize it, then fine-tune. */
    public void setOnFineTuneFolder(java.util.function.Consumer<Path> action) {
        fineTuneFolder = action;
    }

    LiveChart lossChart() {
        return lossChart;
    }
}
