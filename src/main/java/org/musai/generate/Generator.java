package org.musai.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.model.RnnState;
import org.musai.model.RwkvRnn;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;
import org.musai.progress.ProgressListener;
import org.musai.token.BarGrid;
import org.musai.token.DecodedScore;
import org.musai.token.IntList;
import org.musai.token.Quantization;
import org.musai.token.Quantizer;
import org.musai.token.SpecialTokens;
import org.musai.token.TokenCodec;
import org.musai.token.TokenizerConfig;
import org.musai.token.mmm.FillSlot;
import org.musai.token.mmm.MmmTokenKind;
import org.musai.token.mmm.MmmTokenizer;
import org.musai.token.remi.RemiTokenizer;
import org.musai.token.remi.RemiVocabulary;

/**
 * Writes music with a model in RNN mode: a prompt (a fresh start or a primer), then one token at a time, each drawn
 * among those the grammar allows, until the bars asked for are written. Every piece decodes with no token skipped.
 * Thread-safe: each call has its own state.
 */
public final class Generator {

    private final ModelBundle model;
    private final RemiTokenizer remi;
    private final MmmTokenizer mmm;
    private final Quantization quantization;
    private final TokenMask mask;
    private final java.util.Map<Integer, int[]> startingWith = new java.util.HashMap<>();
    private final boolean[] penalized;

    public Generator(ModelBundle model) {
        this.model = model;
        this.remi = model.codec().tokenizer() instanceof RemiTokenizer r ? r : null;
        this.mmm = model.codec().tokenizer() instanceof MmmTokenizer m ? m : null;
        this.quantization = new Quantization(model.codec().tokenizer().config());
        this.mask = new TokenMask(model.codec());
        this.penalized = new boolean[model.codec().vocabSize()];
        for (int id = 0; id < penalized.length; id++) {
            for (int base : mask.expand(id)) {
                // the seed penalises repeated content; structure (bars, positions, programs) repeats by nature
                penalized[id] |= remi != null ? remi.remiVocabulary().kind(base) == RemiVocabulary.Kind.PITCH
                        || remi.remiVocabulary().kind(base) == RemiVocabulary.Kind.CHORD
                        : mmm.tokenIds().kindOf(base) == MmmTokenKind.NOTE_ON;
            }
        }
    }

    /** Whether this model writes pieces from scratch (REMI); otherwise it regenerates bars (MMM infill). */
    public boolean writesFromScratch() {
        return remi != null;
    }

    /** Whether this model can regenerate chosen bars of a score (MMM). */
    public boolean infills() {
        return mmm != null;
    }

    /** Writes {@code variations} pieces; variation i uses the request's seed plus i. */
    public List<Generation> generate(GenerationRequest request, ProgressListener listener, CancellationToken cancel)
            throws CancelledException, GenerationException {
        return generate(request, listener, DraftListener.NONE, cancel);
    }

    /**
     * Writes as {@link #generate(GenerationRequest, ProgressListener, CancellationToken)}, and shows each piece to
     * {@code drafts} as its bars become final.
     */
    public List<Generation> generate(GenerationRequest request, ProgressListener listener, DraftListener drafts,
                                     CancellationToken cancel) throws CancelledException, GenerationException {
        if (remi == null) {
            throw new GenerationException("this model uses MMM tokens: it regenerates chosen bars of a primer "
                    + "(infill); writing from scratch needs a REMI model");
        }
        long start = System.nanoTime();
        listener.started("generate", request.variations());
        List<Setup> setups = new ArrayList<>();
        List<PieceWriter> writers = new ArrayList<>();
        java.util.Map<java.nio.IntBuffer, PieceWriter> byPrompt = new java.util.HashMap<>();
        for (int i = 0; i < request.variations(); i++) {
            Setup setup = setUp(request, request.sampling().seed() + i);
            setups.add(setup);
            // variations of one primer read it once: the others start from a copy of its state
            PieceWriter same = byPrompt.get(java.nio.IntBuffer.wrap(setup.prompt().baseIds()));
            PieceWriter writer = same == null
                    ? new PieceWriter(setup.grammar(), setup.prompt().baseIds(), request.sampling(), setup.seed(),
                    request.maxTokens())
                    : same.branch(setup.grammar(), setup.seed());
            byPrompt.putIfAbsent(java.nio.IntBuffer.wrap(setup.prompt().baseIds()), writer);
            writers.add(writer);
        }
        BarsWritten barsWritten = drafts == DraftListener.NONE ? BarsWritten.NONE : (piece, bars) -> {
            Setup setup = setups.get(piece);
            drafts.drafted(piece, finish(request, setup, writers.get(piece).ids(), 0).score(), bars,
                    setup.grammar().maxBars());
        };
        writeAll(writers, done -> listener.advanced(done, request.variations(), 0), barsWritten, cancel);
        // written together: each piece is given an equal share of the time
        double seconds = (System.nanoTime() - start) / 1e9 / request.variations();
        List<Generation> pieces = new ArrayList<>();
        for (int i = 0; i < setups.size(); i++) {
            pieces.add(finish(request, setups.get(i), writers.get(i).ids(), seconds));
        }
        listener.finished(pieces.size() + " pieces");
        return pieces;
    }

    /** What one variation is asked: its prompt, its grammar (with the band and the bars), its seed. */
    private record Setup(Prompt prompt, GenerationControls controls, RemiGrammar grammar, int primed, long seed) {
    }

    private Setup setUp(GenerationRequest request, long seed) {
        GenerationControls asked = request.controls();
        Prompt prompt = request.primerTokens() != null ? tokens(request.primerTokens())
                : request.primer() != null ? primer(request.primer(), request.primerBars(), asked)
                : freshStart(asked, request.sampling(), seed);
        GenerationControls controls = request.hasPrimer() ? withPrimerBand(asked, prompt) : asked;
        RemiGrammar grammar = new RemiGrammar(remi.remiVocabulary(), quantization, controls);
        for (int id : prompt.baseIds()) {
            grammar.accept(id);
        }
        Set<InstrumentClass> band = header(prompt.baseIds());
        if (controls.bandMustPlay()) {
            band.addAll(controls.classes());
        }
        grammar.requireBand(band);
        int primed = prompt.bars() < 0 ? grammar.bars() : prompt.bars();
        grammar.limitBars(primed + controls.bars() - (request.hasPrimer() ? 0 : 1));
        return new Setup(prompt, controls, grammar, primed, seed);
    }

    private Generation finish(GenerationRequest request, Setup setup, int[] all, double seconds) {
        DecodedScore decoded = model.codec().decode(all);
        Score score = request.primer() != null
                ? PrimerSplice.continuation(request.primer(), decoded.score(), setup.primed())
                : request.hasPrimer() ? decoded.score() : withExactTempo(decoded.score(), setup.controls().tempoBpm());
        return new Generation(score, all, decoded.skippedTokens(), setup.seed(), seconds);
    }

    /**
     * A continuation plays the primer's instruments, each on its own program, and each goes on playing: only those
     * unless a band was asked for, which joins them (an oboe does not join a piano prelude uninvited, nor a
     * harpsichord its piano).
     */
    private GenerationControls withPrimerBand(GenerationControls asked, Prompt prompt) {
        Set<InstrumentClass> primerClasses = java.util.EnumSet.noneOf(InstrumentClass.class);
        Set<Integer> programs = new java.util.HashSet<>();
        for (org.musai.midi.Track track : model.codec().decode(prompt.baseIds()).score().tracks()) {
            primerClasses.add(track.instrumentClass());
            programs.add(track.drum() ? -1 : track.program());
        }
        if (primerClasses.isEmpty()) {
            return asked; // a primer without notes: nothing to follow
        }
        if (asked.bandMustPlay()) {
            primerClasses.addAll(asked.classes());
        }
        return asked.withInstruments(primerClasses, programs).withBandMustPlay(true); // the band goes on playing
    }

    /**
     * Regenerates bars {@code firstBar..lastBar} (0-based, inclusive) of the chosen tracks of a score with an MMM
     * model and puts them into the score itself ({@link PrimerSplice}): the tracks are indices into
     * {@code score.tracks()}. The model sees one part per instrument, so tracks that play the same instrument as a
     * chosen one (a piano's other hand) are regenerated with it; {@link #regeneratedTracks} says which.
     */
    public Generation infill(Score score, Set<Integer> tracks, int firstBar, int lastBar, SamplingSettings sampling,
                             int maxTokens, CancellationToken cancel) throws GenerationException, CancelledException {
        if (mmm == null) {
            throw new GenerationException("infill needs an MMM model; this one uses "
                    + model.codec().tokenizer().config().algorithm() + " tokens (without a model the default MMM "
                    + "model regenerates bars)");
        }
        long start = System.nanoTime();
        Score quantized = new Quantizer(quantization).quantize(score);
        Set<PrimerSplice.Instrument> instruments;
        try {
            instruments = instruments(score, tracks);
        } catch (IllegalArgumentException e) {
            throw new GenerationException(e.getMessage());
        }
        Set<Integer> parts = tracksOf(quantized, instruments);
        if (parts.isEmpty()) {
            TokenizerConfig config = model.codec().tokenizer().config();
            throw new GenerationException("the chosen tracks have no notes this model can play (pitches "
                    + config.pitchLow() + "-" + config.pitchHigh() + ")");
        }
        int[] prompt;
        List<FillSlot> slots;
        try {
            prompt = mmm.infillPrompt(score, parts, firstBar, lastBar);
            slots = mmm.fillSlots(score, parts, firstBar, lastBar);
        } catch (IllegalArgumentException e) {
            throw new GenerationException(e.getMessage());
        }
        return fill(score, quantized, prompt, slots, t -> quantized.tracks().get(t).instrumentClass(), instruments,
                firstBar, lastBar, sampling, maxTokens, cancel, start);
    }

    /**
     * Writes a new part over the whole of a score with an MMM model: a track of {@code program} (or the drum kit),
     * as busy as {@code density} says (0-9, notes per bar as MMM's DENSITY tokens bin them; -1 for as busy as parts
     * of its class usually are, {@link PartDensity}), every other note, track, tempo and meter kept as they are.
     */
    public Generation addTrack(Score score, int program, boolean drum, int density, SamplingSettings sampling,
                               int maxTokens, CancellationToken cancel) throws GenerationException, CancelledException {
        if (mmm == null) {
            throw new GenerationException("adding a track needs an MMM model; this one uses "
                    + model.codec().tokenizer().config().algorithm() + " tokens (without a model the default MMM "
                    + "model writes it)");
        }
        long start = System.nanoTime();
        Score quantized = new Quantizer(quantization).quantize(score);
        if (quantized.noteCount() == 0) {
            throw new GenerationException("a track is added to music: this piece has no notes the model can read");
        }
        MmmTokenizer.NewTrack asked;
        try {
            asked = mmm.addTrackPrompt(score, program, drum, density >= 0 ? density
                    : PartDensity.typical(InstrumentClass.of(program, drum)));
        } catch (IllegalArgumentException e) {
            throw new GenerationException(e.getMessage());
        }
        int lastBar = asked.slots().size() - 1;
        return fill(score, quantized, asked.prompt(), asked.slots(), t -> InstrumentClass.of(program, drum),
                Set.of(new PrimerSplice.Instrument(drum ? 0 : program, drum)), 0, lastBar, sampling, maxTokens, cancel,
                start);
    }

    /**
     * Draws the fills of a bar-infill prompt, one per slot, each kept to its bar and its instrument class, and puts
     * them into the score where the instruments' notes in bars {@code firstBar..lastBar} were.
     */
    private Generation fill(Score score, Score quantized, int[] prompt, List<FillSlot> slots,
                            java.util.function.IntFunction<InstrumentClass> classOfTrack,
                            Set<PrimerSplice.Instrument> instruments, int firstBar, int lastBar,
                            SamplingSettings sampling, int maxTokens, CancellationToken cancel, long start)
            throws CancelledException {
        BarGrid grid = BarGrid.of(quantized.timeSignatures(), quantization);
        int[] lengths = slots.stream().mapToInt(slot -> grid.barLength(slot.bar())).toArray();
        ClassLimits.Limit[] limits = slots.stream().map(slot -> ClassLimits.DEFAULTS.of(classOfTrack.apply(
                slot.track()))).toArray(ClassLimits.Limit[]::new);
        MmmFillGrammar grammar = new MmmFillGrammar(mmm.tokenIds(), lengths, limits);
        for (int id : prompt) {
            grammar.accept(id);
        }
        int[] all = continueWith(grammar, prompt, sampling, sampling.seed(), maxTokens, cancel);
        DecodedScore decoded = model.codec().decode(all);
        Score spliced = PrimerSplice.infill(score, decoded.score(), instruments, firstBar, lastBar);
        return new Generation(spliced, all, decoded.skippedTokens(), sampling.seed(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The tracks of a score that {@link #infill} regenerates when these are chosen: those of their instruments. */
    public static Set<Integer> regeneratedTracks(Score score, Set<Integer> chosen) {
        return tracksOf(score, instruments(score, chosen));
    }

    /** The indices of a score's tracks that play one of these instruments. */
    private static Set<Integer> tracksOf(Score score, Set<PrimerSplice.Instrument> instruments) {
        Set<Integer> found = new java.util.TreeSet<>();
        for (int i = 0; i < score.tracks().size(); i++) {
            if (instruments.contains(PrimerSplice.Instrument.of(score.tracks().get(i)))) {
                found.add(i);
            }
        }
        return found;
    }

    private static Set<PrimerSplice.Instrument> instruments(Score score, Set<Integer> tracks) {
        Set<PrimerSplice.Instrument> instruments = new java.util.HashSet<>();
        for (int t : tracks) {
            if (t < 0 || t >= score.tracks().size()) {
                throw new IllegalArgumentException("track " + (t + 1) + " does not exist: the piece has "
                        + score.tracks().size() + " tracks");
            }
            instruments.add(PrimerSplice.Instrument.of(score.tracks().get(t)));
        }
        return instruments;
    }

    /**
     * Adds to the end token's logit the probability of every token whose expansion starts with {@code alias} (with
     * BPE, merged tokens such as Bar+Position carry most of a new bar's probability): log(e^end + sum e^alias_i).
     */
    static void foldIntoEnd(float[] logits, int[] aliases) {
        if (aliases.length == 0) {
            return;
        }
        float high = logits[SpecialTokens.EOS];
        for (int id : aliases) {
            high = Math.max(high, logits[id]);
        }
        double sum = Math.exp(logits[SpecialTokens.EOS] - high);
        for (int id : aliases) {
            sum += Math.exp(logits[id] - high);
        }
        logits[SpecialTokens.EOS] = high + (float) Math.log(sum);
    }

    /** The ids (base or merged) whose expansion starts with this base id; none for -1. */
    private int[] startingWith(int baseId) {
        if (baseId < 0) {
            return new int[0];
        }
        return startingWith.computeIfAbsent(baseId, base -> java.util.stream.IntStream
                .range(0, model.codec().vocabSize()).filter(id -> mask.expand(id)[0] == base).toArray());
    }

    /** How often a bar that locks into a loop is written again before it is let be. */
    static final int REWRITES_PER_BAR = 4;

    /**
     * Where a bar began: the model's state, the grammar's and the tokens so far, to write the bar again when it would
     * repeat the one before too often.
     */
    private record BarStart(int bar, RnnState state, Grammar grammar, int ids, float[] logits) {
    }

    /** Reads the prompt, then draws tokens the grammar allows until it is finished; returns every id. */
    private int[] continueWith(Grammar grammar, int[] promptBaseIds, SamplingSettings sampling, long seed, int maxTokens,
                               CancellationToken cancel) throws CancelledException {
        PieceWriter writer = new PieceWriter(grammar, promptBaseIds, sampling, seed, maxTokens);
        writeAll(List.of(writer), done -> { }, BarsWritten.NONE, cancel);
        return writer.ids();
    }

    /**
     * Writes every piece to its end in lockstep: each draws its next token, then the model reads all of them in one
     * pass ({@link RwkvRnn#stepAll}), so its weights are read once per step for all pieces. Each piece's tokens are
     * those it would get written alone: its logits are the same to the bit and its random stream its own.
     */
    private void writeAll(List<PieceWriter> writers, java.util.function.IntConsumer finished, BarsWritten barsWritten,
                          CancellationToken cancel) throws CancelledException {
        RwkvRnn rnn = model.rnn();
        int done = 0;
        while (true) {
            cancel.throwIfCancelled();
            List<PieceWriter> reading = new ArrayList<>(writers.size());
            int[] tokens = new int[writers.size()];
            boolean writing = false;
            for (int piece = 0; piece < writers.size(); piece++) {
                PieceWriter writer = writers.get(piece);
                if (writer.finished()) {
                    continue;
                }
                writing = true;
                int id = writer.draw();
                if (writer.takeNewBar() && barsWritten != BarsWritten.NONE) {
                    barsWritten.reached(piece, writer.barsFinal());
                }
                if (id >= 0) {
                    tokens[reading.size()] = id;
                    reading.add(writer);
                } else if (writer.finished()) {
                    finished.accept(++done);
                }
            }
            if (!writing) {
                return;
            }
            if (!reading.isEmpty()) {
                RnnState[] states = reading.stream().map(PieceWriter::state).toArray(RnnState[]::new);
                float[][] logits = rnn.stepAll(states, Arrays.copyOf(tokens, reading.size()));
                for (int i = 0; i < reading.size(); i++) {
                    reading.get(i).read(logits[i]);
                }
            }
        }
    }

    /** Hears that a piece's bars before {@code bars} are final (it has begun bar {@code bars}, or ended). */
    @FunctionalInterface
    private interface BarsWritten {
        BarsWritten NONE = (piece, bars) -> { };

        void reached(int piece, int bars);
    }

    /**
     * One piece being written: its grammar, the model's state, its tokens and random stream, and where its bar began
     * (to write the bar again after a loop lock). Each {@link #draw} makes one decision.
     */
    private final class PieceWriter {
        private final SamplingSettings sampling;
        private final int maxTokens;
        private final SplittableRandom random;
        private final boolean[] allowed;
        private Grammar grammar;
        private RnnState state;
        private final IntList ids;
        private float[] logits;
        private int[] history;
        private int generated;
        private BarStart barStart;
        private int rewrites;
        /** Whether the last draw began a bar or ended the piece: the bars before it are final. */
        private boolean newBar;

        PieceWriter(Grammar grammar, int[] promptBaseIds, SamplingSettings sampling, long seed, int maxTokens) {
            this(grammar, sampling, seed, maxTokens, model.rnn().newState(), new IntList(4096), null);
            for (int id : model.codec().applyBpe(promptBaseIds)) {
                ids.add(id);
                logits = model.rnn().step(state, id);
            }
            history = Arrays.copyOf(ids.toArray(), maxTokens + ids.size() + 1024);
        }

        private PieceWriter(Grammar grammar, SamplingSettings sampling, long seed, int maxTokens, RnnState state,
                            IntList ids, float[] logits) {
            this.grammar = grammar;
            this.sampling = sampling;
            this.maxTokens = maxTokens;
            this.random = new SplittableRandom(seed);
            this.allowed = new boolean[model.codec().vocabSize()];
            this.state = state;
            this.ids = ids;
            this.logits = logits;
            this.history = Arrays.copyOf(ids.toArray(), maxTokens + ids.size() + 1024);
        }

        /** Another piece from the same prompt, read already: a copy of this one's state before it drew anything. */
        PieceWriter branch(Grammar otherGrammar, long seed) {
            IntList copied = new IntList(4096);
            for (int id : ids.toArray()) {
                copied.add(id);
            }
            return new PieceWriter(otherGrammar, sampling, seed, maxTokens, state.copy(), copied, logits.clone());
        }

        boolean finished() {
            return grammar.finished();
        }

        RnnState state() {
            return state;
        }

        int[] ids() {
            return ids.toArray();
        }

        void read(float[] next) {
            logits = next;
        }

        /**
         * Draws the next token the grammar allows and takes it; returns it when the model must read it, -1 when
         * there is nothing to read: the piece has ended, or its bar went back to its start (a loop had locked).
         */
        int draw() {
            if (generated >= maxTokens) {
                grammar.close();
            }
            if (grammar.barIndex() >= 0 && (barStart == null || barStart.bar() != grammar.barIndex())) {
                barStart = new BarStart(grammar.barIndex(), state.copy(), grammar.copy(), ids.size(), logits.clone());
                rewrites = 0;
                newBar = barStart.bar() > 0;
            }
            mask.allowed(grammar, allowed);
            foldIntoEnd(logits, startingWith(grammar.endAlias()));
            // a bar written again after a loop lock is drawn more loosely each time
            SamplingSettings barSampling = rewrites == 0 ? sampling : sampling.loosened(rewrites);
            int id = Sampler.sample(logits, allowed, penalized, history, ids.size(), barSampling, random);
            if (rewrites < REWRITES_PER_BAR && grammar.closingRepeatsTooOften(mask.expand(id)[0])) {
                // a loop has locked: the bar goes back to its start and is drawn again (the random stream goes on)
                state = barStart.state().copy();
                grammar = barStart.grammar().copy();
                ids.truncate(barStart.ids());
                logits = barStart.logits().clone();
                rewrites++;
                return -1;
            }
            for (int base : mask.expand(id)) {
                grammar.accept(base);
            }
            if (ids.size() < history.length) {
                history[ids.size()] = id;
            }
            ids.add(id);
            generated++;
            newBar |= grammar.finished();
            return grammar.finished() ? -1 : id;
        }

        /** Whether bars became final since the last call. */
        boolean takeNewBar() {
            boolean taken = newBar;
            newBar = false;
            return taken;
        }

        /** Bars that no rewrite can change: all of them once the piece has ended, else those before the current. */
        int barsFinal() {
            return grammar.finished() ? grammar.barIndex() + 1 : grammar.barIndex();
        }
    }

    private record Prompt(int[] baseIds, int bars) {
    }

    /**
     * BOS, the band (with a class header: the classes asked for, or those the model chooses among them), the first
     * bar with its meter, and the tempo at its first position.
     */
    private Prompt freshStart(GenerationControls controls, SamplingSettings sampling, long seed) {
        RemiVocabulary v = remi.remiVocabulary();
        int meter = quantization.meterIndex(controls.meter());
        if (meter < 0) {
            meter = quantization.meterIndex(TimeSignature.COMMON_TIME);
        }
        IntList prompt = new IntList(32);
        prompt.add(SpecialTokens.BOS);
        if (v.hasClassHeader()) {
            for (InstrumentClass c : controls.bandMustPlay() ? controls.classes() : chooseBand(controls, sampling,
                    seed)) {
                prompt.add(v.instrumentClass(c));
            }
        }
        for (int id : new int[]{v.bar(), v.timeSignature(meter), v.position(0),
                v.tempo(quantization.nearestTempoIndex(controls.tempoBpm()))}) {
            prompt.add(id);
        }
        return new Prompt(prompt.toArray(), 1);
    }

    /**
     * The model's own choice of band among the classes that may play: it draws the header, class after class in
     * ascending order, until it draws the first bar.
     */
    private Set<InstrumentClass> chooseBand(GenerationControls controls, SamplingSettings sampling, long seed) {
        RemiVocabulary v = remi.remiVocabulary();
        RwkvRnn rnn = model.rnn();
        RnnState state = rnn.newState();
        float[] logits = rnn.step(state, SpecialTokens.BOS);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        boolean[] allowed = new boolean[model.codec().vocabSize()];
        Set<InstrumentClass> band = java.util.EnumSet.noneOf(InstrumentClass.class);
        int last = -1;
        while (true) {
            Arrays.fill(allowed, false);
            for (InstrumentClass c : controls.classes()) {
                allowed[v.instrumentClass(c)] = c.number() > last;
            }
            allowed[v.bar()] = !band.isEmpty();
            int id = Sampler.sample(logits, allowed, new boolean[allowed.length], new int[0], 0, sampling, random);
            if (id == v.bar()) {
                return band;
            }
            InstrumentClass chosen = InstrumentClass.ofNumber(v.value(id));
            band.add(chosen);
            last = chosen.number();
            logits = rnn.step(state, id);
        }
    }

    /** The classes a prompt's header names (none for a model without one). */
    private Set<InstrumentClass> header(int[] baseIds) {
        RemiVocabulary v = remi.remiVocabulary();
        Set<InstrumentClass> classes = java.util.EnumSet.noneOf(InstrumentClass.class);
        for (int i = 1; i < baseIds.length && v.kind(baseIds[i]) == RemiVocabulary.Kind.CLASS; i++) {
            classes.add(InstrumentClass.ofNumber(v.value(baseIds[i])));
        }
        return classes;
    }

    /**
     * The first bars of a score, encoded up to the Bar that opens the next one, and how many bars they span; with a class header and a
     * band asked for, the header names the primer's classes and the band's.
     */
    private Prompt primer(Score primer, int bars, GenerationControls controls) {
        Score quantized = new Quantizer(quantization).quantize(primer);
        BarGrid grid = BarGrid.of(quantized.timeSignatures(), quantization);
        int tpp = quantization.ticksPerPosition();
        int lastBar = quantized.endTick() == 0 ? 0 : grid.barAt((quantized.endTick() - 1) / tpp);
        int kept = bars > 0 ? Math.min(bars, lastBar + 1) : lastBar + 1;
        int[] ids = remi.encode(quantized.before(grid.barStart(kept) * tpp));
        RemiVocabulary v = remi.remiVocabulary();
        ids[ids.length - 1] = v.bar(); // EOS becomes the next bar: the primer's bars are closed, the model goes on
        if (v.hasClassHeader() && controls.bandMustPlay()) {
            Set<InstrumentClass> band = header(ids);
            int headerEnd = 1 + band.size();
            band.addAll(controls.classes());
            IntList withBand = new IntList(ids.length + band.size());
            withBand.add(SpecialTokens.BOS);
            for (InstrumentClass c : band) {
                withBand.add(v.instrumentClass(c));
            }
            for (int i = headerEnd; i < ids.length; i++) {
                withBand.add(ids[i]);
            }
            ids = withBand.toArray();
        }
        return new Prompt(ids, kept);
    }

    /** Base ids to continue, from BOS on and without their end; the grammar counts their bars (-1 here). */
    private static Prompt tokens(int[] ids) {
        int length = ids.length;
        while (length > 0 && ids[length - 1] == SpecialTokens.EOS) {
            length--;
        }
        boolean hasStart = length > 0 && ids[0] == SpecialTokens.BOS;
        int[] prompt = new int[length + (hasStart ? 0 : 1)];
        prompt[0] = SpecialTokens.BOS;
        System.arraycopy(ids, hasStart ? 1 : 0, prompt, 1, length - (hasStart ? 1 : 0));
        return new Prompt(prompt, -1);
    }

    /** Tokens hold 24 tempo levels; the file gets the tempo the musician asked for. */
    private static Score withExactTempo(Score score, double bpm) {
        return new Score(score.ticksPerQuarter(), score.tracks(), List.of(TempoChange.ofBpm(0, bpm)),
                score.timeSignatures());
    }
}
