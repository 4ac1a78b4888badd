package org.musai.studio;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/** The Help menu's pages: what each workspace is for, in a musician's words, and the keyboard shortcuts. */
final class HelpPages {

    /** The getting-started page, a workspace a paragraph. */
    static final String GETTING_STARTED = """
            MusAI Studio writes MIDI music with a model that runs on this computer. Three workspaces, left to right:

            Generate (Ctrl+3): press Generate and a piece appears in the piano roll. Tick the instruments that \
            must play (or pick a preset), set bars, tempo and meter; temperature makes it bolder, top-p and the \
            penalty keep it from wandering. Drop a MIDI file on the primer to continue your own music. Drag \
            across the bar ruler and press Regenerate selection to rewrite those bars; choose an instrument and \
            press Add track to give the piece a new part. Play listens through the built-in synthesizer (or any \
            SF2 sound font); Export saves MIDI or WAV, and the roll can be dragged straight into a DAW.

            Train (Ctrl+2): Fine-tune on a folder makes the shipped model write more like your own music in a few \
            minutes: drop a folder of MIDI files on it, watch the loss fall, then Generate with it. Or train a new \
            model on a dataset, with pause, resume and checkpoints.

            Dataset (Ctrl+1): drop a folder of MIDI files to turn it into a dataset for training: choose the \
            instruments to keep or require and the shortest length; every file that is left out is listed with \
            the reason.
            """;

    private HelpPages() {
    }

    static void gettingStarted(Window owner) {
        show(owner, "Getting started", "What each workspace does", GETTING_STARTED);
    }

    static void shortcuts(Window owner, MenuBar menus) {
        show(owner, "Keyboard shortcuts", "Every menu action and its keys", String.join("\n", shortcutLines(menus)));
    }

    /** "Menu ▸ Action: keys" for every item that has keys, read off the menus so the list cannot go stale. */
    static List<String> shortcutLines(MenuBar menus) {
        List<String> lines = new ArrayList<>();
        for (Menu menu : menus.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item.getAccelerator() != null && item.getText() != null) {
                    lines.add(menu.getText().replace("_", "") + " ▸ " + item.getText() + ": "
                            + item.getAccelerator().getDisplayText());
                }
            }
        }
        return lines;
    }

    private static void show(Window owner, String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(header);
        TextArea body = new TextArea(text);
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefSize(620, 360);
        alert.getDialogPane().setContent(body);
        alert.setResizable(true);
        alert.show();
    }
}
