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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The bearer token of one Kiro provider instance, kept in its token file and refreshed before it expires.
 *
 * <p>Refreshes run in the background, one at a time per instance: a social refresh token may be rotated by a
 * refresh, so a second refresh with the old one would fail. Calls keep using the current token while it is valid
 * and only start a refresh ahead of expiry; a call waits for the refresh (the one in flight, never a second one)
 * only when its token has actually expired or was rejected (401). Status pages and health checks never wait. The
 * refresh margin is bounded to half the token's lifetime, so a token that lives less than the margin is not
 * refreshed on every call. The new token is written back to the file (see {@link KiroTokenFile}), so Kiro and
 * other tools sharing the file go on working. When the service rejects the refresh token, the file is read again
 * once: another tool may have refreshed first.
 */
public final class KiroTokenCredentials implements Credentials {
    private static final Logger LOG = LoggerFactory.getLogger(KiroTokenCredentials.class);
    /** After a failed refresh, calls use the old token (if still valid) this long before trying again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
    /** A token obtained this recently is taken to be newer than the one a 401 was about. */
    static final Duration FRESH_AFTER_REFRESH = Duration.ofSeconds(10);
    /** Longer than the refresher's own connect and request timeouts together: a safety net, not a limit. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
    private static final Executor REFRESH_THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kiro-token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private final String provider;
    private final KiroTokenFile file;
    private final KiroRefresher refresher;
    private final Duration margin;
    private final Clock clock;
    /** Guards the fields below; held only to read or swap them, never during a network call. */
    private final Object state = new Object();

    private volatile KiroToken token;
    private volatile String problem = "has not read its Kiro token yet";
    private Instant obtainedAt = Instant.MIN;
    private Instant nextAttempt = Instant.MIN;
    /** How long the current token was granted for, when a refresh said so (expiresIn); null for a file's token. */
    private Duration lifetime;
    private CompletableFuture<Boolean> inFlight;

    KiroTokenCredentials(String provider, KiroTokenFile file, KiroRefresher refresher, Duration margin, Clock clock) {
        this.provider = provider;
        this.file = file;
        this.refresher = refresher;
        this.margin = margin;
        this.clock = clock;
    }

    /** Sends the current token; never waits (a refresh due soon runs in the background). */
    @Override
    public void authorize(BiConsumer<String, String> header) {
        KiroToken current = current();
        if (current != null && current.accessToken() != null) {
            header.accept("Authorization", "Bearer " + current.accessToken());
        }
    }

    /**
     * Null when a token is at hand and not expired, or a refresh under way may bring one; else what is wrong
     * (missing file, failed refresh…). Never waits.
     */
    @Override
    public String missingReason() {
        KiroToken current = current();
        if (current == null) {
            return problem;
        }
        if (!current.isExpired(clock.instant()) || refreshing()) {
            return null;
        }
        if (current.accessToken() == null) {
            return "has no accessToken in " + file.path() + (problem == null ? "" : ": " + problem);
        }
        String why = problem;
        return "has an expired Kiro token in " + file.path() + (why == null ? "" : ": " + why);
    }

    /** Before a call: an expired token waits for the refresh (the one in flight, or a new one); a valid one never. */
    @Override
    public String awaitReady() {
        KiroToken current = current();
        if (current != null && current.isExpired(clock.instant())) {
            await(refreshInBackground());
        }
        return missingReason();
    }

    /**
     * The provider answered 401. If a newer token than the rejected one is already here (another caller refreshed,
     * or another tool rewrote the file), the call is repeated with it; otherwise it waits for a refresh.
     */
    @Override
    public boolean refreshAfterUnauthorized() {
        if (current() == null) {
            return false;
        }
        synchronized (state) {
            if (obtainedAt.plus(FRESH_AFTER_REFRESH).isAfter(clock.instant())) {
                return true;
            }
        }
        if (adoptFileIfNewer(false)) {
            return true;
        }
        return await(refreshInBackground());
    }

    /** The token in use, read from the file the first time; starts a background refresh when one is due. */
    private KiroToken current() {
        KiroToken current = token;
        if (current == null) {
            synchronized (state) {
                if (token == null) {
                    load();
                }
                current = token;
            }
        }
        if (current != null && current.expiresWithin(effectiveMargin(), clock.instant())) {
            refreshInBackground();
        }
        return current;
    }

    /** The configured margin, at most half the token's lifetime when known (a refresh would be due at once). */
    private Duration effectiveMargin() {
        synchronized (state) {
            return lifetime == null || lifetime.dividedBy(2).compareTo(margin) >= 0 ? margin : lifetime.dividedBy(2);
        }
    }

    private boolean refreshing() {
        synchronized (state) {
            return inFlight != null;
        }
    }

    /**
     * The refresh in flight, or a new one started on a refresh thread; null while a failed refresh waits out its
     * {@link #RETRY_AFTER_FAILURE}. Completes with true when a new token is in use.
     */
    private CompletableFuture<Boolean> refreshInBackground() {
        synchronized (state) {
            if (inFlight != null) {
                return inFlight;
            }
            if (nextAttempt.isAfter(clock.instant())) {
                return null;
            }
            CompletableFuture<Boolean> refresh = new CompletableFuture<>();
            inFlight = refresh;
            REFRESH_THREADS.execute(() -> {
                boolean fresh = false;
                try {
                    fresh = adoptFileIfNewer(true) || refresh();
                } catch (RuntimeException e) {
                    fail("its refresh failed (" + e.getClass().getSimpleName() + ")");
                } finally {
                    synchronized (state) {
                        inFlight = null;
                    }
                    refresh.complete(fresh);
                }
            });
            return refresh;
        }
    }

    private static boolean await(CompletableFuture<Boolean> refresh) {
        if (refresh == null) {
            return false;
        }
        try {
            return refresh.get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** Reads the token file for the first time. Called holding {@link #state}. */
    private void load() {
        try {
            KiroToken loaded = KiroToken.from(file.read());
            if (loaded.accessToken() == null && loaded.refreshToken() == null) {
                problem = "has no accessToken or refreshToken in " + file.path();
                return;
            }
            install(loaded, false, null);
        } catch (KiroTokenFileException e) {
            problem = "has no usable Kiro token: " + e.getMessage() + " (log in with Kiro, or set option token-path)";
        }
    }

    /**
     * Takes the file's token when another tool has replaced ours there. With {@code onlyIfFresh}, only a token that
     * does not need refreshing itself counts.
     */
    private boolean adoptFileIfNewer(boolean onlyIfFresh) {
        KiroToken onDisk;
        try {
            onDisk = KiroToken.from(file.read());
        } catch (KiroTokenFileException e) {
            return false;
        }
        if (onDisk.accessToken() == null || onDisk.sameSecretsAs(token)
                || onlyIfFresh && onDisk.expiresWithin(effectiveMargin(), clock.instant())) {
            return false;
        }
        LOG.info("Provider {}: using the Kiro token another program wrote to {}", provider, file.path());
        install(onDisk, true, null);
        return true;
    }

    /** Refreshes the token; on rejection reads the file again once. Runs on a refresh thread. True on success. */
    private boolean refresh() {
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
        install(onDisk, true, null);
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
        install(KiroToken.from(document), true, Duration.ofSeconds(expiresIn));
        try {
            file.write(document);
        } catch (IOException e) {
            // The new token works from memory; the file's old one stays until Kiro refreshes it.
            LOG.warn("Provider {}: refreshed the Kiro token but could not write it to {}: {}", provider, file.path(),
                    e.getMessage());
        }
        LOG.info("Provider {}: refreshed its Kiro token, valid until {}", provider, now.plusSeconds(expiresIn));
    }

    /**
     * @param replaced     true when it replaces a token in use (refreshed, or rewritten by another tool)
     * @param grantedFor   the lifetime the refresh service gave it, or null when not known
     */
    private void install(KiroToken fresh, boolean replaced, Duration grantedFor) {
        Redactor.register(fresh.accessToken());
        Redactor.register(fresh.refreshToken());
        synchronized (state) {
            token = fresh;
            obtainedAt = replaced ? clock.instant() : Instant.MIN;
            nextAttempt = Instant.MIN;
            lifetime = grantedFor;
            problem = null;
        }
    }

    private void fail(String reason) {
        synchronized (state) {
            problem = reason;
            nextAttempt = clock.instant().plus(RETRY_AFTER_FAILURE);
        }
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
