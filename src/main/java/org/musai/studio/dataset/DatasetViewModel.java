package org.musai.studio.dataset;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.progress.Rate;
import org.musai.studio.common.Background;
import org.musai.studio.common.ErrorReporter;
import org.musai.studio.common.UiBatcher;
import org.musai.generate.ModelBundle;
import org.musai.studio.common.WorkspaceFolder;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerConfig;
import org.musai.token.TokenizerFile;
import org.musai.token.dataset.DatasetBuilder;
import org.musai.token.dataset.DatasetRequest;
import org.musai.token.dataset.FolderInspector;
import org.musai.token.dataset.Manifest;
import org.musai.token.dataset.SourceFile;
import org.musai.token.dataset.SourceFiles;

/**
 * The dataset page: inspect a folder of MIDI files, choose what to keep, and tokenize it, with the same services as
 * {@code musai inspect} and {@code musai tokenize}. Properties change on the UI executor only.
 */
public final class DatasetViewModel {

    /** The seed's default minimum length. */
    static final double DEFAULT_MIN_BEATS = 16;

    private final Background background;
    private final ErrorReporter errors;

    private final ObjectProperty<Path> source = new SimpleObjectProperty<>();
    private final StringProperty glob = new SimpleStringProperty(SourceFiles.DEFAULT_GLOB);
    private final ObjectProperty<FolderInspector.Report> report = new SimpleObjectProperty<>();
    private final ObservableSet<InstrumentClass> keep = FXCollections.observableSet(
            EnumSet.copyOf(InstrumentFilter.defaultClasses()));
    private final ObservableSet<InstrumentClass> required = FXCollections.observableSet(
            EnumSet.noneOf(InstrumentClass.class));
    private final DoubleProperty minBeats = new SimpleDoubleProperty(DEFAULT_MIN_BEATS);
    private final BooleanProperty mergeClasses = new SimpleBooleanProperty();
    private final ObjectProperty<TokenizerConfig.Algorithm> algorithm =
            new SimpleObjectProperty<>(TokenizerConfig.Algorithm.REMI);
    private final BooleanProperty bpe = new SimpleBooleanProperty();
    private WorkspaceFolder workspace = WorkspaceFolder.standard();
    /** Tokenize as the shipped model was trained (its tokenization and merges), so that it can be fine-tuned. */
    private final BooleanProperty forDefaultModel = new SimpleBooleanProperty();
    private final IntegerProperty vocabSize = new SimpleIntegerProperty(0);
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<Manifest> manifest = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> built = new SimpleObjectProperty<>();
    private final ObservableList<Manifest.SkippedFile> skipped = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private CancellationToken cancel = new CancellationToken();

    /**
     * @param background runs the work and hops back to the UI
     * @param errors     shows failures
     */
    public DatasetViewModel(Background background, ErrorReporter errors) {
        this.background = background;
        this.errors = errors;
    }

    /** Chooses the folder (or list file) and inspects it at once. */
    public void chooseSource(Path folder) {
        if (busy.get()) {
            return; // the running job keeps the folder it was given
        }
        source.set(folder);
        if (output.get() == null && folder != null) {
            output.set(workspace.datasetFor(folder, algorithm.get().name()));
        }
        inspect();
    }

    /** Reads every file of the source and reports what it holds. */
    public void inspect() {
        Path folder = source.get();
        if (folder == null || busy.get()) {
            return;
        }
        String pattern = glob.get();
        start("Inspecting");
        ProgressListener listener = progressListener("files");
        CancellationToken token = cancel;
        background.run(() -> new FolderInspector().inspect(SourceFiles.find(folder, pattern), threads(), listener,
                token), result -> {
                    skipped.setAll(result.unreadable());
                    summary.set(String.format(Locale.ROOT, "%d files, %d readable, %,d notes; length %.0f-%.0f beats "
                                    + "(median %.0f)", result.files(), result.readable(), result.notes(),
                            result.lengthBeats().min(), result.lengthBeats().max(), result.lengthBeats().median()));
                    report.set(result);
                    finish(); // last: whoever waits for the job sees everything it produced
                }, failure -> fail("Inspecting " + folder, failure));
    }

    /** Tokenizes the source into the output folder with the chosen settings. */
    public void tokenize() {
        tokenize(built -> { });
    }

    /**
     * The first step of a one-step fine-tune: tokenizes a folder as the shipped model was trained, into a new
     * dataset of the workspace (datasets/NAME-finetune, numbered when taken), then hands the dataset on.
     */
    public void tokenizeForFineTuning(Path folder, java.util.function.Consumer<Path> then) {
        if (busy.get() || folder == null) {
            return;
        }
        source.set(folder);
        forDefaultModel.set(true);
        output.set(WorkspaceFolder.unused(workspace.datasetFor(folder, "finetune")));
        tokenize(then);
    }

    private void tokenize(java.util.function.Consumer<Path> then) {
        Path folder = source.get();
        Path target = output.get();
        if (busy.get()) {
            return;
        }
        if (folder == null || target == null) {
            errors.report("Tokenizing", new IllegalArgumentException(folder == null
                    ? "choose a folder of MIDI files first" : "choose an output folder for the dataset"));
            return;
        }
        String pattern = glob.get();
        InstrumentFilter filter = new InstrumentFilter(Set.copyOf(keep), Set.copyOf(required), minBeats.get(),
                mergeClasses.get());
        TokenizerConfig chosen = TokenizerConfig.forNewDatasets(algorithm.get());
        boolean learnBpe = bpe.get();
        boolean asDefaultModel = forDefaultModel.get();
        int vocabulary = vocabSize.get();
        start("Tokenizing");
        ProgressListener listener = progressListener("files");
        CancellationToken token = cancel;
        long startNanos = System.nanoTime();
        background.run(() -> {
            workspace.prepareParentOf(target);
            List<SourceFile> sources = SourceFiles.find(folder, pattern);
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no MIDI files matching " + pattern + " in " + folder);
            }
            TokenCodec model = asDefaultModel
                    ? TokenizerFile.load(ModelBundle.defaultModelFolder().resolve(TokenizerFile.FILE_NAME)) : null;
            DatasetRequest request = model != null
                    ? new DatasetRequest(sources, target, model.tokenizer().config(), filter, false, 0, threads())
                    .withMergesOf(model)
                    : new DatasetRequest(sources, target, chosen, filter, learnBpe, vocabulary, threads());
            return new DatasetBuilder().build(request, listener, token);
        }, result -> {
            built.set(target);
            skipped.setAll(result.skipped());
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            int total = result.documents() + result.skipped().size();
            summary.set(String.format(Locale.ROOT, "Tokenized %d of %d files in %.1f s (%.0f files/s): %,d tokens "
                            + "with %s; %d skipped", result.documents(), total, seconds,
                    total / Math.max(seconds, 1e-9), result.tokens(), result.algorithm(), result.skipped().size()));
            manifest.set(result);
            finish(); // last: whoever waits for the job sees everything it produced
            then.accept(target);
        }, failure -> fail("Tokenizing into " + target, failure));
    }

    /** Asks the running inspection or tokenization to stop; a half dataset is never left behind. */
    public void cancel() {
        cancel.cancel();
    }

    private void start(String what) {
        cancel = new CancellationToken();
        busy.set(true);
        progress.set(-1);
        progressText.set(what + "…");
    }

    private void finish() {
        busy.set(false);
        progress.set(1);
    }

    private void fail(String what, Exception failure) {
        busy.set(false);
        progress.set(0);
        if (failure instanceof CancelledException) {
            progressText.set("Cancelled");
            return;
        }
        progressText.set("Failed");
        errors.report(what, failure);
    }

    /** Progress from the worker, coalesced to a few UI updates a second. */
    private ProgressListener progressListener(String unit) {
        long startNanos = System.nanoTime();
        UiBatcher<long[]> batcher = background.batcher(UiBatcher.DEFAULT_INTERVAL_MILLIS, batch -> {
            if (!busy.get()) {
                return; // a batch that arrives after the job ended must not overwrite its outcome
            }
            long[] last = batch.get(batch.size() - 1);
            Rate rate = Rate.of(last[0], last[1], System.nanoTime() - startNanos);
            progress.set(last[1] > 0 ? (double) last[0] / last[1] : -1);
            progressText.set(String.format(Locale.ROOT, "%,d / %,d %s, %.0f %s/s, %d skipped, ETA %s", last[0], last[1],
                    unit, rate.perSecond(), unit, last[2], rate.etaText()));
        });
        return new ProgressListener() {
            @Override
            public void advanced(long done, long total, long failed) {
                batcher.offer(new long[] {done, total, failed});
            }
        };
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public ObjectProperty<Path> sourceProperty() {
        return source;
    }

    public StringProperty globProperty() {
        return glob;
    }

    public ObjectProperty<FolderInspector.Report> reportProperty() {
        return report;
    }

    public ObservableSet<InstrumentClass> keepClasses() {
        return keep;
    }

    public ObservableSet<InstrumentClass> requiredClasses() {
        return required;
    }

    public DoubleProperty minBeatsProperty() {
        return minBeats;
    }

    public BooleanProperty mergeClassesProperty() {
        return mergeClasses;
    }

    public ObjectProperty<TokenizerConfig.Algorithm> algorithmProperty() {
        return algorithm;
    }

    /** Where suggested datasets go (the preferences' workspace folder). */
    public void setWorkspace(WorkspaceFolder folder) {
        workspace = folder;
    }

    public WorkspaceFolder workspace() {
        return workspace;
    }

    public BooleanProperty forDefaultModelProperty() {
        return forDefaultModel;
    }

    public BooleanProperty bpeProperty() {
        return bpe;
    }

    public IntegerProperty vocabSizeProperty() {
        return vocabSize;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObjectProperty<Manifest> manifestProperty() {
        return manifest;
    }

    /** The folder of the last dataset this page built. */
    public ObjectProperty<Path> builtDatasetProperty() {
        return built;
    }

    public ObservableList<Manifest.SkippedFile> skippedFiles() {
        return skipped;
    }

    public StringProperty summaryProperty() {
        return summary;
    }
}
