package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.admin.AtomicFileWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-user keys in a JSON file ({@code ccr.keys.file}, next to the routing overrides by default), replaced atomically
 * on each change so that a crash leaves the old list or the new one. Holds hashes only, never a secret.
 */
final class KeyFile implements KeyStorage {
    private final Path path;

    KeyFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    @Override
    public synchronized List<VirtualKey> readAll() throws IOException {
        JsonNode root;
        try {
            root = Json.parse(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<VirtualKey> keys = new ArrayList<>();
        root.path("keys").forEach(node -> keys.add(VirtualKey.fromJson(node)));
        return keys;
    }

    @Override
    public synchronized boolean add(VirtualKey key) throws IOException {
        List<VirtualKey> keys = new ArrayList<>(readAll());
        if (keys.stream().anyMatch(k -> k.name().equals(key.name()))) {
            return false;
        }
        keys.add(key);
        write(keys);
        return true;
    }

    @Override
    public synchronized boolean remove(String name) throws IOException {
        List<VirtualKey> keys = new ArrayList<>(readAll());
        if (!keys.removeIf(k -> k.name().equals(name))) {
            return false;
        }
        write(keys);
        return true;
    }

    /** Replaces the whole list (the local copy of the keys kept in Redis). */
    synchronized void replaceAll(List<VirtualKey> keys) throws IOException {
        if (!keys.equals(readAll())) {
            write(keys);
        }
    }

    private void write(List<VirtualKey> keys) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("keys");
        keys.forEach(k -> array.add(k.toJson()));
        AtomicFileWriter.write(path, Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
    }
}
