package dev.ccr.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a configuration in one of the supported formats (the design documents' two, claude-code-router's) and writes
 * it as a scenario. Everything is read and checked before anything is written.
 */
public final class ScenarioImporter {
    private ScenarioImporter() {
    }

    /** @return what was imported, for the summary the command prints */
    public static ImportedScenario importFile(Path file, Path base, String scenario, boolean force) throws IOException {
        ScenarioFiles files = new ScenarioFiles(base, scenario);
        ImportedScenario imported = read(file);
        files.write(imported, file.getFileName().toString(), force);
        return imported;
    }

    static ImportedScenario read(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new ImportException(file.getFileName().toString(), "is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(file.getFileName().toString(), "must be a JSON object");
        }
        ImportedScenario imported;
        if (ClaudeCodeRouterConfigReader.recognises(root)) {
            imported = new ClaudeCodeRouterConfigReader().read(root);
        } else if (SeedConfigReader.recognises(root)) {
            imported = new SeedConfigReader().read(root);
        } else {
            throw new ImportException(file.getFileName().toString(), "is neither a claude-code-router config "
                    + "(Providers, Router) nor a routing configuration (routing, providers)");
        }
        checkModelsListed(imported);
        return imported;
    }

    /** The router refuses a route to a model its provider does not list: say so now, not at the next start. */
    private static void checkModelsListed(ImportedScenario imported) {
        for (ImportedScenario.Category category : imported.categories()) {
            for (ImportedScenario.Target target : category.targets()) {
                Map<String, String> provider = imported.providers().get(target.provider());
                String models = provider.get("models");
                if (models != null && !List.of(models.split(",")).contains(target.model())) {
                    throw new ImportException(category.name(), "model '" + target.model() + "' is not among the models "
                            + "of provider '" + target.provider() + "' (" + models + ")");
                }
            }
        }
    }
}
