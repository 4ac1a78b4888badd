package org.musai.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.musai.TestCorpus;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.ProgressListener;
import org.musai.studio.train.TrainViewModel;
import org.musai.token.TokenizerConfig;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.SourceFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a headless stage: workspaces, shortcuts, status bar, error dialogs, remembered layout. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final Preferences node = Preferences.userRoot().node("org/musai/studio-test/" + UUID.randomUUID());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new StudioPreferences(node));
        Scene scene = new Scene(window, StudioApp.DEFAULT_WIDTH, StudioApp.DEFAULT_HEIGHT);
        MainWindow.style(scene);
        stage.setScene(scene);
        stage.show();
        window.started();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.close()).get();
        node.removeNode();
    }

    @Test
    void shortcutsSwitchWorkspacesAndTheStatusBarFollows(FxRobot robot) throws Exception {
        assertThat(window.workspaces().getTabs()).extracting(t -> t.getText())
                .containsExactly("1  Dataset", "2  Train", "3  Generate");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertThat(window.workspaces().getSelectionModel().getSelectedIndex()).isEqualTo(2);
        Await.until(() -> window.generate().modelProperty().get() != null, 60);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#modelName").queryLabeled().getText()).startsWith("Default model");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(window.workspaces().getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.interact(() -> window.train().stepTextProperty().set("Step 3 of 10"));
        StatusBar status = robot.lookup("#statusBar").query();
        assertThat(status.getText()).isEqualTo("Step 3 of 10");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertThat(status.getText()).isEqualTo("Ready");
    }

    @Test
    void menuCommandsWaitForSomethingToActOn(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menuBar").query();
        MenuItem export = item(bar, "Export MIDI…");
        MenuItem write = item(bar, "Generate");
        assertThat(export.isDisable()).as("nothing generated yet").isTrue();
        Await.until(() -> window.generate().modelProperty().get() != null, 60);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(write.isDisable()).as("the default model is loaded").isFalse();
        assertThat(item(bar, "Regenerate selection").isDisable()).as("a REMI model cannot infill").isTrue();
    }

    /** Every action but About has keys, and the shortcuts page lists each of them as its menu shows them. */
    @Test
    void everyActionHasAShortcutAndTheHelpListsThem(FxRobot robot) {
        MenuBar bar = robot.lookup("#menuBar").query();
        java.util.List<MenuItem> actions = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem))
                .filter(i -> !"About MusAI Studio".equals(i.getText())).toList();
        assertThat(actions).hasSizeGreaterThan(15).allMatch(i -> i.getAccelerator() != null);
        java.util.List<String> lines = HelpPages.shortcutLines(bar);
        assertThat(lines).hasSameSizeAs(actions).contains("Music ▸ Add track: "
                + item(bar, "Add track").getAccelerator().getDisplayText());
        assertThat(HelpPages.GETTING_STARTED).contains("Generate (Ctrl+3)", "Train (Ctrl+2)", "Dataset (Ctrl+1)",
                "Add track", "Regenerate selection", "Fine-tune on a folder");
        long distinct = actions.stream().map(i -> i.getAccelerator().getName()).distinct().count();
        assertThat(distinct).as("no two actions share keys").isEqualTo(actions.size());
    }

    private static MenuItem item(MenuBar bar, String text) {
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> text.equals(i.getText()))
                .findFirst().orElseThrow();
    }

    @Test
    void aFailureShowsItsReasonInADialog(FxRobot robot) {
        robot.interact(() -> window.dataset().tokenize());
        DialogPane dialog = robot.lookup(".dialog-pane").query();
        assertThat(dialog.getHeaderText()).isEqualTo("Tokenizing failed");
        assertThat(dialog.getContentText()).contains("choose a folder of MIDI files");
        assertThat(dialog.getExpandableContent()).as("the details are folded away").isNotNull();
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    }

    @Test
    void closingDuringTrainingAsksFirst(FxRobot robot, @TempDir Path dir) throws Exception {
        Path dataset = dir.resolve("remi");
        new DatasetBuilder().build(new DatasetRequest(SourceFiles.find(TestCorpus.bundled(), null), dataset,
                TokenizerConfig.defaults(TokenizerConfig.Algorithm.REMI), InstrumentFilter.defaults(), false, 0, 2),
                ProgressListener.NONE, new CancellationToken());
        robot.interact(() -> {
            TrainViewModel train = window.train();
            train.chooseDataset(dataset);
            train.embedProperty().set(16);
            train.layersProperty().set(1);
            train.ctxProperty().set(32);
            train.batchProperty().set(2);
            train.epochsProperty().set(1);
            train.stepsPerEpochProperty().set(100_000);
            train.runFolderProperty().set(dir.resolve("run"));
            window.train().start();
        });
        Await.until(() -> window.train().stateProperty().get() == TrainViewModel.State.RUNNING, 30);
        CompletableFuture<Boolean> mayClose = new CompletableFuture<>();
        Platform.runLater(() -> mayClose.complete(window.confirmClose()));
        Await.until(() -> robot.lookup(".dialog-pane").tryQuery().isPresent(), 10);
        DialogPane question = robot.lookup(".dialog-pane").query();
        assertThat(question.getContentText()).contains("training run is in progress");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(b -> "No".equals(((Button) b).getText()))
                .queryButton());
        assertThat(mayClose.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(window.train().stateProperty().get()).isNotEqualTo(TrainViewModel.State.IDLE);
        robot.interact(() -> window.train().stop());
        Await.until(() -> window.train().stateProperty().get() == TrainViewModel.State.IDLE, 60);
    }

    @Test
    void theLayoutIsRememberedAndClosingWhenIdleNeedsNoQuestion(FxRobot robot) {
        robot.interact(() -> window.workspaces().getSelectionModel().select(2));
        robot.interact(() -> {
            window.saveLayout();
            assertThat(window.confirmClose()).isTrue();
        });
        StudioPreferences reread = new StudioPreferences(node);
        assertThat(reread.workspace()).isEqualTo(2);
        assertThat(reread.window()).hasValueSatisfying(b -> assertThat(b.width()).isPositive());
    }
}
