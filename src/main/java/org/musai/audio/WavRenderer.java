package org.musai.audio;

import com.sun.media.sound.AudioSynthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.musai.midi.Score;

/**
 * Renders a score to a WAV file with Java's own synthesizer (Gervill), offline: no audio device is needed, and a
 * minute of music takes about two seconds. Uses the built-in soundbank or any SF2 file. Stateless.
 */
public final class WavRenderer {

    /** CD quality. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
    /** Sound after the last note-off, so that releases and reverb are not cut. */
    static final long TAIL_MICROS = 2_000_000L;

    /** Writes the WAV atomically; a damaged soundfont or a full disk leaves no half file. */
    public void render(Score score, Path soundfont, Path wav) throws AudioException, IOException {
        Synthesizer synthesizer;
        try {
            synthesizer = MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new AudioException("Java's synthesizer is not available: " + e.getMessage(), e);
        }
        if (!(synthesizer instanceof AudioSynthesizer audio)) {
            throw new AudioException("the default synthesizer cannot render offline (not Gervill)");
        }
        Path temp = Files.createTempFile(wav.toAbsolutePath().getParent(), ".render-", ".wav");
        try {
            AudioInputStream stream = audio.openStream(FORMAT, null);
            try {
                if (soundfont != null) {
                    loadSoundfont(audio, soundfont);
                }
                Receiver receiver = audio.getReceiver();
                long end = 0;
                for (TimedEvents.Timed event : TimedEvents.of(score)) {
                    receiver.send(event.message(), event.micros());
                    end = Math.max(end, event.micros());
                }
                long frames = (long) ((end + TAIL_MICROS) / 1e6 * FORMAT.getFrameRate());
                AudioSystem.write(new AudioInputStream(stream, FORMAT, frames), AudioFileFormat.Type.WAVE,
                        temp.toFile());
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
