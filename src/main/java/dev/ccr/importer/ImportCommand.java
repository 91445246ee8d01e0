package dev.ccr.importer;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar camel-code-router.jar import FILE --scenario NAME [--force] [--dir DIR]}: imports a configuration
 * as a scenario below DIR (default: the working directory) and says how to run it.
 */
public final class ImportCommand {
    public static final String NAME = "import";
    private static final String USAGE = "usage: import FILE --scenario NAME [--force] [--dir DIR]";

    private ImportCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String scenario = null;
        String dir = ".";
        boolean force = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = i + 1 < args.length ? args[++i] : null;
                case "--dir" -> dir = i + 1 < args.length ? args[++i] : null;
                case "--force" -> force = true;
                default -> {
                    if (file != null || args[i].startsWith("--")) {
                        err.println("unexpected argument '" + args[i] + "'\n" + USAGE);
                        return 2;
                    }
                    file = args[i];
                }
            }
        }
        if (file == null || scenario == null || dir == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            ImportedScenario imported = ScenarioImporter.importFile(Path.of(file), Path.of(dir), scenario, force);
            ScenarioFiles files = new ScenarioFiles(Path.of(dir), scenario);
            out.println("Imported " + file + " (" + imported.format() + ") as scenario " + scenario + ":");
            out.println("  " + files.propertiesFile() + "  providers " + imported.providers().keySet());
            for (ImportedScenario.Category category : imported.categories()) {
                out.println("  " + files.routesFolder().resolve(category.name() + ".camel.yaml") + "  "
                        + (category.strategy() == null ? "single" : category.strategy()) + " -> "
                        + category.targets().stream().map(t -> t.provider() + "," + t.model()).toList());
            }
            imported.notes().forEach(note -> out.println("Note: " + note));
            if (!imported.environment().isEmpty()) {
                out.println("Set " + String.join(", ", imported.environment()) + " (keys are never written), then:");
            }
            out.println("  CCR_SCENARIO=" + scenario + " java -jar target/camel-code-router.jar");
            return 0;
        } catch (ImportException e) {
            err.println("Nothing imported: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            err.println("Nothing imported: " + e);
            return 1;
        }
    }
}
