package dev.ccr.stats;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Prometheus' own parser: {@code promtool check metrics} (Debian package "prometheus"). */
public final class Promtool {
    private Promtool() {
    }

    /** The promtool on the PATH, or null. */
    public static String path() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    /** Skips the test when promtool is missing; else its findings (empty when the text parses cleanly). */
    record Result(int exitCode, String output) {
    }

    static Result check(String exposition) throws Exception {
        String promtool = path();
        assumeTrue(promtool != null, "promtool is not installed (apt-get install -y prometheus): "
                + "the Prometheus format check is skipped");
        Process process = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish");
        }
        return new Result(process.exitValue(), output);
    }
}
