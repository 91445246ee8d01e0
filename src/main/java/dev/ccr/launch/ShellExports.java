package dev.ccr.launch;

import java.util.Map;

/**
 * {@code env}: the lines that point a shell's Claude Code at the router, for {@code eval "$(… env)"}. The router key
 * is printed because the user asked for exactly that; nothing else prints it.
 */
final class ShellExports {
    private ShellExports() {
    }

    static String render(Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        environment.forEach((name, value) -> out.append(value == null ? "unset " + name
                : "export " + name + "=" + quoted(value)).append('\n'));
        return out.toString();
    }

    /** POSIX single quotes: nothing inside is expanded by the shell. */
    static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
