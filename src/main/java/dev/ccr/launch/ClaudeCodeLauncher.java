package dev.ccr.launch;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code code [claude arguments…]}: starts the router in the background unless it already answers, waits until its
 * {@code /health} does, then runs Claude Code through it with the user's arguments and returns Claude Code's exit
 * status. The router keeps running after Claude Code ends (other sessions may use it); its output goes to a log file.
 */
final class ClaudeCodeLauncher {
    /**
     * The JVM flags the README's start command gives the router (the serial collector, 256 MB of heap from the start,
     * 512 MB at most: bench/RESULTS.md says why). The launcher starts the router with them; the README, the
     * container image (pom.xml) and the bench repeat them, and RecommendedJvmFlagsTest checks every copy.
     */
    static final List<String> RECOMMENDED_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmx512m");

    private final Path home;
    private final Path configFile;
    private final RouterAddress address;
    private final String claudeCommand;
    private final Path log;
    private final Duration startTimeout;
    private final PrintStream err;

    /**
     * @param home          the folder the router runs in
     * @param configFile    the configuration the router is started with (the one {@code address} was read from)
     * @param claudeCommand the Claude Code executable ({@code CCR_CLAUDE}, else {@code claude} on the PATH)
     * @param log           where a router started here writes its output
     * @param startTimeout  how long to wait for a router started here to answer {@code /health}
     */
    ClaudeCodeLauncher(Path home, Path configFile, RouterAddress address, String claudeCommand, Path log,
                       Duration startTimeout, PrintStream err) {
        this.home = home;
        this.configFile = configFile;
        this.address = address;
        this.claudeCommand = claudeCommand;
        this.log = log;
        this.startTimeout = startTimeout;
        this.err = err;
    }

    /** The launcher as the environment configures it. */
    static ClaudeCodeLauncher fromEnvironment(Path home, Path configFile, RouterAddress address) {
        Path log = Path.of(env("CCR_LOG_FILE", System.getProperty("java.io.tmpdir") + File.separator
                + "camel-code-router-" + address.baseUrl().getPort() + ".log"));
        return new ClaudeCodeLauncher(home, configFile, address, env("CCR_CLAUDE", "claude"), log,
                Duration.ofSeconds(Long.parseLong(env("CCR_START_TIMEOUT", "60"))), System.err);
    }

    int run(List<String> claudeArguments) throws IOException, InterruptedException {
        if (!ensureRouter()) {
            return 1;
        }
        List<String> command = new ArrayList<>();
        command.add(claudeCommand);
        command.addAll(claudeArguments);
        ProcessBuilder claude = new ProcessBuilder(command).inheritIO();
        ClaudeEnvironment.applyTo(claude.environment(), address);
        Process process;
        try {
            process = claude.start();
        } catch (IOException e) {
            err.println("Could not run Claude Code (" + command.get(0) + "): install it (npm install -g "
                    + "@anthropic-ai/claude-code) or set CCR_CLAUDE to its path");
            return 127;
        }
        Signals.ignoreInterrupt(); // Ctrl-C belongs to Claude Code; the launcher waits for it to end
        return process.waitFor();
    }

    /** True when the router answers, started here if it was not running. */
    private boolean ensureRouter() throws IOException, InterruptedException {
        RouterProbe probe = new RouterProbe(address, Duration.ofSeconds(2));
        if (probe.up()) {
            return true;
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        err.println("Starting the router at " + address.baseUrl() + " (log: " + log + ")");
        Process router = new ProcessBuilder(routerCommand()).directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(nullDevice())))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (probe.up()) {
                return true;
            }
            if (!router.isAlive()) {
                err.println("The router stopped while starting (exit " + router.exitValue() + "): see " + log);
                return false;
            }
            Thread.sleep(200);
        }
        err.println("The router did not answer " + address.baseUrl() + "/health in time: see " + log);
        return false;
    }

    /**
     * The same Java, class path and configuration as this launcher. Where {@code setsid} exists the router gets a session of its
     * own, so a Ctrl-C or a closed terminal meant for Claude Code does not stop it.
     */
    private List<String> routerCommand() {
        List<String> command = new ArrayList<>();
        File setsid = new File("/usr/bin/setsid");
        if (setsid.canExecute()) {
            command.add(setsid.getPath());
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(RECOMMENDED_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dccr.config=" + configFile.toAbsolutePath(), "dev.ccr.CamelCodeRouter"));
        return command;
    }

    private static String nullDevice() {
        return File.separatorChar == '\\' ? "NUL" : "/dev/null";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
