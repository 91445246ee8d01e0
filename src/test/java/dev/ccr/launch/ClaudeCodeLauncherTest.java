package dev.ccr.launch;

import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code code} and {@code env}: Claude Code (here a script that records what it was given) runs through the router
 * with the router's URL and key and the user's arguments; a router that is not running is started first and left
 * running; the export lines survive a shell's quoting.
 */
class ClaudeCodeLauncherTest {
    static final String KEY = "router-key-'launcher'-0123";

    @TempDir
    Path dir;

    /** A stand-in for the claude executable: writes its environment and arguments to a file, exits 7. */
    Path fakeClaude(Path record) throws Exception {
        Path script = dir.resolve("claude");
        Files.writeString(script, "#!/bin/sh\n"
                + "{ echo \"url=$ANTHROPIC_BASE_URL\"; echo \"token=$ANTHROPIC_AUTH_TOKEN\";"
                + " echo \"apikey=${ANTHROPIC_API_KEY-unset}\"; for a in \"$@\"; do echo \"arg=$a\"; done; } > "
                + record + "\nexit 7\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    ClaudeCodeLauncher launcher(Path config, RouterAddress address, Path claude, ByteArrayOutputStream err) {
        return new ClaudeCodeLauncher(Path.of("").toAbsolutePath(), config, address, claude.toString(),
                dir.resolve("router.log"), Duration.ofSeconds(90), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void claudeCodeRunsThroughARunningRouterWithTheUsersArguments() throws Exception {
        Path record = dir.resolve("record.txt");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (RouterHarness router = RouterHarness.start(Map.of("ccr.api-key", KEY))) {
            RouterAddress address = new RouterAddress(URI.create("http://127.0.0.1:" + router.port()), KEY);

            int exit = launcher(dir.resolve("unused.properties"), address, fakeClaude(record), err)
                    .run(List.of("--model", "openai,gpt-4.1", "-p", "two words"));

            assertThat(exit).isEqualTo(7);
            assertThat(Files.readAllLines(record)).containsExactly("url=http://127.0.0.1:" + router.port(),
                    "token=" + KEY, "apikey=unset", "arg=--model", "arg=openai,gpt-4.1", "arg=-p", "arg=two words");
            assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Starting").doesNotContain(KEY);
        }
    }

    @Test
    void aRouterThatIsNotRunningIsStartedAndLeftRunning() throws Exception {
        int port = RouterHarness.freePort();
        Path config = dir.resolve("application.properties");
        Files.writeString(config, Files.readString(Path.of("config/application.properties"))
                + "\nccr.port=" + port + "\nccr.api-key=" + KEY + "\nccr.routes.reload=false\n"
                + "ccr.admin.overrides-file=" + dir.resolve("overrides.json") + "\n");
        RouterAddress address = RouterAddress.fromConfig(config.toString());
        assertThat(address.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(address.key()).isEqualTo(KEY);
        Path record = dir.resolve("record.txt");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Set<Long> before = children();
        try {
            int exit = launcher(config, address, fakeClaude(record), err).run(List.of("-p", "hi"));

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(7);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Starting the router at http://127.0.0.1:" + port)
                    .doesNotContain(KEY);
            assertThat(Files.readAllLines(record)).contains("url=http://127.0.0.1:" + port, "token=" + KEY);
            assertThat(new RouterProbe(address, Duration.ofSeconds(5)).up()).isTrue();
        } finally {
            // the router the launcher started is a child of this JVM: end exactly that process
            ProcessHandle.current().children().filter(p -> !before.contains(p.pid())).forEach(ProcessHandle::destroy);
        }
    }

    @Test
    void envPrintsExportLinesAShellCanEvaluate() throws Exception {
        String lines = ShellExports.render(ClaudeEnvironment.of(
                new RouterAddress(URI.create("http://127.0.0.1:3456"), KEY)));
        Process shell = new ProcessBuilder("sh", "-c", "ANTHROPIC_API_KEY=upstream; eval \"$0\"; "
                + "echo \"$ANTHROPIC_BASE_URL|$ANTHROPIC_AUTH_TOKEN|${ANTHROPIC_API_KEY-unset}\"", lines)
                .redirectErrorStream(true).start();

        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(shell.waitFor()).isZero();
        assertThat(out).isEqualTo("http://127.0.0.1:3456|" + KEY + "|unset");
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }
}
