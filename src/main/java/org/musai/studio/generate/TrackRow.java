package org.musai.studio.generate;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.musai.midi.InstrumentClass;
import org.musai.midi.Track;

/** A track of the shown piece with its mute and solo switches. */
public final class TrackRow {

    private final int index;
    private final Track track;
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final BooleanProperty soloed = new SimpleBooleanProperty();

    public TrackRow(int index, Track track) {
        this.index = index;
        this.track = track;
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

    /** "Piano · 214 notes". */
    public String label() {
        return (index + 1) + " " + track.instrumentClass().displayName() + " · " + track.notes().size() + " notes";
    }

    public BooleanProperty mutedProperty() {
        return muted;
    }

    public BooleanProperty soloedProperty() {
        return soloed;
    }
}
