package org.musai.studio;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.musai.studio.common.Background;
import org.musai.studio.common.Choosers;
import org.musai.studio.common.UiExecutor;

/**
 * What a workspace test needs around its view model: workers that report on the JavaFX thread (or jobs inline),
 * recorded error reports, and preferences of its own that are removed afterwards.
 */
public final class StudioFixture implements AutoCloseable {

    private final RecordingErrors errors = new RecordingErrors();
    private final Background background;
    private final Preferences node = Preferences.userRoot().node("org/musai/studio-test/" + UUID.randomUUID());

    private StudioFixture(Background background) {
        this.background = background;
    }

    /** For tests on a stage: jobs on worker threads, updates on the JavaFX thread, as in the app. */
    public static StudioFixture onStage() {
        return new StudioFixture(new Background(UiExecutor.javaFx()));
    }

    /**
     * For view-model tests without a stage: each job runs inline on the test's thread, so every property is final
     * when the call that started the job returns.
     */
    public static StudioFixture inline() {
        return new StudioFixture(Background.inline(UiExecutor.direct()));
    }

    /**
     * For a view-model test about threads (pause while training, playback): real workers, each report handed over on
     * the worker as it is made.
     */
    public static StudioFixture threaded() {
        return new StudioFixture(Background.unbatched(UiExecutor.direct()));
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
