package org.musai.studio;

import java.util.List;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.musai.studio.StudioPreferences.Place;
import org.musai.studio.common.Background;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.WorkspaceFolder;
import org.musai.studio.common.ErrorDialogs;
import org.musai.studio.common.ErrorReporter;
import org.musai.studio.common.UiExecutor;
import org.musai.studio.dataset.DatasetView;
import org.musai.studio.dataset.DatasetViewModel;
import org.musai.studio.generate.GenerateView;
import org.musai.studio.generate.GenerateViewModel;
import org.musai.studio.train.TrainView;
import org.musai.studio.train.TrainViewModel;

/**
 * The studio's one window: a menu bar, the three workspaces (Dataset, Train, Generate) as tabs, and a status bar.
 * Owns the view models and the worker threads they share.
 */
public final class MainWindow extends BorderPane {

    /** The style sheets, one per concern, under src/main/resources. */
    static final List<String> STYLESHEETS = List.of("css/studio.css", "css/workspaces.css");

    private final Stage stage;
    private final StudioPreferences preferences;
    private final Background background = new Background(UiExecutor.javaFx());
    private final ErrorReporter errors;
    private final DatasetViewModel dataset;
    private final TrainViewModel train;
    private final GenerateViewModel generate;
    private final TabPane workspaces = new TabPane();
    private final StatusBar statusBar = new StatusBar();
    private final GenerateView generateView;
    private final TrainView trainView;

    public MainWindow(Stage stage, StudioPreferences preferences) {
        this.stage = stage;
        this.preferences = preferences;
        errors = new ErrorDialogs(stage);
        Choosers choosers = new Choosers(preferences);
        dataset = new DatasetViewModel(background, errors);
        train = new TrainViewModel(background, errors);
        generate = new GenerateViewModel(background, errors);
        useWorkspace(preferences.workspaceFolder());
        generate.useSavedPresets(preferences.instrumentPresets(), preferences::setInstrumentPresets);
        trainView = new TrainView(train, choosers);
        generateView = new GenerateView(generate, choosers);
        Tab datasetTab = new Tab("1  Dataset", new DatasetView(dataset, choosers));
        datasetTab.setId("datasetTab");
        Tab trainTab = new Tab("2  Train", trainView);
        trainTab.setId("trainTab");
        Tab generateTab = new Tab("3  Generate", generateView);
        generateTab.setId("generateTab");
        workspaces.getTabs().setAll(datasetTab, trainTab, generateTab);
        workspaces.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        workspaces.getSelectionModel().select(Math.max(0, Math.min(2, preferences.workspace())));
        trainView.setOnOpenCheckpoint(checkpoint -> {
            generate.loadModel(checkpoint);
            select(2);
        });
        dataset.builtDatasetProperty().addListener((o, old, folder) -> train.followBuiltDataset(folder));
        trainView.setOnFineTuneFolder(this::fineTuneOn);
        setTop(menus(choosers));
        setCenter(workspaces);
        statusBar.setId("statusBar");
        statusBar.setText("Ready");
        bindStatus();
        setBottom(statusBar);
    }

    /** Applies the studio's style sheets to a scene. */
    public static void style(Scene scene) {
        for (String sheet : STYLESHEETS) {
            scene.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource(sheet),
                    sheet).toExternalForm());
        }
    }

    /** After the window shows: load the default model and list MIDI outputs, off the JavaFX thread. */
    public void started() {
        generate.loadModel(null);
        generate.playback().refreshOutputs();
        train.detectDevices();
    }

    private void bindStatus() {
        ObservableValue<?>[] sources = {dataset.progressTextProperty(), train.stepTextProperty(),
                generate.statusProperty(), workspaces.getSelectionModel().selectedIndexProperty()};
        for (ObservableValue<?> source : sources) {
            source.addListener(o -> updateStatus());
        }
        updateStatus();
    }

    private void updateStatus() {
        int index = workspaces.getSelectionModel().getSelectedIndex();
        String text = switch (index) {
            case 0 -> dataset.progressTextProperty().get();
            case 1 -> train.stepTextProperty().get();
            default -> generate.statusProperty().get();
        };
        statusBar.setText(text == null || text.isEmpty() ? "Ready" : text);
        statusBar.progressProperty().unbind();
        switch (index) {
            case 0 -> statusBar.progressProperty().bind(dataset.progressProperty());
            case 1 -> statusBar.progressProperty().bind(train.progressProperty());
            default -> statusBar.setProgress(0);
        }
    }

    /** Where suggested datasets and runs go, as the menu shows it. */
    private final javafx.beans.property.StringProperty workspaceRoot = new javafx.beans.property.SimpleStringProperty();

    private void useWorkspace(WorkspaceFolder folder) {
        dataset.setWorkspace(folder);
        train.setWorkspace(folder);
        generate.setWorkspace(folder);
        workspaceRoot.set(folder.root().toString());
    }

    private MenuBar menus(Choosers choosers) {
        Menu file = new Menu("_File");
        MenuItem openMidi = item("Open MIDI folder…", "Shortcut+O", () -> {
            select(0);
            choosers.folder(stage, "Folder of MIDI files", Place.MIDI_FOLDER).ifPresent(dataset::chooseSource);
        });
        MenuItem openDataset = item("Open dataset…", "Shortcut+D", () -> {
            select(1);
            choosers.folder(stage, "Dataset folder", Place.DATASET_FOLDER).ifPresent(train::chooseDataset);
        });
        MenuItem openRun = item("Open run…", "Shortcut+Shift+O", () -> {
            select(1);
            choosers.folder(stage, "Run folder", Place.RUN_FOLDER).ifPresent(train::openRun);
        });
        MenuItem openModel = item("Open model…", "Shortcut+M", () -> {
            select(2);
            choosers.folder(stage, "Model or run folder", Place.MODEL_FOLDER).ifPresent(generate::loadModel);
        });
        MenuItem exportMidi = item("Export MIDI…", "Shortcut+S", generateView::exportMidi);
        MenuItem exportWav = item("Export WAV…", "Shortcut+Shift+S", generateView::exportWav);
        exportMidi.disableProperty().bind(generate.selectedProperty().isNull());
        exportWav.disableProperty().bind(generate.selectedProperty().isNull());
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmClose()) {
                Platform.exit();
            }
        });
        MenuItem workspaceFolder = item("Workspace folder…", "Shortcut+Comma", () -> choosers
                .folder(stage, "Workspace folder (new datasets and runs go under it)", Place.DATASET_FOLDER)
                .ifPresent(folder -> {
                    preferences.setWorkspaceFolder(folder);
                    useWorkspace(preferences.workspaceFolder());
                }));
        workspaceFolder.textProperty().bind(javafx.beans.binding.Bindings.concat("Workspace folder: ",
                workspaceRoot, "…"));
        file.getItems().addAll(openMidi, openDataset, openRun, openModel, new SeparatorMenuItem(), exportMidi,
                exportWav, new SeparatorMenuItem(), workspaceFolder, new SeparatorMenuItem(), quit);
        Menu view = new Menu("_Workspace");
        view.getItems().addAll(item("Dataset", "Shortcut+1", () -> select(0)),
                item("Train", "Shortcut+2", () -> select(1)), item("Generate", "Shortcut+3", () -> select(2)));
        Menu music = new Menu("_Music");
        MenuItem write = item("Generate", "Shortcut+G", () -> {
            select(2);
            generate.generate();
        });
        write.disableProperty().bind(generate.modelProperty().isNull().or(generate.busyProperty()));
        MenuItem play = item("Play / Stop", "Shortcut+P", generateView::togglePlayback);
        play.disableProperty().bind(generate.selectedProperty().isNull().and(generate.draftProperty().isNull()));
        MenuItem compare = item("Compare A/B", "Shortcut+B", generateView::compare);
        compare.disableProperty().bind(generate.comparableProperty().not());
        MenuItem regenerate = item("Regenerate selection", "Shortcut+R", generateView::regenerateSelection);
        regenerate.disableProperty().bind(generate.infillModelProperty().isNull().or(generate.selectedProperty().isNull())
                .or(generate.busyProperty()));
        MenuItem addTrack = item("Add track", "Shortcut+T", generateView::addTrack);
        addTrack.disableProperty().bind(regenerate.disableProperty());
        MenuItem record = item("Record a primer…", "Shortcut+Shift+R", () -> {
            select(2);
            generateView.recordPrimer();
        });
        record.disableProperty().bind(generate.busyProperty());
        music.getItems().addAll(write, play, compare, regenerate, addTrack, record);
        Menu help = new Menu("_Help");
        MenuBar bar = new MenuBar(file, view, music, help);
        help.getItems().addAll(item("Getting started", "F1", () -> HelpPages.gettingStarted(stage)),
                item("Keyboard shortcuts", "Shortcut+Slash", () -> HelpPages.shortcuts(stage, bar)),
                new SeparatorMenuItem(), item("About MusAI Studio", null, this::about));
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    /** One step from a folder of MIDI files to a personal model: tokenize it for the shipped model, then fine-tune. */
    private void fineTuneOn(Path folder) {
        select(0);
        dataset.tokenizeForFineTuning(folder, built -> {
            select(1);
            train.fineTuneOn(built, org.musai.studio.train.FineTuneRecipe.STANDARD);
        });
    }

    private void select(int workspace) {
        workspaces.getSelectionModel().select(workspace);
    }

    private void about() {
        background.run(() -> org.musai.train.Installation.lines(java.util.List.of(
                org.musai.generate.ModelBundle.defaultModelFolder(),
                org.musai.generate.ModelBundle.defaultInfillModelFolder())), lines -> {
                    Alert alert = new Alert(Alert.AlertType.INFORMATION);
                    alert.initOwner(stage);
                    alert.setTitle("About MusAI Studio");
                    alert.setHeaderText(lines.get(0));
                    alert.setContentText("Make and use a MIDI-generating model on your own machine: tokenize MIDI "
                            + "files, train an RWKV model, generate, listen and export.\n\n"
                            + String.join("\n", lines.subList(1, lines.size())));
                    alert.show();
                }, failure -> errors.report("About MusAI Studio", failure));
    }

    /**
     * Whether the window may close now. During a training run it asks first; if the user agrees, the run stops (a
     * checkpoint is written) and the window closes when it has.
     */
    public boolean confirmClose() {
        if (!train.isActive()) {
            return true;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "A training run is in progress. Stop it (a checkpoint is "
                + "written, so it can be resumed) and quit?", ButtonType.YES, ButtonType.NO);
        ask.initOwner(stage);
        ask.setHeaderText("Quit during training?");
        if (ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
            train.stateProperty().addListener((o, old, state) -> {
                if (state == TrainViewModel.State.IDLE) {
                    Platform.exit();
                }
            });
            train.stop();
        }
        return false;
    }

    /** Remembers the window's place and workspace. */
    public void saveLayout() {
        preferences.setWindow(new StudioPreferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
        preferences.setWorkspace(workspaces.getSelectionModel().getSelectedIndex());
    }

    /** Stops playback, asks running jobs to stop (so that they clean up), and stops the workers. */
    public void close() {
        generate.stopPlayback();
        generate.cancel();
        dataset.cancel();
        train.stop();
        background.close();
    }

    TabPane workspaces() {
        return workspaces;
    }

    DatasetViewModel dataset() {
        return dataset;
    }

    TrainViewModel train() {
        return train;
    }

    /** Shows a MIDI file on the Generate page, as its primer. */
    void openMidi(java.nio.file.Path file) {
        select(2);
        generate.open(file);
    }

    GenerateViewModel generate() {
        return generate;
    }
}
