package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ccr.json.Json;
import dev.ccr.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The JSON file that keeps run-time routing changes across restarts ({@code ccr.admin.overrides-file}). */
final class OverridesFile implements OverridesStore {
    private final Path path;

    OverridesFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    /** The saved overrides, or empty when none were saved yet. */
    @Override
    public Optional<JsonNode> read() {
        try {
            return Optional.of(Json.parse(Files.readAllBytes(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "(whole file)",
                    "cannot be read as JSON (" + e.getMessage() + "); fix or delete it to start without overrides");
        }
    }

    @Override
    public void write(JsonNode overrides) throws IOException {
        // indented: people read and diff this file
        AtomicFileWriter.write(path, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(overrides));
    }
}
