package dev.ccr.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder the router runs in (its {@code config/} and {@code routes/} are relative to it), so the launcher works
 * from any project folder: {@code CCR_HOME} if set, else the folder above the jar ({@code target/..}) when it holds
 * {@code config/application.properties}, else the current folder.
 */
final class RouterHome {
    private RouterHome() {
    }

    static Path find() {
        String env = System.getenv("CCR_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        try {
            Path code = Path.of(RouterHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("config/application.properties"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source to go by: the current folder
        }
        return Path.of("").toAbsolutePath();
    }

    /** The configuration file, as the router would pick it ({@code CCR_CONFIG}, else config/application.properties). */
    static Path configFile(Path home) {
        String env = System.getenv("CCR_CONFIG");
        Path file = Path.of(env != null && !env.isBlank() ? env : "config/application.properties");
        return file.isAbsolute() ? file : home.resolve(file);
    }
}
