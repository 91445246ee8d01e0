package dev.ccr.launch;

/** The one signal the launcher handles itself. */
final class Signals {
    private Signals() {
    }

    /**
     * Ctrl-C reaches every process of the terminal's foreground group: Claude Code handles it (it clears the input),
     * and the launcher must not die under it and leave Claude Code orphaned.
     */
    @SuppressWarnings("sunapi")
    static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | LinkageError e) {
            // a platform without SIGINT: nothing to ignore
        }
    }
}
