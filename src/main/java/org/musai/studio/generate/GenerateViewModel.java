package org.musai.studio.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.musai.audio.WavRenderer;
import org.musai.io.OutputPaths;
import org.musai.audio.MidiRecorder;
import org.musai.audio.RecordingListener;
import org.musai.audio.RecordingSettings;
import org.musai.generate.DraftListener;
import org.musai.generate.Generation;
import org.musai.generate.GenerationControls;
import org.musai.generate.GenerationRequest;
import org.musai.generate.Generator;
import org.musai.generate.ModelBundle;
import org.musai.generate.SamplingSettings;
import org.musai.midi.InstrumentClass;
import org.musai.midi.InstrumentFilter;
import org.musai.midi.Score;
import org.musai.midi.SmfReader;
import org.musai.midi.SmfWriter;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.studio.common.Background;
import org.musai.studio.common.ErrorReporter;
import org.musai.studio.common.UiBatcher;
import org.musai.studio.common.WorkspaceFolder;

/**
 * The generate page: a model, the controls of {@code musai generate}, and what comes out — variations to compare, a
 * piano roll's score with mute and solo, playback ({@link PlaybackViewModel}), bar infill, export and drag-out. Properties change
 * on the UI executor.
 */
public final class GenerateViewModel {

    /** The seed runner's defaults, as {@code musai generate} has them. */
    static final int DEFAULT_BARS = 16;
    static final double DEFAULT_TEMPO = 120;
    static final long DEFAULT_SEED = 42;
    /** How often the roll shows the piece being written: a bar of the default model takes about 60 ms. */
    static final long DRAFT_INTERVAL_MILLIS = 40;

    private final Background background;
    private final ErrorReporter errors;
    private final Random dice = new Random();

    private final ObjectProperty<Path> modelFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelBundle> model = new SimpleObjectProperty<>();
    private final StringProperty modelName = new SimpleStringProperty("Loading the default model…");
    private final BooleanProperty infills = new SimpleBooleanProperty();
    /** The model that regenerates bars: the chosen one if it is MMM, else the default MMM model, if it loads. */
    private final ObjectProperty<ModelBundle> infillModel = new SimpleObjectProperty<>();
    private ModelBundle defaultInfill;
    private final ObservableSet<InstrumentClass> classes = FXCollections.observableSet(
            EnumSet.copyOf(InstrumentFilter.defaultClasses()));
    private final IntegerProperty bars = new SimpleIntegerProperty(DEFAULT_BARS);
    private final DoubleProperty tempo = new SimpleDoubleProperty(DEFAULT_TEMPO);
    private final StringProperty meter = new SimpleStringProperty("4/4");
    private final DoubleProperty temperature = new SimpleDoubleProperty();
    private final DoubleProperty topP = new SimpleDoubleProperty();
    private final IntegerProperty topK = new SimpleIntegerProperty();
    private final DoubleProperty repetitionPenalty = new SimpleDoubleProperty();
    private final LongProperty seed = new SimpleLongProperty(DEFAULT_SEED);
    private final IntegerProperty variationCount = new SimpleIntegerProperty(1);
    private final ObjectProperty<Path> primer = new SimpleObjectProperty<>();
    private final IntegerProperty primerBars = new SimpleIntegerProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Variation> variations = FXCollections.observableArrayList();
    private final ObjectProperty<Variation> selected = new SimpleObjectProperty<>();
    private final BooleanProperty recording = new SimpleBooleanProperty();
    /** The piece shown before the one shown now: A/B compares the two. */
    private final ObjectProperty<Variation> previous = new SimpleObjectProperty<>();
    /** The last piece shown (the roll shows none while one is written). */
    private Variation lastShown;
    private final javafx.beans.binding.BooleanBinding comparable = javafx.beans.binding.Bindings.createBooleanBinding(
            () -> selected.get() != null && previous.get() != null && variations.contains(previous.get())
                    && !previous.get().equals(selected.get()), selected, previous, variations);
    private WorkspaceFolder workspace = WorkspaceFolder.standard();
    /** The first piece of a batch while it is being written; null otherwise. */
    private final ObjectProperty<PieceDraft> draft = new SimpleObjectProperty<>();
    /** Set while the piece that played as it was written is shown finished: its playback goes on. */
    private boolean continuingPlayback;
    private final ObservableList<TrackRow> tracks = FXCollections.observableArrayList();
    private final ObjectProperty<Set<Integer>> dimmedTracks = new SimpleObjectProperty<>(Set.of());
    private final PlaybackViewModel playback;
    private CancellationToken cancel = new CancellationToken();
    private int generated;
    /** Batches of variations written so far: each batch numbers its pieces from 1. */
    private int batches;
    private int loads;

    public GenerateViewModel(Background background, ErrorReporter errors) {
        this.background = background;
        this.errors = errors;
        this.playback = new PlaybackViewModel(background, errors);
        SamplingSettings defaults = SamplingSettings.defaults(DEFAULT_SEED);
        temperature.set(defaults.temperature());
        topP.set(defaults.topP());
        topK.set(defaults.topK());
        repetitionPenalty.set(defaults.repetitionPenalty());
        selected.addListener((o, old, now) -> {
            if (now != null) {
                if (lastShown != null && !lastShown.generation().equals(now.generation())) {
                    previous.set(lastShown); // renaming or starring is not another piece
                }
                lastShown = now;
            }
            showTracks(now);
        });
    }

    private final javafx.collections.ObservableList<InstrumentPreset> presets =
            javafx.collections.FXCollections.observableArrayList(InstrumentPreset.builtIn());
    private final java.util.List<InstrumentPreset> userPresets = new java.util.ArrayList<>();
    private java.util.function.Consumer<String> presetStore = saved -> { };

    /** The model chosen last through {@link #loadModel}, which an adapter goes on top of; null for the default. */
    private Path baseFolder;

    /** Loads a model folder, or the default model for null. */
    public void loadModel(Path folder) {
        baseFolder = folder;
        load(folder, folder == null ? "Default model" : displayName(folder),
                () -> folder == null ? ModelBundle.loadDefault() : ModelBundle.load(folder));
    }

    /**
     * Loads a LoRA fine-tune (its run folder) on top of the model shown (the default model when none was chosen): the
     * adapter is merged into that base, which must be the one it was trained on.
     */
    public void loadAdapter(Path adapter) {
        Path base = baseFolder == null ? ModelBundle.defaultModelFolder() : baseFolder;
        load(adapter, displayName(adapter) + " on " + displayName(base), () -> ModelBundle.load(adapter, base));
    }

    private void load(Path folder, String name, java.util.concurrent.Callable<ModelBundle> loading) {
        modelFolder.set(folder);
        modelName.set("Loading " + name + "…");
        int load = ++loads;
        background.run(loading, bundle -> {
            if (load != loads) {
                return; // a later choice of model wins, whichever finishes loading first
            }
            infills.set(new Generator(bundle).infills());
            if (infills.get()) {
                infillModel.set(bundle);
            } else {
                useDefaultInfillModel();
            }
            modelName.set(name + " · "
                    + bundle.codec().tokenizer().config().algorithm() + ", "
                    + String.format(Locale.ROOT, "%.1f M parameters", bundle.rnn().config().parameterCount() / 1e6));
            model.set(bundle); // last: whoever waits for the model finds its name and abilities set

        }, failure -> {
            if (load != loads) {
                return;
            }
            model.set(null);
            infills.set(false);
            infillModel.set(null);
            modelName.set("No model loaded");
            errors.report("Loading the model", failure);
        });
    }

    /**
     * Bars of any piece, a REMI model's too, are regenerated by the default MMM model when the chosen model cannot
     * do it; loaded once. Without it, Regenerate selection stays off (no dialog: nothing was asked for).
     */
    private void useDefaultInfillModel() {
        if (defaultInfill != null) {
            infillModel.set(defaultInfill);
            return;
        }
        int load = loads;
        background.run(ModelBundle::loadDefaultInfill, bundle -> {
            defaultInfill = bundle;
            if (load == loads) {
                infillModel.set(bundle);
            }
        }, failure -> {
            if (load == loads) {
                infillModel.set(null);
            }
        });
    }

    /** "run" for a run folder, "run / step-000000300" for one of its checkpoints. */
    private static String displayName(Path folder) {
        Path name = folder.toAbsolutePath().getFileName();
        return ModelBundle.runOfCheckpoint(folder).map(run -> run.getFileName() + " / " + name)
                .orElse(String.valueOf(name));
    }

    /** A new random seed (the dice button). */
    public void rollSeed() {
        seed.set(dice.nextInt(1_000_000));
    }

    /** Writes the asked number of variations and shows the first. */
    public void generate() {
        ModelBundle bundle = model.get();
        if (bundle == null || busy.get()) {
            return;
        }
        GenerationRequest request;
        Score primerScore;
        try {
            primerScore = primer.get() == null ? null : new SmfReader().read(primer.get());
            // a narrowed list of classes is a band that must play; all of them, the model chooses
            boolean band = !Set.copyOf(classes).equals(InstrumentFilter.defaultClasses());
            request = new GenerationRequest(new GenerationControls(Set.copyOf(classes), bars.get(),
                    TimeSignature.parse(meter.get()), tempo.get()).withBandMustPlay(band), sampling(seed.get()),
                    variationCount.get(),
                    primerScore, primerBars.get(), GenerationRequest.DEFAULT_MAX_TOKENS);
        } catch (Exception e) {
            errors.report("Generating", e);
            return;
        }
        if (infills.get()) {
            showPrimerForInfill(primerScore);
            return;
        }
        begin("Generating…");
        CancellationToken token = cancel;
        ProgressListener listener = progress();
        Variation before = selected.get();
        DraftListener drafts = showDrafts(token);
        String settings = settingsOf(request);
        background.run(() -> new Generator(bundle).generate(request, listener, drafts, token), pieces -> {
            List<Variation> added = new ArrayList<>();
            int batch = ++batches;
            for (Generation piece : pieces) {
                generated++;
                added.add(new Variation(String.format(Locale.ROOT, "%d.%d · seed %d", batch, added.size() + 1,
                        piece.seed()), settings + " · " + org.musai.midi.GeneralMidi.notes(piece.score().noteCount()),
                        false, piece));
            }
            variations.addAll(added);
            draft.set(null);
            // the first piece may be playing as it was written: it plays on to its end
            continuingPlayback = playback.playsGrowing();
            playback.grow(added.get(0).generation().score(), true);
            selected.set(added.get(0));
            continuingPlayback = false;
            status.set(String.format(Locale.ROOT, "%d piece%s in %.1f s", pieces.size(), pieces.size() == 1 ? "" : "s",
                    pieces.stream().mapToDouble(Generation::seconds).sum()));
            busy.set(false); // last: whoever waits for the job sees everything it produced
        }, failure -> {
            draft.set(null);
            if (playback.playsGrowing()) {
                playback.stop(); // a piece that will not be finished
            }
            if (selected.get() == null) {
                selected.set(before);
            }
            failed("Generating", failure);
        });
    }

    /**
     * Shows the first piece of the batch in the roll as its bars are written, and hands each version to a playback
     * that started before the end; the roll stops showing what was selected when the first bar arrives.
     */
    private DraftListener showDrafts(CancellationToken job) {
        UiBatcher<PieceDraft> batcher = background.batcher(DRAFT_INTERVAL_MILLIS, batch -> {
            PieceDraft last = batch.get(batch.size() - 1);
            if (!busy.get() || job != cancel || job.isCancelled()) {
                return; // a draft late for its job: the finished piece is shown already
            }
            if (draft.get() == null) {
                selected.set(null);
            }
            draft.set(last);
            playback.grow(last.score(), false);
            status.set(String.format(Locale.ROOT, "Writing… bar %d of %d", Math.min(last.barsDone() + 1,
                    last.barsInAll()), last.barsInAll()));
        });
        return (variation, score, barsDone, barsInAll) -> {
            if (variation == 0) {
                batcher.offer(new PieceDraft(score, barsDone, barsInAll));
            }
        };
    }

    /**
     * An MMM model rewrites bars rather than writing from scratch: its "generate" puts the primer in the roll, where
     * bars can be selected and regenerated.
     */
    private void showPrimerForInfill(Score primerScore) {
        if (primerScore == null) {
            errors.report("Generating", new IllegalArgumentException("this model regenerates chosen bars (MMM): drop a "
                    + "primer MIDI file first, then select bars in the piano roll and regenerate them"));
            return;
        }
        show(primerScore, primer.get());
        status.set("Select bars on the ruler, then Regenerate selection");
    }

    /** Opens a MIDI file as the primer and shows it in the roll, where its bars can be regenerated or a track added. */
    public void open(Path file) {
        try {
            Score score = new SmfReader().read(file);
            primer.set(file);
            show(score, file);
            status.set(file.getFileName() + " is the primer: Generate continues it");
        } catch (Exception e) {
            errors.report("Opening " + file.getFileName(), e);
        }
    }

    private void show(Score score, Path file) {
        // the file as read: regenerating keeps every note outside the selection exactly as the roll shows it
        Variation variation = new Variation(String.format(Locale.ROOT, "%d · primer %s", ++generated,
                file.getFileName()), new Generation(score, new int[0], 0, seed.get(), 0));
        variations.add(variation);
        selected.set(variation);
    }

    /** Regenerates bars {@code firstBar..lastBar} (from 1) of the chosen tracks of the shown piece (MMM models). */
    public void regenerate(int firstBar, int lastBar, Set<Integer> chosenTracks) {
        ModelBundle bundle = infillModel.get();
        Variation shown = selected.get();
        if (bundle == null || shown == null || busy.get()) {
            return;
        }
        Set<Integer> trackSet = chosenTracks.isEmpty() ? allTracks(shown.generation().score())
                : Set.copyOf(chosenTracks);
        begin(String.format(Locale.ROOT, "Regenerating bars %d-%d…", firstBar, lastBar));
        CancellationToken token = cancel;
        SamplingSettings settings = sampling(seed.get()); // read here, on the UI thread, as clicked
        background.run(() -> new Generator(bundle).infill(shown.generation().score(), trackSet, firstBar - 1,
                lastBar - 1, settings, GenerationRequest.DEFAULT_MAX_TOKENS, token), piece -> {
                    String label = String.format(Locale.ROOT, "%d · bars %d-%d of %s", ++generated, firstBar, lastBar,
                            shown.label().split(" ")[0]);
                    Variation variation = new Variation(label, piece);
                    variations.add(variation);
                    selected.set(variation);
                    status.set(String.format(Locale.ROOT, "Bars %d-%d regenerated in %.1f s", firstBar, lastBar,
                            piece.seconds()));
                    busy.set(false);
                }, failure -> failed("Regenerating the selection", failure));
    }

    /**
     * Writes a new part of this instrument class over the whole shown piece (a primer or a generated piece) with the
     * MMM model; the piece with it becomes a new variation, the shown one stays as it was.
     */
    public void addTrack(InstrumentClass instrument) {
        ModelBundle bundle = infillModel.get();
        Variation shown = selected.get();
        if (bundle == null || shown == null || busy.get() || instrument == null) {
            return;
        }
        begin("Adding a " + instrument.displayName() + " part…");
        CancellationToken token = cancel;
        SamplingSettings settings = sampling(seed.get());
        background.run(() -> new Generator(bundle).addTrack(shown.generation().score(), instrument.firstProgram(),
                instrument == InstrumentClass.DRUMS, -1, settings, GenerationRequest.DEFAULT_MAX_TOKENS, token),
                piece -> {
                    String label = String.format(Locale.ROOT, "%d · %s + %s", ++generated,
                            shown.label().split(" ")[0], instrument.displayName());
                    Variation variation = new Variation(label, piece);
                    variations.add(variation);
                    selected.set(variation);
                    status.set(String.format(Locale.ROOT, "A %s part added in %.1f s", instrument.displayName(),
                            piece.seconds()));
                    busy.set(false);
                }, failure -> failed("Adding a track", failure));
    }

    /** Records a take from the MIDI input of this name ({@link #record(TakeSource, RecordingSettings)}). */
    public void record(String port, RecordingSettings settings) {
        record((asked, stop, listener) -> new MidiRecorder().record(port, asked, stop, listener), settings);
    }

    /**
     * Records a take, shown in the roll as it is played (Cancel stops it and keeps what was played); the take is
     * saved in the workspace's takes folder, becomes the primer and is shown as a new variation.
     */
    public void record(TakeSource source, RecordingSettings settings) {
        if (busy.get()) {
            return;
        }
        begin("Counting in…");
        recording.set(true);
        CancellationToken stop = cancel;
        UiBatcher<int[]> beats = background.batcher(DRAFT_INTERVAL_MILLIS, batch -> {
            int[] beat = batch.get(batch.size() - 1);
            if (recording.get() && stop == cancel) {
                status.set(beat[0] < 0 ? "Counting in… " + beat[1]
                        : String.format(Locale.ROOT, "Recording bar %d of %d", beat[0], settings.bars()));
            }
        });
        UiBatcher<Score> takes = background.batcher(DRAFT_INTERVAL_MILLIS, batch -> {
            if (recording.get() && stop == cancel) {
                if (draft.get() == null) {
                    selected.set(null);
                }
                draft.set(new PieceDraft(batch.get(batch.size() - 1), 0, settings.bars()));
            }
        });
        RecordingListener listener = new RecordingListener() {
            @Override
            public void beat(int bar, int beat) {
                beats.offer(new int[] {bar, beat});
            }

            @Override
            public void taken(Score soFar) {
                takes.offer(soFar);
            }
        };
        background.run(() -> {
            Score take = source.record(settings, stop, listener);
            Path file = nextTakeFile();
            workspace.prepareParentOf(file);
            new SmfWriter().write(take, file);
            return new Object[] {take, file};
        }, saved -> {
            Score take = (Score) saved[0];
            Path file = (Path) saved[1];
            recording.set(false);
            draft.set(null);
            Variation variation = new Variation(String.format(Locale.ROOT, "%d · %s", ++generated,
                    file.getFileName()), String.format(Locale.ROOT, "recorded at %.0f bpm · %s · %s",
                    settings.bpm(), org.musai.midi.GeneralMidi.notes(take.noteCount()), file.getParent()), false,
                    new Generation(take, new int[0], 0, seed.get(), 0));
            variations.add(variation);
            selected.set(variation);
            primer.set(file);
            status.set("The take is the primer now: " + file.getFileName());
            busy.set(false);
        }, failure -> {
            recording.set(false);
            draft.set(null);
            failed("Recording", failure);
        });
    }

    /** takes/take-N.mid in the workspace, the first N not taken. */
    private Path nextTakeFile() {
        Path takes = workspace.root().resolve(WorkspaceFolder.TAKES);
        for (int n = 1; ; n++) {
            Path file = takes.resolve("take-" + n + ".mid");
            if (!Files.exists(file)) {
                return file;
            }
        }
    }

    /** Where takes are saved: the workspace folder the preferences name. */
    public void setWorkspace(WorkspaceFolder folder) {
        workspace = folder;
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording;
    }

    /** What a batch was asked: temperature, top-p, the band (or the model's choice), bars, a primer. */
    private static String settingsOf(GenerationRequest request) {
        SamplingSettings sampling = request.sampling();
        List<String> band = request.controls().classes().stream().sorted().map(InstrumentClass::displayName).toList();
        String players = !request.controls().bandMustPlay() ? "the model's band"
                : band.size() <= 3 ? String.join(", ", band)
                : String.join(", ", band.subList(0, 3)) + " +" + (band.size() - 3);
        return String.format(Locale.ROOT, "T %.2f · top-p %.2f · %s · %d bars%s", sampling.temperature(),
                sampling.topP(), players, request.controls().bars(), request.hasPrimer() ? " after the primer" : "");
    }

    /** Takes a piece off the list; the next one (or the one before) is shown if it was. */
    public void delete(Variation variation) {
        int index = variations.indexOf(variation);
        if (index < 0) {
            return;
        }
        variations.remove(index);
        if (variation.equals(selected.get())) {
            selected.set(variations.isEmpty() ? null : variations.get(Math.min(index, variations.size() - 1)));
        }
    }

    /** Gives a piece the musician's own name (blank: it keeps its name); it stays where it is, shown if it was. */
    public void rename(Variation variation, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        replace(variation, variation.withLabel(name.strip()));
    }

    /**
     * A/B: shows the piece shown before this one; while one plays, the music goes on in the other from the same
     * moment, so that two takes can be compared bar for bar. Pressed again, back to the first.
     */
    public void compareWithPrevious() {
        Variation other = previous.get();
        if (other == null || !variations.contains(other) || selected.get() == null) {
            return;
        }
        boolean playing = playback.playingProperty().get();
        if (playing) {
            playback.switchTo(other.generation().score());
        }
        continuingPlayback = playing;
        selected.set(other);
        continuingPlayback = false;
    }

    /** Whether there is a piece to compare the shown one with (A/B). */
    public javafx.beans.binding.BooleanBinding comparableProperty() {
        return comparable;
    }

    /** Stars a piece, or takes its star away; it stays where it is, shown if it was. */
    public void toggleStar(Variation variation) {
        replace(variation, variation.withStar(!variation.starred()));
    }

    /** Puts a changed entry in the place of the old one, shown if the old one was. */
    private void replace(Variation old, Variation changed) {
        int index = variations.indexOf(old);
        if (index < 0) {
            return;
        }
        boolean shown = old.equals(selected.get());
        if (old.equals(previous.get())) {
            previous.set(changed);
        }
        if (old.equals(lastShown)) {
            lastShown = changed;
        }
        continuingPlayback = shown && playback.playingProperty().get(); // the same music, renamed or starred
        variations.set(index, changed);
        if (shown) {
            selected.set(changed);
        }
        continuingPlayback = false;
    }

    private static Set<Integer> allTracks(Score score) {
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < score.tracks().size(); i++) {
            all.add(i);
        }
        return all;
    }

    public void cancel() {
        cancel.cancel();
    }

    private SamplingSettings sampling(long pieceSeed) {
        SamplingSettings defaults = SamplingSettings.defaults(pieceSeed);
        return new SamplingSettings(temperature.get(), topP.get(), topK.get(), repetitionPenalty.get(),
                defaults.maxPenalty(), defaults.penaltyWindow(), defaults.penaltyDecay(), pieceSeed);
    }

    private void begin(String what) {
        cancel = new CancellationToken();
        busy.set(true);
        status.set(what);
    }

    private void failed(String what, Exception failure) {
        busy.set(false);
        if (failure instanceof CancelledException) {
            status.set("Cancelled");
        } else {
            status.set("Failed");
            errors.report(what, failure);
        }
    }

    private ProgressListener progress() {
        UiBatcher<long[]> batcher = background.batcher(UiBatcher.DEFAULT_INTERVAL_MILLIS, batch -> {
            long[] last = batch.get(batch.size() - 1);
            if (busy.get()) {
                status.set(String.format(Locale.ROOT, "Generating… %d of %d written", last[0], last[1]));
            }
        });
        return new ProgressListener() {
            @Override
            public void advanced(long done, long total, long failed) {
                batcher.offer(new long[] {done, total});
            }
        };
    }

    private void showTracks(Variation variation) {
        if (!continuingPlayback) {
            stopPlayback();
        }
        List<TrackRow> rows = new ArrayList<>();
        if (variation != null) {
            List<Track> all = variation.generation().score().tracks();
            for (int i = 0; i < all.size(); i++) {
                TrackRow row = new TrackRow(all, i);
                row.mutedProperty().addListener(o -> updateDimmed());
                row.soloedProperty().addListener(o -> updateDimmed());
                rows.add(row);
            }
        }
        tracks.setAll(rows);
        updateDimmed();
    }

    /** Muted tracks, and with any solo on, every track that is not soloed. */
    private void updateDimmed() {
        boolean anySolo = tracks.stream().anyMatch(r -> r.soloedProperty().get());
        Set<Integer> dimmed = new TreeSet<>();
        for (TrackRow row : tracks) {
            if (row.mutedProperty().get() || (anySolo && !row.soloedProperty().get())) {
                dimmed.add(row.index());
            }
        }
        dimmedTracks.set(Set.copyOf(dimmed));
        playback.setSilent(dimmed);
    }

    /** The shown piece as it sounds: without muted tracks (and with only soloed ones, if any). */
    public Score audibleScore() {
        Variation shown = selected.get();
        if (shown == null) {
            return null;
        }
        Score score = shown.generation().score();
        List<Track> kept = new ArrayList<>();
        for (int i = 0; i < score.tracks().size(); i++) {
            if (!dimmedTracks.get().contains(i)) {
                kept.add(score.tracks().get(i));
            }
        }
        return score.withTracks(kept);
    }

    /** Plays the shown piece; mute and solo apply as it plays. */
    /** Plays the shown piece, or the piece being written, which then plays on as it is written. */
    public void play() {
        Variation shown = selected.get();
        PieceDraft writing = draft.get();
        if (recording.get()) {
            return; // the keyboard is what sounds while a take is recorded
        }
        if (shown != null) {
            playback.play(shown.generation().score());
        } else if (writing != null) {
            playback.playGrowing(writing.score());
        }
    }

    public void stopPlayback() {
        playback.stop();
    }

    /** Saves the shown piece (all tracks) as a MIDI file. */
    public void exportMidi(Path file) {
        Variation shown = selected.get();
        if (shown == null) {
            return;
        }
        try {
            OutputPaths.checkFile(file);
            new SmfWriter().write(shown.generation().score(), file);
            status.set("Saved " + file);
        } catch (IOException e) {
            errors.report("Saving " + file, e);
        }
    }

    /** Renders the audible piece to WAV with the chosen soundfont. */
    public void exportWav(Path file) {
        Score score = audibleScore();
        if (score == null) {
            return;
        }
        Path bank = playback.soundfontProperty().get();
        status.set("Rendering " + file.getFileName() + "…");
        CancellationToken token = cancel;
        background.run(() -> {
            OutputPaths.checkFile(file);
            new WavRenderer().render(score, bank, file, token);
            return file;
        }, done -> status.set("Rendered " + done), failure -> {
            status.set("Rendering failed");
            errors.report("Rendering " + file, failure);
        });
    }

    /**
     * Writes the shown piece to a fresh temporary .mid file for dragging out of the window; the DAW or file manager
     * copies it from there.
     */
    public Path dragFile() throws IOException {
        Variation shown = selected.get();
        if (shown == null) {
            throw new IOException("nothing to drag: generate a piece first");
        }
        Path folder = Files.createTempDirectory("musai-drag-");
        folder.toFile().deleteOnExit(); // registered first, so deleted last, once its file is gone
        Path file = folder.resolve(String.format(Locale.ROOT, "musai-%d-seed%d.mid", generated,
                shown.generation().seed()));
        file.toFile().deleteOnExit();
        new SmfWriter().write(shown.generation().score(), file);
        return file;
    }

    public ObjectProperty<Path> modelFolderProperty() {
        return modelFolder;
    }

    public ObjectProperty<ModelBundle> modelProperty() {
        return model;
    }

    public StringProperty modelNameProperty() {
        return modelName;
    }

    public BooleanProperty infillsProperty() {
        return infills;
    }

    /** The model that Regenerate selection uses; null while none is available. */
    public ReadOnlyObjectProperty<ModelBundle> infillModelProperty() {
        return infillModel;
    }

    /** The instrument presets: built in, then the user's own. */
    public javafx.collections.ObservableList<InstrumentPreset> presets() {
        return presets;
    }

    /** Checks exactly the preset's classes. */
    public void applyPreset(InstrumentPreset preset) {
        classes.retainAll(preset.classes());
        classes.addAll(preset.classes());
    }

    /**
     * Keeps the classes checked now as a preset of this name (replacing one of the user's of the same name), and
     * hands every preset of the user's to the store.
     */
    public void savePreset(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            errors.report("Saving the preset", new IllegalArgumentException("give the preset a name"));
            return;
        }
        InstrumentPreset preset = new InstrumentPreset(trimmed, classes);
        userPresets.removeIf(p -> p.name().equals(preset.name()));
        userPresets.add(preset);
        presets.setAll(InstrumentPreset.builtIn());
        presets.addAll(userPresets);
        presetStore.accept(String.join(";", userPresets.stream().map(InstrumentPreset::encode).toList()));
    }

    /** The user's presets as {@link #savePreset} stored them, and where to store them from now on. */
    public void useSavedPresets(String saved, java.util.function.Consumer<String> store) {
        userPresets.clear();
        userPresets.addAll(InstrumentPreset.decode(saved == null ? "" : saved));
        presets.setAll(InstrumentPreset.builtIn());
        presets.addAll(userPresets);
        presetStore = store;
    }

    public ObservableSet<InstrumentClass> classes() {
        return classes;
    }

    public IntegerProperty barsProperty() {
        return bars;
    }

    public DoubleProperty tempoProperty() {
        return tempo;
    }

    public StringProperty meterProperty() {
        return meter;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public DoubleProperty topPProperty() {
        return topP;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public DoubleProperty repetitionPenaltyProperty() {
        return repetitionPenalty;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public IntegerProperty variationCountProperty() {
        return variationCount;
    }

    public ObjectProperty<Path> primerProperty() {
        return primer;
    }

    public IntegerProperty primerBarsProperty() {
        return primerBars;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<Variation> variations() {
        return variations;
    }

    public ObjectProperty<Variation> selectedProperty() {
        return selected;
    }

    /** The piece being written, as far as it is; null when none is. */
    public ReadOnlyObjectProperty<PieceDraft> draftProperty() {
        return draft;
    }

    public ObservableList<TrackRow> tracks() {
        return tracks;
    }

    public ObjectProperty<Set<Integer>> dimmedTracksProperty() {
        return dimmedTracks;
    }

    /** Output, soundfont, play state and playhead. */
    public PlaybackViewModel playback() {
        return playback;
    }
}
