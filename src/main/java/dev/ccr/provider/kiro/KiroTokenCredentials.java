package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.error.Redactor;
import dev.ccr.provider.Credentials;
import dev.ccr.provider.kiro.KiroRefresher.RefreshFailedException;
import dev.ccr.provider.kiro.KiroTokenFile.KiroTokenFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bearer token of one Kiro provider instance, kept in its token file and refreshed before it expires.
 *
 * <p>One refresh at a time: callers that find the token close to expiry queue on a lock, the first refreshes, the
 * others take its result (a new token, or its failure) instead of refreshing again; a social refresh token may be
 * rotated by a refresh, so a second refresh with the old one would fail. The new token is written back to the file
 * (atomically, same permissions, unknown fields kept), so Kiro and other tools sharing the file go on working.
 * When the service rejects the refresh token, the file is read again once: another tool may have refreshed first.
 *
 * <p>Network calls happen on the calling thread, in {@link #missingReason()} / {@link #authorize}, which the provider
 * client calls just before sending; they are rare (about once an hour) and bounded by the refresher's timeouts.
 */
public final class KiroTokenCredentials implements Credentials {
    private static final Logger LOG = LoggerFactory.getLogger(KiroTokenCredentials.class);
    /** After a failed refresh, calls use the old token (if still valid) this long before trying again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    /** A token obtained this recently is taken to be newer than the one a 401 was about. */
    static final Duration FRESH_AFTER_REFRESH = Duration.ofSeconds(10);

    private final String provider;
    private final KiroTokenFile file;
    private final KiroRefresher refresher;
    private final Duration margin;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile KiroToken token;
    private volatile String problem = "has not read its Kiro token yet";
    /** Counts refresh attempts; a caller that sees it change while it waited for the lock takes their outcome. */
    private volatile long attempts;
    private Instant obtainedAt = Instant.MIN;
    private Instant nextAttempt = Instant.MIN;

    KiroTokenCredentials(String provider, KiroTokenFile file, KiroRefresher refresher, Duration margin, Clock clock) {
        this.provider = provider;
        this.file = file;
        this.refresher = refresher;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        KiroToken current = usableToken();
        if (current != null && current.accessToken() != null) {
            request.setHeader("Authorization", "Bearer " + current.accessToken());
        }
    }

    /** Null when a token is at hand and not expired; else what is wrong (missing file, failed refresh…). */
    @Override
    public String missingReason() {
        KiroToken current = usableToken();
        if (current == null) {
            return problem;
        }
        if (current.accessToken() == null) {
            return "has no accessToken in " + file.path();
        }
        if (!current.isExpired(clock.instant())) {
            return null;
        }
        String why = problem;
        return "has an expired Kiro token in " + file.path() + (why == null ? "" : ": " + why);
    }

    /**
     * The provider answered 401. If a newer token than the rejected one is already here (another caller refreshed,
     * or another tool rewrote the file), the call is repeated with it; otherwise the token is refreshed now.
     */
    @Override
    public boolean refreshAfterUnauthorized() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (token == null) {
                load();
            }
            if (token == null) {
                return false;
            }
            if (obtainedAt.plus(FRESH_AFTER_REFRESH).isAfter(now)) {
                return true;
            }
            if (adoptFileIfNewer(false)) {
                return true;
            }
            return !nextAttempt.isAfter(now) && refresh();
        } finally {
            lock.unlock();
        }
    }

    private KiroToken usableToken() {
        KiroToken current = token;
        Instant now = clock.instant();
        if (current != null && !current.expiresWithin(margin, now)) {
            return current;
        }
        long seen = attempts;
        lock.lock();
        try {
            if (token == null) {
                load();
            } else if (attempts != seen) {
                return token; // refreshed (or tried) while this caller waited: take that outcome
            }
            if (token != null && token.expiresWithin(margin, now) && !nextAttempt.isAfter(clock.instant())
                    && !adoptFileIfNewer(true)) {
                refresh();
            }
            return token;
        } finally {
            lock.unlock();
        }
    }

    /** Reads the token file for the first time. Called under the lock. */
    private void load() {
        try {
            KiroToken loaded = KiroToken.from(file.read());
            if (loaded.accessToken() == null && loaded.refreshToken() == null) {
                problem = "has no accessToken or refreshToken in " + file.path();
                return;
            }
            install(loaded, false);
        } catch (KiroTokenFileException e) {
            problem = "has no usable Kiro token: " + e.getMessage() + " (log in with Kiro, or set option token-path)";
        }
    }

    /**
     * Takes the file's token when another tool has replaced ours there. With {@code onlyIfFresh}, only a token that
     * does not need refreshing itself counts. Called under the lock.
     */
    private boolean adoptFileIfNewer(boolean onlyIfFresh) {
        KiroToken onDisk;
        try {
            onDisk = KiroToken.from(file.read());
        } catch (KiroTokenFileException e) {
            return false;
        }
        if (onDisk.accessToken() == null || onDisk.sameSecretsAs(token)
                || onlyIfFresh && onDisk.expiresWithin(margin, clock.instant())) {
            return false;
        }
        LOG.info("Provider {}: using the Kiro token another program wrote to {}", provider, file.path());
        install(onDisk, true);
        return true;
    }

    /** Refreshes the token; on rejection reads the file again once. Called under the lock. True on success. */
    private boolean refresh() {
        attempts++;
        try {
            refreshWith(token);
            return true;
        } catch (RefreshFailedException e) {
            if (e.rejected() && retryWithRotatedFile()) {
                return true;
            }
            fail("its refresh failed: " + e.getMessage());
        } catch (KiroTokenFileException e) {
            fail("its refresh needs " + e.getMessage());
        }
        return false;
    }

    /** The refresh token was refused: if another tool rotated it in the file meanwhile, use (or refresh) theirs. */
    private boolean retryWithRotatedFile() {
        KiroToken onDisk;
        try {
            onDisk = KiroToken.from(file.read());
        } catch (KiroTokenFileException e) {
            return false;
        }
        if (onDisk.sameSecretsAs(token) || onDisk.accessToken() == null && onDisk.refreshToken() == null) {
            return false;
        }
        LOG.info("Provider {}: refresh token rejected, {} holds another one: using it", provider, file.path());
        install(onDisk, true);
        if (!onDisk.expiresWithin(margin, clock.instant())) {
            return true;
        }
        try {
            refreshWith(onDisk);
            return true;
        } catch (RefreshFailedException | KiroTokenFileException e) {
            fail("its refresh failed, also with the token re-read from " + file.path() + ": " + e.getMessage());
            return false;
        }
    }

    private void refreshWith(KiroToken old) throws RefreshFailedException, KiroTokenFileException {
        ObjectNode registration = null;
        if (!old.isSocial()) {
            if (old.clientIdHash() == null) {
                throw new KiroTokenFileException(file.path() + " to name its client registration (clientIdHash)");
            }
            registration = file.readClientRegistration(old.clientIdHash());
            Redactor.register(registration.path("clientSecret").asText(null));
        }
        ObjectNode answer = refresher.refresh(old, registration);
        Instant now = clock.instant();
        ObjectNode document = old.file().deepCopy();
        document.put("accessToken", answer.path("accessToken").asText());
        copyIfText(answer, document, "refreshToken");
        copyIfText(answer, document, "profileArn");
        long expiresIn = answer.path("expiresIn").asLong(3600);
        document.put("expiresAt", now.plusSeconds(expiresIn).toString());
        install(KiroToken.from(document), true);
        try {
            file.write(document);
        } catch (IOException e) {
            // The new token works from memory; the file's old one stays until Kiro refreshes it.
            LOG.warn("Provider {}: refreshed the Kiro token but could not write it to {}: {}", provider, file.path(),
                    e.getMessage());
        }
        LOG.info("Provider {}: refreshed its Kiro token, valid until {}", provider, now.plusSeconds(expiresIn));
    }

    /** @param replaced true when it replaces a token in use (refreshed, or rewritten by another tool) */
    private void install(KiroToken fresh, boolean replaced) {
        Redactor.register(fresh.accessToken());
        Redactor.register(fresh.refreshToken());
        token = fresh;
        obtainedAt = replaced ? clock.instant() : Instant.MIN;
        nextAttempt = Instant.MIN;
        problem = null;
    }

    private void fail(String reason) {
        problem = reason;
        nextAttempt = clock.instant().plus(RETRY_AFTER_FAILURE);
        LOG.warn("Provider {}: Kiro token {}", provider, reason);
    }

    private static void copyIfText(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null && value.isTextual() && !value.asText().isBlank()) {
            to.put(field, value.asText());
        }
    }

    /** The token file this instance uses. */
    public java.nio.file.Path tokenPath() {
        return file.path();
    }

    @Override
    public String toString() {
        KiroToken current = token;
        return "KiroTokenCredentials[" + provider + ", " + file.path() + ", token "
                + (current == null ? "not loaded" : current.isExpired(clock.instant()) ? "expired" : "valid") + "]";
    }
}
