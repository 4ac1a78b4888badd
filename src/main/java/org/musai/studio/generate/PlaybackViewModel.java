package org.musai.studio.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.musai.audio.MidiPlayer;
import org.musai.audio.PlaybackMonitor;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;
import org.musai.studio.common.Background;
import org.musai.studio.common.ErrorReporter;
import org.musai.studio.common.UiBatcher;

/**
 * Playback on the generate page: the output (Java's synthesizer or a MIDI port), the soundfont, play and stop, the
 * playhead, and which tracks are silent while it plays. Properties change on the UI executor.
 */
public final class PlaybackViewModel {

    /** The synthesizer entry of the output list; every other entry is a MIDI port. */
    public static final String JAVA_SYNTHESIZER = "Java synthesizer (Gervill)";

    private final Background background;
    private final ErrorReporter errors;
    private final ObservableList<String> outputs = FXCollections.observableArrayList(JAVA_SYNTHESIZER);
    private final StringProperty output = new SimpleStringProperty(JAVA_SYNTHESIZER);
    private final ObjectProperty<Path> soundfont = new SimpleObjectProperty<>();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final DoubleProperty playheadTick = new SimpleDoubleProperty(-1);
    private CancellationToken playback = new CancellationToken();
    /** Silent tracks, read by the playing thread, which must not read JavaFX properties. */
    private volatile Set<Integer> silent = Set.of();
    /** A newer version of the piece playing while it is written, not yet taken by the playing thread. */
    private final AtomicReference<Score> newer = new AtomicReference<>();
    /** Whether the piece playing is still being written. */
    private volatile boolean moreToCome;

    public PlaybackViewModel(Background background, ErrorReporter errors) {
        this.background = background;
        this.errors = errors;
    }

    /** Lists the MIDI outputs (a DAW's virtual input among them) beside the synthesizer. */
    public void refreshOutputs() {
        background.run(() -> new MidiPlayer().outputPorts(), ports -> {
            List<String> all = new ArrayList<>(List.of(JAVA_SYNTHESIZER));
            ports.stream().filter(p -> !all.contains(p)).forEach(all::add);
            outputs.setAll(all);
        }, failure -> errors.report("Listing MIDI outputs", failure));
    }

    /** Which tracks (by index) are muted; applies at once, also while playing. */
    public void setSilent(Set<Integer> tracks) {
        silent = Set.copyOf(tracks);
    }

    /** Plays a score on the chosen output, moving the playhead; the silent tracks stay muted. */
    public void play(Score score) {
        start(score, false);
    }

    /**
     * Plays a piece still being written: the music goes on with each longer version given to {@link #grow}, and
     * waits at the end of what there is until the last.
     */
    public void playGrowing(Score soFar) {
        start(soFar, true);
    }

    /** A longer version of the piece being written; {@code last}: the finished piece. Ignored unless it plays. */
    public void grow(Score longer, boolean last) {
        if (!moreToCome) {
            return;
        }
        newer.set(longer);
        moreToCome = !last; // after the version: the playing thread reads this first
    }

    /** Goes on playing another piece from the same moment (A/B); nothing if none plays. */
    public void switchTo(Score other) {
        if (playing.get()) {
            newer.set(other);
        }
    }

    /** Whether what plays is a piece still being written. */
    public boolean playsGrowing() {
        return playing.get() && moreToCome;
    }

    private void start(Score score, boolean growing) {
        if (score == null || playing.get()) {
            return;
        }
        newer.set(null);
        moreToCome = growing;
        playback = new CancellationToken();
        CancellationToken token = playback;
        String port = JAVA_SYNTHESIZER.equals(output.get()) ? null : output.get();
        Path bank = soundfont.get();
        playing.set(true);
        UiBatcher<Long> playhead = background.batcher(0, ticks -> {
            if (playing.get()) {
                playheadTick.set(ticks.get(ticks.size() - 1));
            }
        });
        PlaybackMonitor monitor = new PlaybackMonitor() {
            @Override
            public void position(long tick) {
                playhead.offer(tick);
            }

            @Override
            public boolean muted(int track) {
                return silent.contains(track);
            }

            @Override
            public Score newer() {
                return newer.getAndSet(null);
            }

            @Override
            public boolean moreToCome() {
                return moreToCome && !token.isCancelled();
            }
        };
        background.run(() -> {
            new MidiPlayer().play(score, port, bank, token, monitor);
            return true;
        }, done -> stopped(), failure -> {
            stopped();
            errors.report("Playing", failure);
        });
    }

    public void stop() {
        playback.cancel();
    }

    private void stopped() {
        moreToCome = false;
        playing.set(false);
        playheadTick.set(-1);
    }

    public ObservableList<String> outputs() {
        return outputs;
    }

    public StringProperty outputProperty() {
        return output;
    }

    public ObjectProperty<Path> soundfontProperty() {
        return soundfont;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty playheadTickProperty() {
        return playheadTick;
    }
}
