package org.musai.studio.generate;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.musai.midi.Note;
import org.musai.midi.Score;
import org.musai.midi.Track;
import org.musai.studio.pianoroll.InstrumentColors;

/**
 * A piece's roll in miniature, for the list of variations: every note a short line at its time and pitch, coloured
 * as the roll colours its instrument, the whole piece across the width and its pitch range down the height.
 */
final class RollThumbnail extends Canvas {

    static final double WIDTH = 64;
    static final double HEIGHT = 30;
    static final Color BACKGROUND = Color.web("#f4f5f7");
    /** A drum hit has no length worth drawing: a dot a pixel and a half wide. */
    private static final double SHORTEST = 1.5;

    RollThumbnail(Score score) {
        super(WIDTH, HEIGHT);
        setId("thumbnail");
        draw(score);
    }

    private void draw(Score score) {
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int low = 127;
        int high = 0;
        for (Track track : score.tracks()) {
            for (Note note : track.notes()) {
                low = Math.min(low, note.pitch());
                high = Math.max(high, note.pitch());
            }
        }
        if (low > high) {
            return; // no notes
        }
        double end = Math.max(1, score.endTick());
        double rows = high - low + 1;
        double rowHeight = Math.max(1, HEIGHT / rows);
        for (int t = 0; t < score.tracks().size(); t++) {
            Track track = score.tracks().get(t);
            g.setFill(InstrumentColors.ofTrack(score.tracks(), t));
            for (Note note : track.notes()) {
                double x = note.tick() / end * WIDTH;
                double w = Math.max(SHORTEST, note.duration() / end * WIDTH);
                double y = (high - note.pitch()) / rows * HEIGHT;
                g.fillRect(x, y, w, rowHeight);
            }
        }
    }
}
