package org.musai.token.mmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.musai.midi.Score;
import org.musai.token.DecodedScore;
import org.musai.token.Encoding;
import org.musai.token.Quantization;
import org.musai.token.QuantizedScore;
import org.musai.token.Quantizer;
import org.musai.token.Tokenizer;
import org.musai.token.TokenizerConfig;
import org.musai.token.Vocabulary;

/**
 * The MMM tokenization (Ens &amp; Pasquier, 2020): one sequence of bars per track, tracks one after another, in a
 * plain form and in a bar-infill form for regenerating chosen bars. Immutable and thread-safe.
 *
 * <p>Plain form: {@code BOS PIECE_START TEMPO_x}, then per canonical track {@code TRACK_START INST_x DENSITY_d},
 * every bar as {@code BAR_START [TIME_SIG_n/d] <events> BAR_END}, and {@code TRACK_END}; then {@code EOS}. Every
 * track has the same bars: as many as reach the end of the piece's last note. A bar's events are time shifts from
 * the bar's start, velocities and note-ons and note-offs; each bar states its own first velocity, so it can be
 * regenerated alone. A note that crosses a bar line is released in a later bar.
 *
 * <p>MMM has no tempo map: the document keeps only the first tempo, and later tempo changes are lost. Time
 * signatures are kept, at bar lines.
 *
 * <p>Infill form: the events of the selected bars become {@code FILL_PLACEHOLDER}, and after the last track come,
 * in the same order, {@code FILL_START <events> FILL_END}. Decoding reads either form, and never throws.
 */
public final class MmmTokenizer implements Tokenizer {

    private final TokenizerConfig config;
    private final Quantization quantization;
    private final Quantizer quantizer;
    private final MmmTokenIds ids;
    private final MmmEncoder encoder;

    public MmmTokenizer(TokenizerConfig config) {
        this.config = config;
        this.quantization = new Quantization(config);
        this.quantizer = new Quantizer(quantization);
        this.ids = new MmmTokenIds(quantization);
        this.encoder = new MmmEncoder(ids, quantization);
    }

    @Override
    public TokenizerConfig config() {
        return config;
    }

    @Override
    public Vocabulary vocabulary() {
        return ids.vocabulary();
    }

    /** The ids of every token and the kind and value of every id, for a generator that follows the grammar. */
    public MmmTokenIds tokenIds() {
        return ids;
    }

    /** The value tables this tokenizer quantizes to. */
    public Quantization quantization() {
        return quantization;
    }

    /** The plain form of a score. */
    @Override
    public Encoding encodeWithLoss(Score score) {
        QuantizedScore quantized = quantizer.quantizePacked(score);
        return new Encoding(encoder.encode(quantized).tokens(), quantized.loss());
    }

    /** The number of bars every track of a score's document has. */
    public int barCount(Score score) {
        return document(score).barCount();
    }

    /**
     * The bar-infill form: bars {@code firstBar..lastBar} of the selected tracks left as placeholders, their events
     * after the tracks.
     *
     * @param trackIndices indices into the canonical track order of the quantized score
     * @param firstBar     first bar to leave out, from 0
     * @param lastBar      last bar to leave out, inclusive
     * @throws IllegalArgumentException when a track or bar does not exist, or the bar range is reversed
     */
    public int[] encodeInfill(Score score, Set<Integer> trackIndices, int firstBar, int lastBar) {
        MmmDocument document = document(score);
        return document.infill(checkedTracks(document, trackIndices, firstBar, lastBar), firstBar, lastBar, ids, false);
    }

    /**
     * What a generator continues: the bar-infill form up to and including its first {@code FILL_START}. Same
     * arguments and exceptions as {@link #encodeInfill}.
     */
    public int[] infillPrompt(Score score, Set<Integer> trackIndices, int firstBar, int lastBar) {
        MmmDocument document = document(score);
        return document.infill(checkedTracks(document, trackIndices, firstBar, lastBar), firstBar, lastBar, ids, true);
    }

    /**
     * The bars that the bar-infill form leaves to fill, in the order of its placeholders and fills. Same arguments
     * and exceptions as {@link #encodeInfill}.
     */
    public List<FillSlot> fillSlots(Score score, Set<Integer> trackIndices, int firstBar, int lastBar) {
        int[] tracks = checkedTracks(document(score), trackIndices, firstBar, lastBar);
        List<FillSlot> slots = new ArrayList<>(tracks.length * (lastBar - firstBar + 1));
        for (int track : tracks) {
            for (int bar = firstBar; bar <= lastBar; bar++) {
                slots.add(new FillSlot(track, bar));
            }
        }
        return slots;
    }

    /** The shortest stretch of bars a training example is cut to (unless the piece is shorter). */
    static final int MIN_EXAMPLE_BARS = 4;
    /** The most bars one training example regenerates in a stretch, as a musician selects them. */
    static final int MAX_FILL_BARS = 8;
    /** Share of training examples that rewrite one track over all their bars: the way a new part is asked for. */
    static final double WHOLE_TRACK_SHARE = 0.3;
    /** Share of training examples that rewrite bars of every track at once. */
    static final double ALL_TRACKS_SHARE = 0.1;

    /**
     * A bar-infill training example cut from a plain document (base ids, as {@link #encode} writes them): a random
     * stretch of {@link #MIN_EXAMPLE_BARS} to {@code maxBars} bars, made a document of its own, with either one track
     * left to fill over all its bars, or a random run of at most {@link #MAX_FILL_BARS} bars of one track or of all.
     * MMM learns infill from such examples (Ens &amp; Pasquier, 2020): a model that never saw a FILL_START writes
     * fills that ignore the music around them. Null when the tokens are not a plain document with notes.
     */
    public int[] trainingExample(int[] plainBaseIds, int maxBars, java.util.random.RandomGenerator random) {
        MmmDocument document = MmmDocument.parse(plainBaseIds, ids);
        if (document == null || document.barCount() == 0 || maxBars < 1) {
            return null;
        }
        int most = Math.min(document.barCount(), maxBars);
        int least = Math.min(most, MIN_EXAMPLE_BARS);
        int count = least + random.nextInt(most - least + 1);
        MmmDocument segment = document.segment(random.nextInt(document.barCount() - count + 1), count, ids);
        if (segment.trackCount() == 0) {
            return null;
        }
        int[] one = {random.nextInt(segment.trackCount())};
        double kind = random.nextDouble();
        if (kind < WHOLE_TRACK_SHARE) {
            return segment.infill(one, 0, count - 1, ids, false);
        }
        int length = 1 + random.nextInt(Math.min(MAX_FILL_BARS, count));
        int first = random.nextInt(count - length + 1);
        int[] tracks = kind < WHOLE_TRACK_SHARE + ALL_TRACKS_SHARE
                ? java.util.stream.IntStream.range(0, segment.trackCount()).toArray() : one;
        return segment.infill(tracks, first, first + length - 1, ids, false);
    }

    /**
     * What a generator continues to write a new part over a whole score: the document with one more track, of the
     * given instrument and density level, every bar of it left to fill, up to its first FILL_START; and its slots.
     *
     * @throws IllegalArgumentException when the score has no notes to add to, already has a part of that instrument
     *                                  (MMM keeps one part per instrument), or the density is not 0-9
     */
    public NewTrack addTrackPrompt(Score score, int program, boolean drum, int density) {
        if (density < 0 || density >= MmmTokenIds.DENSITY_LEVELS) {
            throw new IllegalArgumentException("density must be 0-" + (MmmTokenIds.DENSITY_LEVELS - 1) + ", not "
                    + density);
        }
        MmmDocument document = document(score);
        int instrument = ids.instrumentId(drum ? 0 : program, drum);
        int index = 0;
        for (int t = 0; t < document.trackCount(); t++) {
            int other = document.instrumentId(t, ids);
            if (other == instrument) {
                throw new IllegalArgumentException("the piece already has this instrument's part: regenerate that "
                        + "track instead");
            }
            index += canonicalOrder(ids.valueOf(other)) < canonicalOrder(drum ? -1 : program) ? 1 : 0;
        }
        MmmDocument withTrack = document.withEmptyTrack(index, instrument, ids.densityId(density), ids);
        int last = withTrack.barCount() - 1;
        List<FillSlot> slots = new ArrayList<>();
        for (int bar = 0; bar <= last; bar++) {
            slots.add(new FillSlot(index, bar));
        }
        return new NewTrack(withTrack.infill(new int[]{index}, 0, last, ids, true), index, slots);
    }

    /**
     * A prompt that asks for a new part.
     *
     * @param prompt the bar-infill form up to its first FILL_START
     * @param track  the new track's index in the canonical order
     * @param slots  its bars, one fill each
     */
    public record NewTrack(int[] prompt, int track, List<FillSlot> slots) {
    }

    /** Programs ascending, drums (value -1) last: the encoder's track order. */
    private static int canonicalOrder(int instrumentValue) {
        return instrumentValue < 0 ? Integer.MAX_VALUE : instrumentValue;
    }

    /** The density level of {@code notes} notes over {@code bars} bars, 0-9, as DENSITY tokens say it. */
    public static int densityLevel(int notes, int bars) {
        return NoteDensity.level(notes, Math.max(1, bars));
    }

    /**
     * The score of a plain or bar-infill sequence, up to its first EOS. Each fill goes where the placeholder of
     * the same rank stands; a placeholder without fill leaves its bar empty, and a fill without placeholder is
     * skipped. A note still sounding when its track ends lasts to the end of the track's last bar.
     */
    @Override
    public DecodedScore decode(int[] tokens) {
        return new MmmDecoder(ids, quantization, tokens).decode();
    }

    /** Counts NOTE_ON tokens: each starts one note. */
    @Override
    public int noteCount(int[] tokens) {
        int notes = 0;
        for (int id : tokens) {
            if (ids.kindOf(id) == MmmTokenKind.NOTE_ON) {
                notes++;
            }
        }
        return notes;
    }

    /** BAR_START, TRACK_START and FILL_START start words: BPE merges do not cross them. */
    @Override
    public boolean startsWord(int id) {
        return id == ids.barStart() || id == ids.trackStart() || id == ids.fillStart();
    }

    private MmmDocument document(Score score) {
        return encoder.encode(quantizer.quantizePacked(score));
    }

    private static int[] checkedTracks(MmmDocument document, Set<Integer> trackIndices, int firstBar, int lastBar) {
        if (trackIndices.isEmpty()) {
            throw new IllegalArgumentException("select at least one track to fill");
        }
        int trackCount = document.trackCount();
        int[] tracks = new int[trackIndices.size()];
        int i = 0;
        for (Integer track : trackIndices) {
            if (track == null || track < 0 || track >= trackCount) {
                throw new IllegalArgumentException("no track " + track + ": the score has " + trackCount
                        + (trackCount == 0 ? " tracks" : " tracks, 0-" + (trackCount - 1)));
            }
            tracks[i++] = track;
        }
        Arrays.sort(tracks);
        int bars = document.barCount();
        if (firstBar > lastBar) {
            throw new IllegalArgumentException("bar range " + firstBar + "-" + lastBar + " is reversed");
        }
        if (firstBar < 0 || lastBar >= bars) {
            throw new IllegalArgumentException("bars " + firstBar + "-" + lastBar + " are outside the score's "
                    + (bars == 0 ? "0 bars" : "bars 0-" + (bars - 1)));
        }
        return tracks;
    }
}
