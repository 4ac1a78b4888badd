package org.musai.cli;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.musai.audio.WavRenderer;
import org.musai.generate.ClassLimits;
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
import org.musai.progress.ProgressListener;
import org.musai.token.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code musai generate}: new music from a model, as MIDI. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write music with a model (the default model without -M) and save it as MIDI.",
                "Example: musai generate -o idea.mid --bars 16 --classes 0,4,16 --tempo 110 --seed 7 --variations 4"})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-M", "--model"}, paramLabel = "DIR", description = "Model or run folder (default: the default model).")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.mid",
            description = "MIDI file to write; with variations, FILE-1.mid, FILE-2.mid and so on.")
    Path output;

    @Option(names = "--bars", defaultValue = "16", description = "Bars to write (default ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--temperature", defaultValue = "1.0", description = "0.1-2.0 (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.85", description = "Nucleus sampling (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--top-k", defaultValue = "0", description = "Keep the k likeliest tokens, 0 for all (default 0).")
    int topK;

    @Option(names = "--repetition-penalty", defaultValue = "1.1",
            description = "Penalty on notes repeated lately, 1 for none (default ${DEFAULT-VALUE}).")
    double repetitionPenalty;

    @Option(names = {"-c", "--classes"}, paramLabel = "LIST", converter = ClassListConverter.class,
            description = {"The band, by number or name: each of these classes plays, and no other (default: the "
                    + "model chooses among all but 15).", "With --primer, the primer's instruments play as well."})
    Set<InstrumentClass> classes;

    @Option(names = "--presence-bars", paramLabel = "N", defaultValue = "" + GenerationControls.DEFAULT_PRESENCE_BARS,
            description = "Each class of the band plays at least once every N bars (default ${DEFAULT-VALUE}).")
    int presenceBars;

    @Option(names = "--max-copied-bars", paramLabel = "N",
            defaultValue = "" + GenerationControls.DEFAULT_MAX_COPIED_BARS,
            description = "At most N bars in a row repeat the bar before note for note; a bar that would loop again "
                    + "is written anew (default ${DEFAULT-VALUE}).")
    int maxCopiedBars;

    @Option(names = "--no-register-limits", description = "Let every class use any pitch, any number of notes at "
            + "once and any of its programs (default: each keeps the register, chord size and number of instruments "
            + "of the training data, the band at most 8 notes at once).")
    boolean noRegisterLimits;

    @Option(names = "--tempo", defaultValue = "120", description = "Beats per minute (default ${DEFAULT-VALUE}).")
    double tempo;

    @Option(names = "--time-signature", defaultValue = "4/4", description = "Meter (default ${DEFAULT-VALUE}).")
    String meter;

    @Option(names = "--seed", defaultValue = "42", description = "Same seed, same music (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--variations", defaultValue = "1", description = "Pieces to write (default 1).")
    int variations;

    @Option(names = "--primer", paramLabel = "FILE",
            description = "Music to continue: a MIDI file, or a token file (token names or ids, space-separated).")
    Path primer;

    @Option(names = "--primer-bars", defaultValue = "0", description = "Bars of the primer to keep (default: all).")
    int primerBars;

    @Option(names = "--max-tokens", defaultValue = "" + GenerationRequest.DEFAULT_MAX_TOKENS, hidden = true)
    int maxTokens;

    @Option(names = "--wav", paramLabel = "FILE.wav", description = "Also render the (first) piece to WAV.")
    Path wav;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "Soundfont for --wav (default: built-in).")
    Path soundfont;

    @Option(names = "--infill", description = {"Regenerate bars of the primer (needs --primer; without -M the "
            + "default MMM model, assets/models/default-mmm, writes them)."})
    boolean infill;

    @Option(names = "--bars-range", paramLabel = "A-B", description = "With --infill: the bars to regenerate, from 1.")
    String barsRange;

    @Option(names = "--tracks", paramLabel = "LIST", split = ",",
            description = {"With --infill: the tracks to regenerate, from 1, as 'musai inspect' lists them "
                    + "(default: all).", "Tracks of the same instrument are regenerated together."})
    List<Integer> tracks;

    @Option(names = "--add-track", paramLabel = "CLASS", converter = InstrumentClassConverter.class,
            description = {"Write a new part over the whole primer (needs --primer; without -M the default MMM model "
                    + "writes it): an instrument class, 0-16 or a name such as bass or drums, played on the class's "
                    + "first General MIDI program.", "Every note of the primer stays as it is."})
    InstrumentClass addTrack;

    @Option(names = "--density", paramLabel = "0-9", defaultValue = "-1",
            description = {"With --add-track: how busy the new part is, as MMM bins notes per bar (0: under half a "
                    + "note, 5: 6-8, 9: 16 or more; default: as busy as parts of its class usually are in the "
                    + "training corpus, e.g. 6 for a bass, 8 for drums)."})
    int density;

    @Option(names = "--adapter", paramLabel = "DIR",
            description = {"A LoRA fine-tune (its run folder) to merge into the model at load: -M names the base "
                    + "(default: the base the run names).", "A LoRA run folder also works alone as -M."})
    Path adapter;

    /** Longer pieces than this are a slip of the keyboard (and hours of sampling). */
    static final int MAX_BARS = 1024;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        ModelBundle bundle = adapter != null ? ModelBundle.load(adapter, model)
                : model != null ? ModelBundle.load(model)
                : infill || addTrack != null ? ModelBundle.loadDefaultInfill() : ModelBundle.loadDefault();
        if (infill) {
            return infill(bundle);
        }
        if (addTrack != null) {
            return addTrack(bundle);
        }
        boolean midiPrimer = primer != null && Arguments.contentOf(primer) == Arguments.Content.MIDI;
        Score primerScore = midiPrimer ? new SmfReader().read(primer) : null;
        int[] primerTokens = primer != null && !midiPrimer ? readTokens(primer, bundle.codec().tokenizer().vocabulary())
                : null;
        GenerationRequest request = new GenerationRequest(controls(), sampling(),
                variations, primerScore, primerBars, maxTokens, primerTokens);
        List<Generation> pieces;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            pieces = new Generator(bundle).generate(request, ProgressListener.NONE, interrupt.token());
        }
        PrintWriter out = spec.commandLine().getOut();
        SmfWriter writer = new SmfWriter();
        for (int i = 0; i < pieces.size(); i++) {
            Generation piece = pieces.get(i);
            Path file = pieces.size() == 1 ? output : numbered(output, i + 1);
            writer.write(piece.score(), file);
            out.printf(Locale.ROOT, "%s: %d notes, %d tokens, seed %d, %.2f s%n", file, piece.score().noteCount(),
                    piece.ids().length, piece.seed(), piece.seconds());
        }
        if (wav != null) {
            try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
                new WavRenderer().render(pieces.get(0).score(), soundfont, wav, interrupt.token());
            }
            out.println("Rendered " + wav);
        }
        return ExitCodes.OK;
    }

    /** Every value and path, before the model is loaded (seconds) or a file is touched. */
    private void checkArguments() throws IOException {
        Arguments.between("--temperature", temperature, 0.1, 2.0);
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("--top-p must be above 0 and at most 1, not " + Arguments.plain(topP));
        }
        Arguments.atLeast("--top-k", topK, 0);
        Arguments.between("--repetition-penalty", repetitionPenalty, 1.0, 10.0);
        Arguments.between("--bars", bars, 1, MAX_BARS);
        Arguments.between("--tempo", tempo, 20.0, 300.0);
        TimeSignature.parse(meter);
        Arguments.between("--variations", variations, 1, GenerationRequest.MAX_VARIATIONS);
        Arguments.atLeast("--presence-bars", presenceBars, 1);
        Arguments.atLeast("--max-copied-bars", maxCopiedBars, 0);
        Arguments.atLeast("--primer-bars", primerBars, 0);
        Arguments.atLeast("--max-tokens", maxTokens, 1);
        Arguments.outputFile("-o", output);
        for (int i = 1; variations > 1 && i <= variations; i++) {
            Arguments.outputFile("-o", numbered(output, i));
        }
        if (wav != null) {
            Arguments.outputFile("--wav", wav);
        }
        if (soundfont != null) {
            Arguments.existingFile("--soundfont", soundfont);
        }
        if (primer != null) {
            Arguments.existingFile("--primer", primer);
            Arguments.Content content = Arguments.contentOf(primer);
            if (content == Arguments.Content.AUDIO) {
                throw Arguments.audioNotMidi("--primer", primer);
            }
            if (content == Arguments.Content.OTHER) {
                readText(primer); // a token file: refused now if it is not text, rather than after loading the model
            }
            if (infill && content != Arguments.Content.MIDI) {
                throw new IllegalArgumentException("--infill needs --primer with the MIDI file whose bars to "
                        + "regenerate; " + primer + " is not a MIDI file");
            }
        }
        if (addTrack != null) {
            if (infill) {
                throw new IllegalArgumentException("give --add-track or --infill, not both");
            }
            if (primer == null || Arguments.contentOf(primer) != Arguments.Content.MIDI) {
                throw new IllegalArgumentException("--add-track needs --primer with the MIDI file to add a part to");
            }
        }
        if (density != -1) {
            Arguments.between("--density", density, 0, 9);
        }
        if (infill) {
            if (primer == null) {
                throw new IllegalArgumentException("--infill needs --primer with the MIDI file whose bars to "
                        + "regenerate");
            }
            barRange();
            for (int t : tracks == null ? List.<Integer>of() : tracks) {
                Arguments.atLeast("--tracks", t, 1);
            }
        }
        if (model != null) {
            Arguments.existingFolder("-M", model);
        }
    }

    /** --bars-range as the first and last bar, counted from 1 as typed. */
    private int[] barRange() {
        if (barsRange == null) {
            throw new IllegalArgumentException("--infill needs --bars-range A-B (bars counted from 1), such as 5-8");
        }
        return Arguments.barRange("--bars-range", barsRange);
    }

    /** The band and the guards: classes given are a band that must play; none given, the model chooses. */
    private GenerationControls controls() {
        return new GenerationControls(classes == null ? InstrumentFilter.defaultClasses() : classes, bars,
                TimeSignature.parse(meter), tempo, classes != null, presenceBars, maxCopiedBars,
                noRegisterLimits ? ClassLimits.NONE : ClassLimits.DEFAULTS);
    }

    /** The sampling flags, with the seed runner's penalty cap, window and decay. */
    private SamplingSettings sampling() {
        SamplingSettings defaults = SamplingSettings.defaults(seed);
        return new SamplingSettings(temperature, topP, topK, repetitionPenalty, defaults.maxPenalty(),
                defaults.penaltyWindow(), defaults.penaltyDecay(), seed);
    }

    /** Regenerates the chosen bars of the chosen tracks of the primer, once per variation. */
    private int infill(ModelBundle bundle) throws Exception {
        int[] range = barRange();
        int first = range[0] - 1;
        int last = range[1] - 1;
        Score score = new SmfReader().read(primer);
        int count = score.tracks().size();
        Set<Integer> chosen = new TreeSet<>();
        for (int t : tracks == null ? java.util.stream.IntStream.rangeClosed(1, count).boxed().toList() : tracks) {
            if (t < 1 || t > count) {
                throw new IllegalArgumentException("--tracks " + t + ": " + primer + " has " + count
                        + " instrument tracks, 1-" + count);
            }
            chosen.add(t - 1);
        }
        Generator generator = new Generator(bundle);
        SamplingSettings sampling = sampling();
        PrintWriter out = spec.commandLine().getOut();
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            for (int i = 0; i < variations; i++) {
                Generation piece = generator.infill(score, chosen, first, last, sampling.withSeed(seed + i), maxTokens,
                        interrupt.token());
                Path file = variations == 1 ? output : numbered(output, i + 1);
                new SmfWriter().write(piece.score(), file);
                out.printf(Locale.ROOT, "%s: bars %d-%d of tracks %s regenerated, %d notes, seed %d, %.2f s%n", file,
                        first + 1, last + 1, Generator.regeneratedTracks(score, chosen).stream().map(t -> t + 1)
                                .toList(), piece.score().noteCount(),
                        piece.seed(), piece.seconds());
            }
        }
        return ExitCodes.OK;
    }

    /** Writes a new part over the whole primer, once per variation. */
    private int addTrack(ModelBundle bundle) throws Exception {
        Score score = new SmfReader().read(primer);
        Generator generator = new Generator(bundle);
        SamplingSettings sampling = sampling();
        PrintWriter out = spec.commandLine().getOut();
        boolean drum = addTrack == InstrumentClass.DRUMS;
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt()) {
            for (int i = 0; i < variations; i++) {
                Generation piece = generator.addTrack(score, addTrack.firstProgram(), drum, density,
                        sampling.withSeed(seed + i), maxTokens, interrupt.token());
                Path file = variations == 1 ? output : numbered(output, i + 1);
                new SmfWriter().write(piece.score(), file);
                out.printf(Locale.ROOT, "%s: a %s part added, %d notes (the primer's %d kept), seed %d, %.2f s%n",
                        file, addTrack.displayName(), piece.score().noteCount() - score.noteCount(),
                        score.noteCount(), piece.seed(), piece.seconds());
            }
        }
        return ExitCodes.OK;
    }

    /** Token names ("Bar_None Position_0 ...") or ids, separated by spaces, commas or new lines. */
    static int[] readTokens(Path file, Vocabulary vocabulary) throws IOException {
        List<Integer> ids = new ArrayList<>();
        for (String word : readText(file).split("[\\s,\\[\\]]+")) {
            if (word.isBlank()) {
                continue;
            }
            int id = word.matches("-?\\d+") ? Integer.parseInt(word) : vocabulary.contains(word) ? vocabulary.id(word) : -1;
            if (id < 0 || id >= vocabulary.size()) {
                throw new IllegalArgumentException(file + ": '" + word + "' is not a token of this model's vocabulary");
            }
            ids.add(id);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + " is neither a MIDI file nor a token file (text of token names "
                    + "or ids)");
        }
    }

    private static Path numbered(Path file, int number) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".mid";
        return file.resolveSibling(stem + "-" + number + extension);
    }
}
