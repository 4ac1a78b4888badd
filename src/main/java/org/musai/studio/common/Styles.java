package org.musai.studio.common;

/** Style-class names used by the views and defined in studio.css. */
public final class Styles {

    public static final String WORKSPACE = "workspace";
    public static final String SECTION = "section";
    public static final String SECTION_TITLE = "section-title";
    public static final String DROP_ZONE = "drop-zone";
    public static final String DROP_ZONE_ACTIVE = "drop-zone-active";
    public static final String FIGURE = "figure";
    public static final String HINT = "hint";
    public static final String PRIMARY = "primary";
    public static final String DRAG_HANDLE = "drag-handle";
    /** A field whose text is not what it must be. */
    public static final String INVALID = "invalid";

    private Styles() {
    }
}
