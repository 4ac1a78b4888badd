package org.musai.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.TempoChange;
import org.musai.midi.TimeSignature;
import org.musai.midi.Track;
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
    private final Quantization quantization;
    private final TokenMask mask;
    private final boolean[] penalized;

    public Generator(ModelBundle model) throws GenerationException {
        this.model = model;
        if (!(model.codec().tokenizer() instanceof RemiTokenizer tokenizer)) {
            throw new GenerationException("this model uses " + model.codec().tokenizer().config().algorithm()
                    + " tokens; generation supports REMI models in this version");
        }
        this.remi = tokenizer;
        this.quantization = new Quantization(tokenizer.config());
        this.mask = new TokenMask(model.codec());
        this.penalized = new boolean[model.codec().vocabSize()];
        RemiVocabulary v = tokenizer.remiVocabulary();
        for (int id = 0; id < penalized.length; id++) {
            for (int base : mask.expand(id)) {
                RemiVocabulary.Kind kind = v.kind(base);
                // the seed penalises repeated content; structure (bars, positions, programs) repeats by nature
                penalized[id] |= kind == RemiVocabulary.Kind.PITCH || kind == RemiVocabulary.Kind.CHORD;
            }
        }
    }

    /** Writes {@code variations} pieces; variation i uses the request's seed plus i. */
    public List<Generation> generate(GenerationRequest request, ProgressListener listener, CancellationToken cancel)
            throws CancelledException {
        List<Generation> pieces = new ArrayList<>();
        listener.started("generate", request.variations());
        for (int i = 0; i < request.variations(); i++) {
            pieces.add(generateOne(request, request.sampling().seed() + i, cancel));
            listener.advanced(i + 1, request.variations(), 0);
        }
        listener.finished(pieces.size() + " pieces");
        return pieces;
    }

    private Generation generateOne(GenerationRequest request, long seed, CancellationToken cancel)
            throws CancelledException {
        long start = System.nanoTime();
        GenerationControls controls = request.controls();
        RemiGrammar grammar = new RemiGrammar(remi.remiVocabulary(), quantization, controls);
        Prompt prompt = request.primerTokens() != null ? tokens(request.primerTokens())
                : request.primer() != null ? primer(request.primer(), request.primerBars()) : freshStart(controls);
        for (int id : prompt.baseIds()) {
            grammar.accept(id);
        }
        int primed = prompt.bars() < 0 ? grammar.bars() : prompt.bars();
        grammar.limitBars(primed + controls.bars() - (request.hasPrimer() ? 0 : 1));
        TokenCodec codec = model.codec();
        RwkvRnn rnn = model.rnn();
        RnnState state = rnn.newState();
        IntList ids = new IntList(4096);
        float[] logits = null;
        for (int id : codec.applyBpe(prompt.baseIds())) {
            ids.add(id);
            logits = rnn.step(state, id);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] allowed = new boolean[codec.vocabSize()];
        int[] history = Arrays.copyOf(ids.toArray(), request.maxTokens() + ids.size() + 64);
        int generated = 0;
        while (!grammar.finished()) {
            cancel.throwIfCancelled();
            if (generated >= request.maxTokens()) {
                grammar.close();
            }
            mask.allowed(grammar, allowed);
            int id = Sampler.sample(logits, allowed, penalized, history, ids.size(), request.sampling(), random);
            for (int base : mask.expand(id)) {
                grammar.accept(base);
            }
            history[ids.size()] = id;
            ids.add(id);
            generated++;
            if (!grammar.finished()) {
                logits = rnn.step(state, id);
            }
        }
        int[] all = ids.toArray();
        DecodedScore decoded = codec.decode(all);
        Score score = request.hasPrimer() ? decoded.score() : withExactTempo(decoded.score(), controls.tempoBpm());
        return new Generation(score, all, decoded.skippedTokens(), seed, (System.nanoTime() - start) / 1e9);
    }

    private record Prompt(int[] baseIds, int bars) {
    }

    /** BOS, the first bar with its meter, and the tempo at its first position. */
    private Prompt freshStart(GenerationControls controls) {
        RemiVocabulary v = remi.remiVocabulary();
        int meter = quantization.meterIndex(controls.meter());
        if (meter < 0) {
            meter = quantization.meterIndex(TimeSignature.COMMON_TIME);
        }
        return new Prompt(new int[]{SpecialTokens.BOS, v.bar(), v.timeSignature(meter), v.position(0),
                v.tempo(quantization.nearestTempoIndex(controls.tempoBpm()))}, 1);
    }

    /** The first bars of a score, encoded without their end, and how many bars they span. */
    private Prompt primer(Score primer, int bars) {
        Score quantized = new Quantizer(quantization).quantize(primer);
        BarGrid grid = BarGrid.of(quantized.timeSignatures(), quantization);
        int tpp = quantization.ticksPerPosition();
        int lastBar = quantized.endTick() == 0 ? 0 : grid.barAt((quantized.endTick() - 1) / tpp);
        int kept = bars > 0 ? Math.min(bars, lastBar + 1) : lastBar + 1;
        int endTick = grid.barStart(kept) * tpp;
        List<Track> tracks = new ArrayList<>();
        for (Track track : quantized.tracks()) {
            List<Note> notes = track.notes().stream().filter(n -> n.tick() < endTick).toList();
            if (!notes.isEmpty()) {
                tracks.add(new Track(track.name(), track.program(), track.drum(), notes));
            }
        }
        Score cut = new Score(quantized.ticksPerQuarter(), tracks,
                quantized.tempos().stream().filter(t -> t.tick() < endTick).toList(),
                quantized.timeSignatures().stream().filter(t -> t.tick() < endTick).toList());
        int[] ids = remi.encode(cut);
        return new Prompt(Arrays.copyOf(ids, ids.length - 1), kept); // drop EOS: the model continues
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
