package dev.ccr.catalog;

import dev.ccr.error.Redactor;
import dev.ccr.provider.ProviderClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What providers publish about their models, fetched when a model is first looked up, in the background, and kept:
 * a successful answer for {@code ttl}, a failure (logged once, then ignored) until {@code retryAfterFailure}. A
 * request waits for a fetch at most {@code maxWait} — only the first one for a model, since the answer is cached —
 * and goes on with what the other sources know if it is not there by then.
 */
final class PublishedModels {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedModels.class);
    /** The key under which a list source's single fetch is kept. */
    private static final String ALL = "*";

    private final Duration maxWait;
    private final Duration ttl;
    private final Duration retryAfterFailure;
    private final Duration fetchTimeout;
    private final Map<String, Fetch> fetches = new ConcurrentHashMap<>();

    private record Fetch(CompletableFuture<Map<String, ModelInfo>> result, long startedNanos) {
    }

    PublishedModels(Duration maxWait, Duration ttl, Duration retryAfterFailure, Duration fetchTimeout) {
        this.maxWait = maxWait;
        this.ttl = ttl;
        this.retryAfterFailure = retryAfterFailure;
        this.fetchTimeout = fetchTimeout;
    }

    ModelInfo find(ProviderClient client, String model) {
        PublishedModelSource source = PublishedModelSource.of(client);
        if (source == PublishedModelSource.NONE || client.missingReason() != null) {
            return ModelInfo.UNKNOWN;
        }
        String provider = client.settings().name();
        String key = provider + "\u0000" + (source.listsAll() ? ALL : ModelKeys.normalise(model));
        Fetch fetch = fetches.compute(key, (k, current) -> isFresh(current) ? current
                : new Fetch(start(source, client, model), System.nanoTime()));
        Map<String, ModelInfo> models;
        try {
            models = fetch.result().get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return ModelInfo.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModelInfo.UNKNOWN;
        }
        ModelInfo info = ModelKeys.find(models, model);
        return info == null ? ModelInfo.UNKNOWN : info.withSource("published by " + provider);
    }

    /**
     * What was already fetched for the model, without starting a fetch or waiting for one: for callers that must not
     * block (a request's end, on the I/O thread).
     */
    ModelInfo findFetched(ProviderClient client, String model) {
        PublishedModelSource source = PublishedModelSource.of(client);
        Fetch fetch = fetches.get(client.settings().name() + "\u0000"
                + (source.listsAll() ? ALL : ModelKeys.normalise(model)));
        Map<String, ModelInfo> models = fetch == null ? null : fetch.result().getNow(null);
        ModelInfo info = models == null ? null : ModelKeys.find(models, model);
        return info == null ? ModelInfo.UNKNOWN : info.withSource("published by " + client.settings().name());
    }

    private CompletableFuture<Map<String, ModelInfo>> start(PublishedModelSource source, ProviderClient client,
                                                            String model) {
        String provider = client.settings().name();
        try {
            return source.fetch(client, model, fetchTimeout).whenComplete((models, failure) -> {
                if (failure != null) {
                    LOG.warn("Provider {}: could not read its model information ({}), using the other catalog sources"
                            + " for {}", provider, Redactor.redact(String.valueOf(failure.getMessage())),
                            retryAfterFailure);
                } else {
                    LOG.info("Provider {}: read its model information ({} model(s))", provider, models.size());
                }
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean isFresh(Fetch fetch) {
        if (fetch == null) {
            return false;
        }
        CompletableFuture<Map<String, ModelInfo>> result = fetch.result();
        if (!result.isDone()) {
            return true;
        }
        Duration keep = result.isCompletedExceptionally() ? retryAfterFailure : ttl;
        return System.nanoTime() - fetch.startedNanos() < keep.toNanos();
    }
}
