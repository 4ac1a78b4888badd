package org.musai.studio.generate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.musai.midi.GeneralMidi;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Track;

/** A track of the shown piece with its mute and solo switches. */
public final class TrackRow {

    private final int index;
    private final Track track;
    private final javafx.scene.paint.Color colour;
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final BooleanProperty soloed = new SimpleBooleanProperty();

    /** The {@code index}-th track of {@code tracks}, in the colour the roll draws it. */
    public TrackRow(java.util.List<Track> tracks, int index) {
        this.index = index;
        this.track = tracks.get(index);
        this.colour = org.musai.studio.pianoroll.InstrumentColors.ofTrack(tracks, index);
    }

    /** The colour of its notes in the roll. */
    public javafx.scene.paint.Color colour() {
        return colour;
    }

    public int index() {
        return index;
    }

    public Track track() {
        return track;
    }

    public InstrumentClass instrumentClass() {
        return track.instrumentClass();
    }

    /** "1 Violin · 214 notes": the General MIDI name of the track's program, so that a quartet's three string
     * tracks read Violin, Viola, Cello rather than Strings three times. */
    public String label() {
        return (index + 1) + " " + GeneralMidi.name(track.program(), track.drum()) + " · "
                + GeneralMidi.notes(track.notes().size());
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public BooleanProperty soloedProperty() {
        return soloed;
    }
}
