package dev.ccr.provider.kiro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The token file Kiro (and other tools) keep, read and written the way those tools expect: written back atomically
 * (a temporary file in the same directory renamed over the old one, so no reader ever sees half a token), with the
 * original's permissions, and with every field we do not know left as it was.
 */
final class KiroTokenFile {
    private final Path path;

    KiroTokenFile(Path path) {
        this.path = path.toAbsolutePath().normalize();
    }

    Path path() {
        return path;
    }

    /**
     * The file's document. Errors say what is wrong without quoting the content (it holds secrets): a JSON parser's
     * message would.
     */
    ObjectNode read() throws KiroTokenFileException {
        return readObject(path);
    }

    /** The IdC client registration ({@code clientId}, {@code clientSecret}) kept beside the token. */
    ObjectNode readClientRegistration(String clientIdHash) throws KiroTokenFileException {
        return readObject(path.resolveSibling(clientIdHash + ".json"));
    }

    void write(ObjectNode document) throws IOException {
        Path dir = path.getParent();
        Set<PosixFilePermission> permissions = posixPermissions(path);
        // createTempFile makes the file readable by its owner only, so the token is never exposed meanwhile.
        Path temp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            if (permissions != null) {
                Files.setPosixFilePermissions(temp, permissions);
            }
            try {
                Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.getPosixFilePermissions(file);
    }

    private static ObjectNode readObject(Path file) throws KiroTokenFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KiroTokenFileException(file + " does not exist");
        } catch (IOException e) {
            throw new KiroTokenFileException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode node;
        try {
            node = Json.parse(bytes);
        } catch (JsonProcessingException e) {
            throw new KiroTokenFileException(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new KiroTokenFileException(file + " is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new KiroTokenFileException(file + " does not hold a JSON object");
        }
        return object;
    }

    /** Why a token file cannot be used; the message names the file and never quotes its content. */
    static final class KiroTokenFileException extends Exception {
        KiroTokenFileException(String message) {
            super(message, null, false, false);
        }
    }
}
