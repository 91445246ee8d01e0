package dev.ccr.launch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * The jar's commands besides running the router: {@code code} (Claude Code through the router, started if need be),
 * {@code env} (export lines for a shell) and {@code statusline} (Claude Code's status line).
 */
public final class Launcher {
    private static final Set<String> COMMANDS = Set.of("code", "env", "statusline");

    private Launcher() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command and returns the process exit status. */
    public static int run(String[] args) throws IOException, InterruptedException {
        Path home = RouterHome.find();
        return switch (args[0]) {
            case "code" -> ClaudeCodeLauncher.fromEnvironment(home, RouterHome.configFile(home), configured(home))
                    .run(Arrays.asList(args).subList(1, args.length));
            case "env" -> {
                System.out.print(ShellExports.render(ClaudeEnvironment.of(configured(home))));
                yield 0;
            }
            default -> {
                String stdin = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                String line = StatusLine.render(stdin, new RouterProbe(seenByClaudeCode(home), Duration.ofSeconds(2)));
                // UTF-8 whatever the locale: Claude Code reads the status line as UTF-8
                System.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                System.out.flush();
                yield 0;
            }
        };
    }

    private static RouterAddress configured(Path home) {
        return RouterAddress.fromConfig(RouterHome.configFile(home).toString());
    }

    /**
     * Claude Code runs the status line with its own environment: when it was started through the router, its
     * {@code ANTHROPIC_BASE_URL} and {@code ANTHROPIC_AUTH_TOKEN} say where the router is, and reading the
     * configuration (slower) is not needed.
     */
    private static RouterAddress seenByClaudeCode(Path home) {
        String url = System.getenv("ANTHROPIC_BASE_URL");
        String token = System.getenv("ANTHROPIC_AUTH_TOKEN");
        if (url != null && !url.isBlank() && token != null && !token.isBlank()) {
            return new RouterAddress(URI.create(url.replaceAll("/+$", "")), token);
        }
        return configured(home);
    }
}
