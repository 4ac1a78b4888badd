package org.musai.studio;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.musai.studio.common.Background;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.UiExecutor;

/**
 * What a workspace test needs around its view model: workers that report on the JavaFX thread (or the calling one),
 * recorded error reports, and preferences of its own that are removed afterwards.
 */
public final class StudioFixture implements AutoCloseable {

    private final RecordingErrors errors = new RecordingErrors();
    private final Background background;
    private final Preferences node = Preferences.userRoot().node("org/musai/studio-test/" + UUID.randomUUID());

    private StudioFixture(UiExecutor ui) {
        background = new Background(ui);
    }

    /** For tests on a stage: updates arrive on the JavaFX thread. */
    public static StudioFixture onStage() {
        return new StudioFixture(UiExecutor.javaFx());
    }

    /** For view-model tests without a stage: updates arrive on the worker thread. */
    public static StudioFixture direct() {
        return new StudioFixture(UiExecutor.direct());
    }

    public RecordingErrors errors() {
        return errors;
    }

    public Background background() {
        return background;
    }

    public Choosers choosers() {
        return new Choosers(new StudioPreferences(node));
    }

    public Preferences preferences() {
        return node;
    }

    @Override
    public void close() throws BackingStoreException {
        background.close();
        node.removeNode();
    }
}
