package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.kiro.KiroTokenFile.KiroTokenFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The profile ARN a Kiro request body must name: the option {@code profile-arn} when set, else the token file's
 * {@code profileArn}. The ARN identifies the account's profile and is no secret, so the transformer, which writes
 * the body, may have it; it never gets the tokens from the same file. (The credentials cannot add it: they only see
 * the request's headers, and the body is already written.) The file is read again only when it changes, so a profile
 * switched or filled in by a refresh is picked up.
 */
public final class KiroProfile {
    private record Cached(FileTime modified, long size, String arn) {
    }

    private static final Map<Path, Cached> BY_FILE = new ConcurrentHashMap<>();

    private KiroProfile() {
    }

    public static Optional<String> arnFor(ProviderSettings provider) {
        KiroOptions options = KiroOptions.of(provider);
        if (options.profileArn() != null) {
            return Optional.of(options.profileArn());
        }
        return Optional.ofNullable(fromFile(new KiroTokenFile(options.tokenPath()).path()));
    }

    private static String fromFile(Path path) {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(path);
            size = Files.size(path);
        } catch (IOException e) {
            return null; // the credentials report a missing token file
        }
        Cached cached = BY_FILE.get(path);
        if (cached != null && cached.modified().equals(modified) && cached.size() == size) {
            return cached.arn();
        }
        String arn;
        try {
            JsonNode value = new KiroTokenFile(path).read().path("profileArn");
            arn = value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
        } catch (KiroTokenFileException e) {
            arn = null;
        }
        BY_FILE.put(path, new Cached(modified, size, arn));
        return arn;
    }
}
