package dev.ccr.importer;

import dev.ccr.config.ScenarioProperties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes an imported scenario: {@code config/scenarios/<name>.properties} (its provider blocks and settings) and
 * {@code routes/<name>/<category>.camel.yaml}. All or nothing: every file is rendered first, the route folder is
 * built aside and renamed into place, and existing files are only replaced with {@code force}.
 */
final class ScenarioFiles {
    private final Path base;
    private final String scenario;

    ScenarioFiles(Path base, String scenario) {
        if (!ScenarioProperties.NAME.matcher(scenario).matches()) {
            throw new ImportException("--scenario", "'" + scenario
                    + "' is not a scenario name: lower-case letters, digits and '-', at most 40");
        }
        this.base = base;
        this.scenario = scenario;
    }

    Path propertiesFile() {
        return base.resolve("config").resolve("scenarios").resolve(scenario + ".properties");
    }

    Path routesFolder() {
        return base.resolve("routes").resolve(scenario);
    }

    void write(ImportedScenario imported, String source, boolean force) throws IOException {
        Map<String, String> routes = new LinkedHashMap<>();
        for (ImportedScenario.Category category : imported.categories()) {
            routes.put(category.name() + ".camel.yaml", CategoryRouteYaml.render(category, source));
        }
        String properties = ScenarioPropertiesText.render(imported, source);
        if (!force && (Files.exists(propertiesFile()) || Files.exists(routesFolder()))) {
            throw new ImportException("--scenario", "scenario '" + scenario + "' exists (" + propertiesFile() + ", "
                    + routesFolder() + "): add --force to replace it");
        }
        Path staging = Files.createDirectories(base.resolve("routes")).resolve("." + scenario + ".importing");
        deleteTree(staging);
        Files.createDirectories(staging);
        try {
            for (Map.Entry<String, String> file : routes.entrySet()) {
                Files.writeString(staging.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Path old = base.resolve("routes").resolve("." + scenario + ".replaced");
            deleteTree(old);
            if (Files.exists(routesFolder())) {
                Files.move(routesFolder(), old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, routesFolder(), StandardCopyOption.ATOMIC_MOVE);
            dev.ccr.admin.AtomicFileWriter.write(propertiesFile(), properties.getBytes(StandardCharsets.UTF_8));
            deleteTree(old);
        } finally {
            deleteTree(staging);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
