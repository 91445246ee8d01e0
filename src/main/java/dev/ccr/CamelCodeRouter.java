package dev.ccr;

import ch.qos.logback.classic.LoggerContext;
import dev.ccr.launch.Launcher;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Starts the router: Camel Main with {@code config/application.properties} (or the file named by the system property
 * or environment variable {@code CCR_CONFIG}) and the route files it names.
 */
public final class CamelCodeRouter {
    public static final String DEFAULT_CONFIG = "config/application.properties";

    static {
        JdkDefaults.apply();
    }

    private CamelCodeRouter() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(dev.ccr.importer.ImportCommand.NAME)) {
            System.exit(dev.ccr.importer.ImportCommand.run(args, System.out, System.err));
        }
        if (Launcher.handles(args)) {
            System.exit(Launcher.run(args));
        }
        Main main = createMain(configFile(), Map.of());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStop(BaseMainSupport stopped) {
                flushLogLines();
            }
        });
        main.run(args);
    }

    /**
     * Writes the lines logback's asynchronous console appender still holds (logback.xml): its thread is a daemon, and
     * the JVM would exit without the last lines of the shutdown. Done once Camel has stopped, so none of its own
     * shutdown lines come after.
     */
    private static void flushLogLines() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.stop();
        }
    }

    /** A ready Camel Main for the given configuration file, with properties that override the file's. */
    public static Main createMain(String configFile, Map<String, String> overrides) {
        // RouterConfiguration is named in the properties (camel.main.configuration-classes), so that `camel run`
        // with the same properties builds the same beans
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + configFile);
        main.addInitialProperty(RouterConfiguration.CONFIG_FILE_PROPERTY, configFile);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    static String configFile() {
        String fromProperty = System.getProperty("ccr.config");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("CCR_CONFIG");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : DEFAULT_CONFIG;
    }
}
