package org.musai.studio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.musai.studio.common.WorkspaceFolder;

/**
 * What the studio remembers between sessions: last folders, the soundfont, the MIDI port, the window's place and the
 * open workspace. Stored with java.util.prefs (the user's preference store, never a file of ours that could run code).
 */
public final class StudioPreferences {

    /** Keys of remembered folders and files. */
    public enum Place { MIDI_FOLDER, DATASET_FOLDER, RUN_FOLDER, MODEL_FOLDER, EXPORT_FOLDER, SOUNDFONT }

    private static final String WINDOW_X = "window.x";
    private static final String WINDOW_Y = "window.y";
    private static final String WINDOW_WIDTH = "window.width";
    private static final String WINDOW_HEIGHT = "window.height";
    private static final String WINDOW_MAXIMIZED = "window.maximized";
    private static final String WORKSPACE = "workspace";
    private static final String PORT = "midi.port";

    private final Preferences node;

    public StudioPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's preferences of the studio. */
    public static StudioPreferences user() {
        return new StudioPreferences(Preferences.userRoot().node("org/musai/studio"));
    }

    /** A remembered path, if it still exists. */
    public Optional<Path> path(Place place) {
        String value = node.get(place.name(), null);
        if (value == null) {
            return Optional.empty();
        }
        Path path = Path.of(value);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** Remembers a path; null forgets it. */
    public void setPath(Place place, Path path) {
        if (path == null) {
            node.remove(place.name());
        } else {
            node.put(place.name(), path.toAbsolutePath().toString());
        }
    }

    private static final String WORKSPACE_FOLDER = "WORKSPACE_FOLDER";

    /** The folder the studio's suggested outputs go under: ~/MusAI unless set. */
    public WorkspaceFolder workspaceFolder() {
        String value = node.get(WORKSPACE_FOLDER, null);
        return value == null ? WorkspaceFolder.standard() : new WorkspaceFolder(Path.of(value));
    }

    public void setWorkspaceFolder(Path folder) {
        node.put(WORKSPACE_FOLDER, folder.toAbsolutePath().toString());
    }

    private static final String INSTRUMENT_PRESETS = "INSTRUMENT_PRESETS";

    /** The user's instrument presets, as the Generate page encodes them; empty when none. */
    public String instrumentPresets() {
        return node.get(INSTRUMENT_PRESETS, "");
    }

    public void setInstrumentPresets(String encoded) {
        node.put(INSTRUMENT_PRESETS, encoded);
    }

    /** The folder to open a chooser in for this place: the remembered one or its parent, else none. */
    public Optional<Path> folderFor(Place place) {
        return path(place).map(p -> Files.isDirectory(p) ? p : p.getParent());
    }

    public Optional<String> port() {
        return Optional.ofNullable(node.get(PORT, null));
    }

    public void setPort(String port) {
        if (port == null) {
            node.remove(PORT);
        } else {
            node.put(PORT, port);
        }
    }

    /**
     * The window's bounds.
     *
     * @param x         left edge
     * @param y         top edge
     * @param width     width
     * @param height    height
     * @param maximized whether it was maximized
     */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public Optional<WindowBounds> window() {
        double width = node.getDouble(WINDOW_WIDTH, -1);
        if (width <= 0) {
            return Optional.empty();
        }
        return Optional.of(new WindowBounds(node.getDouble(WINDOW_X, 0), node.getDouble(WINDOW_Y, 0), width,
                node.getDouble(WINDOW_HEIGHT, -1), node.getBoolean(WINDOW_MAXIMIZED, false)));
    }

    public void setWindow(WindowBounds bounds) {
        node.putDouble(WINDOW_X, bounds.x());
        node.putDouble(WINDOW_Y, bounds.y());
        node.putDouble(WINDOW_WIDTH, bounds.width());
        node.putDouble(WINDOW_HEIGHT, bounds.height());
        node.putBoolean(WINDOW_MAXIMIZED, bounds.maximized());
    }

    public int workspace() {
        return node.getInt(WORKSPACE, 0);
    }

    public void setWorkspace(int index) {
        node.putInt(WORKSPACE, index);
    }

    /** Writes the preferences out now (they are also written when the JVM exits). */
    public void flush() throws BackingStoreException {
        node.flush();
    }
}
