package dev.ccr.provider.kiro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The token file Kiro (and other tools) keep, read and written the way those tools expect: written back atomically
 * (a temporary file in the same directory renamed over the old one, so no reader ever sees half a token), through a
 * symlink to its target, with the original's mode and owner, and with every field we do not know left as it was.
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

    /**
     * Replaces the file's document. A symlinked token file (a shared token kept elsewhere) is written through: the
     * link's target is replaced, so the link stays a link and the target holds the new refresh token. The new
     * content is on disk (fsync) before the rename makes it visible, and it keeps the original's mode and owner.
     */
    void write(ObjectNode document) throws IOException {
        Path target = Files.exists(path) ? path.toRealPath() : path;
        Path dir = target.getParent();
        PosixFileAttributes original = posixAttributes(target);
        // createTempFile makes the file readable by its owner only, so the token is never exposed meanwhile.
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document)));
                channel.force(true);
            }
            if (original != null) {
                keepOwnerAndMode(temp, original);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void keepOwnerAndMode(Path file, PosixFileAttributes original) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        view.setPermissions(original.permissions());
        PosixFileAttributes now = view.readAttributes();
        // changing owner or group needs privileges the router seldom has; it only matters when they differ
        if (!now.owner().equals(original.owner())) {
            view.setOwner(original.owner());
        }
        if (!now.group().equals(original.group())) {
            view.setGroup(original.group());
        }
    }

    /** Makes the rename itself durable; a file system that cannot sync a directory loses nothing but that. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): the file's own content is synced already
        }
    }

    private static PosixFileAttributes posixAttributes(Path file) throws IOException {
        if (!Files.exists(file) || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return null;
        }
        return Files.readAttributes(file, PosixFileAttributes.class);
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
