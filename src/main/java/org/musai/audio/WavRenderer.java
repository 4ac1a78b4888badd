package org.musai.audio;

import com.sun.media.sound.AudioSynthesizer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.musai.io.AtomicFiles;
import org.musai.io.PartialFiles;
import org.musai.midi.Score;
import org.musai.progress.CancellationToken;
import org.musai.progress.CancelledException;

/**
 * Renders a score to a WAV file with Java's own synthesizer (Gervill), offline: no audio device is needed, and a
 * minute of music takes about two seconds. Uses the built-in soundbank or any SF2 file. A piece longer than the
 * limit is refused before anything is written (a valid 45-byte file can last years: one huge delta time). Stateless.
 */
public final class WavRenderer {

    /** The default limit: an hour of CD-quality stereo is about 635 MB. */
    public static final Duration DEFAULT_MAX_LENGTH = Duration.ofMinutes(60);

    /** CD quality. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Sound after the last note-off, so that releases and reverb are not cut. */
    static final long TAIL_MICROS = 2_000_000L;

    private final Duration maxLength;

    public WavRenderer() {
        this(DEFAULT_MAX_LENGTH);
    }

    /** @param maxLength the longest piece to render, tail included */
    public WavRenderer(Duration maxLength) {
        this.maxLength = maxLength;
    }

    /**
     * Writes the WAV atomically; a damaged soundfont, a full disk or a cancellation leaves no half file, and a
     * temporary file left by a killed earlier run is removed first.
     */
    public void render(Score score, Path soundfont, Path wav, CancellationToken cancel)
            throws AudioException, IOException, CancelledException {
        List<TimedEvents.Timed> events = TimedEvents.of(score);
        long end = events.isEmpty() ? 0 : events.get(events.size() - 1).micros();
        long lengthMicros = end + TAIL_MICROS;
        if (lengthMicros > maxLength.toNanos() / 1000) {
            throw new AudioException(String.format(Locale.ROOT, "the piece lasts %s, longer than the %s limit for "
                    + "rendering to WAV", clock(lengthMicros), clock(maxLength.toNanos() / 1000)));
        }
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new AudioException("Java's synthesizer is not available: " + e.getMessage(), e);
        }
        if (!(synthesizer instanceof AudioSynthesizer audio)) {
            throw new AudioException("the default synthesizer cannot render offline (not Gervill)");
        }
        PartialFiles.removeStale(wav);
        Path temp = PartialFiles.newFile(wav);
        try {
            AudioInputStream stream = audio.openStream(FORMAT, null);
            try {
                if (soundfont != null) {
                    loadSoundfont(audio, soundfont);
                }
                Receiver receiver = audio.getReceiver();
                for (TimedEvents.Timed event : events) {
                    receiver.send(event.message(), event.micros());
                }
                long frames = (long) (lengthMicros / 1e6 * FORMAT.getFrameRate());
                AudioSystem.write(new AudioInputStream(new Cancellable(stream, cancel), FORMAT, frames),
                        AudioFileFormat.Type.WAVE, temp.toFile());
            } catch (InterruptedIOException e) {
                cancel.throwIfCancelled();
                throw e;
            } finally {
                audio.close();
            }
            AtomicFiles.shareable(temp);
            AtomicFiles.moveIntoPlace(temp, wav.toAbsolutePath());
        } catch (MidiUnavailableException e) {
            throw new AudioException("cannot start the synthesizer: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String clock(long micros) {
        long seconds = micros / 1_000_000;
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d h", seconds / 3600, seconds / 60 % 60,
                seconds % 60) : String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
    }

    /** The synthesizer's output, ending with an {@link InterruptedIOException} once the job is cancelled. */
    private static final class Cancellable extends FilterInputStream {
        private final CancellationToken cancel;

        Cancellable(InputStream in, CancellationToken cancel) {
            super(in);
            this.cancel = cancel;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            return super.read(buffer, offset, length);
        }

        private void check() throws InterruptedIOException {
            if (cancel.isCancelled()) {
                throw new InterruptedIOException("cancelled");
            }
        }
    }

    static void loadSoundfont(Synthesizer synthesizer, Path soundfont) throws AudioException {
        Soundbank bank;
        try {
            bank = MidiSystem.getSoundbank(soundfont.toFile());
        } catch (InvalidMidiDataException | IOException e) {
            throw new AudioException(soundfont + " is not a soundfont Java can read: " + e.getMessage(), e);
        }
        synthesizer.unloadAllInstruments(synthesizer.getDefaultSoundbank());
        if (!synthesizer.loadAllInstruments(bank)) {
            throw new AudioException(soundfont + ": the synthesizer refused its instruments");
        }
    }
}
