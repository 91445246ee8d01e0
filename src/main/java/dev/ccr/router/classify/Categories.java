package dev.ccr.router.classify;

/** The category names the classifier chooses; each is served by a route {@code direct:category-<name>}. */
public final class Categories {
    /** A pinned provider and model: provider,model syntax, model map or subagent tag. */
    public static final String EXPLICIT = "explicit";
    public static final String SUBAGENT = "subagent";
    public static final String IMAGE = "image";
    public static final String LONG_CONTEXT = "longcontext";
    public static final String SEARCH = "search";
    public static final String THINKING = "thinking";
    public static final String BACKGROUND = "background";
    public static final String DEFAULT = "default";

    /** Every category a request can be sent to. */
    public static final java.util.List<String> ALL = java.util.List.of(EXPLICIT, SUBAGENT, IMAGE, LONG_CONTEXT, SEARCH,
            THINKING, BACKGROUND, DEFAULT);

    private Categories() {
    }
}
