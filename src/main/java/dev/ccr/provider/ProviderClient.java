package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.config.DurationText;
import dev.ccr.error.ErrorType;
import dev.ccr.error.UpstreamExcerpt;
import dev.ccr.stream.BodyCollector;
import dev.ccr.stream.Discard;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpMethod;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

/**
 * The HTTP client of one provider instance: the only place its credentials are used. Calls complete as soon as the
 * answer's head arrives, so failover and the circuit breaker act before the client sees a byte, and the body is then
 * read at the client's pace.
 */
public final class ProviderClient {
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Duration ERROR_BODY_WAIT = Duration.ofSeconds(10);
    private static final int MODEL_INFO_LIMIT = 8 * 1024 * 1024;

    private final ProviderSettings settings;
    private final Credentials credentials;
    private final ProviderHttp http;
    private final Set<Integer> retryableStatuses;

    public ProviderClient(ProviderSettings settings, Credentials credentials, Set<Integer> retryableStatuses) {
        this.settings = settings;
        this.credentials = credentials;
        this.retryableStatuses = retryableStatuses;
        this.http = new ProviderHttp(settings);
    }

    public ProviderSettings settings() {
        return settings;
    }

    /** Closes the provider's pooled connections (the router is stopping). */
    public void close() {
        http.close();
    }

    /** Why this provider cannot be called now (missing key, or an environment variable it needs is unset), or null. */
    public String missingReason() {
        String missing = missingEnvironment();
        return missing != null ? missing : credentials.missingReason();
    }

    private String missingEnvironment() {
        for (String variable : settings.option("requires-env", "").split(",")) {
            String name = variable.trim();
            if (!name.isEmpty() && (System.getenv(name) == null || System.getenv(name).isBlank())) {
                return "is not active: set " + name + " in the router's environment and restart it";
            }
        }
        return null;
    }

    /**
     * Sends a call. Completes with the head of a 2xx answer, or exceptionally with a {@link ProviderException} that
     * says whether another provider may be tried.
     *
     * @param readOn the event loop of the client connection the answer goes to (it is then read there), or null
     */
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request, EventLoop readOn) {
        String missing = missingEnvironment();
        if (missing == null) {
            missing = credentials.awaitReady();
        }
        if (missing != null) {
            return CompletableFuture.failedFuture(new ProviderUnavailableException(settings.name(), FailureKind.UNAVAILABLE,
                    ErrorType.UNAVAILABLE, 503, "Provider '" + settings.name() + "' " + missing, null, null));
        }
        return attempt(request, readOn, true);
    }

    /**
     * A cheap authenticated GET (e.g. the model list) for health checks: completes with the HTTP status, or
     * exceptionally when the provider cannot be reached. Never a paid completion.
     */
    public CompletableFuture<Integer> probe(String path, Duration timeout) {
        // the body is read to its end (not cancelled) so that the next probe reuses the connection
        return http.exchange(HttpMethod.GET, uriOf(path), authorized(Map.of()), null, timeout, null)
                .thenCompose(response -> Discard.drain(response.body())
                        .completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
                        .thenApply(drained -> response.status()));
    }

    /**
     * An authenticated request for what the provider publishes about its models (a model list, a model's details):
     * a GET, or a POST of {@code jsonBody} when given. Completes with the body of a 2xx answer (at most 8 MiB), or
     * exceptionally. Never a paid completion.
     */
    public CompletableFuture<byte[]> fetchModelInfo(String path, byte[] jsonBody, Duration timeout) {
        URI uri = uriOf(path);
        HttpMethod method = jsonBody == null ? HttpMethod.GET : HttpMethod.POST;
        Map<String, String> headers = authorized(jsonBody == null ? Map.of() : Map.of("content-type", "application/json"));
        return http.exchange(method, uri, headers, jsonBody == null ? null : UpstreamBody.of(jsonBody), timeout, null)
                .thenCompose(response -> {
                    if (response.status() / 100 != 2) {
                        return this.<byte[]>httpFailure(response, method, uri);
                    }
                    return BodyCollector.collect(response.body(), MODEL_INFO_LIMIT);
                }).thenApplyAsync(body -> body); // the caller parses megabytes of JSON: not on an event loop
    }

    private CompletableFuture<UpstreamResponse> attempt(UpstreamRequest request, EventLoop readOn, boolean mayRefresh) {
        URI uri = uriOf(request.path());
        return http.exchange(HttpMethod.POST, uri, authorized(request.headers()), request.payload(),
                        settings.timeouts().firstByte(), readOn)
                // off the event loop: a refresh after a 401 may wait for the token endpoint
                .handleAsync((response, failure) -> {
                    if (failure != null) {
                        return CompletableFuture.<UpstreamResponse>failedFuture(connectionFailure(unwrap(failure)));
                    }
                    int status = response.status();
                    if (status >= 200 && status < 300) {
                        return CompletableFuture.completedFuture(new UpstreamResponse(status, response.headers(),
                                new ProviderBody(settings.name(), response.body())));
                    }
                    if (status == 401 && mayRefresh && credentials.refreshAfterUnauthorized()) {
                        response.discard();
                        return attempt(request, readOn, false);
                    }
                    return this.<UpstreamResponse>httpFailure(response, HttpMethod.POST, uri);
                })
                .thenCompose(f -> f);
    }

    /** The request's headers with the provider's credentials added. */
    private Map<String, String> authorized(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        credentials.authorize(all::put);
        return all;
    }

    /** The URL a call to {@code path} goes to (see {@link ProviderUrl}: the version segment is written once). */
    public URI uriOf(String path) {
        return ProviderUrl.resolve(settings.baseUrl(), path);
    }

    private <T> CompletableFuture<T> httpFailure(UpstreamResponse response, HttpMethod method, URI uri) {
        int status = response.status();
        Duration retryAfter = RetryAfter.from(response.headers()).orElse(null);
        return BodyCollector.collect(response.body(), ERROR_BODY_LIMIT)
                .completeOnTimeout(new byte[0], ERROR_BODY_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> new byte[0])
                .thenCompose(body -> CompletableFuture.failedFuture(
                        statusFailure(status, body, retryAfter, method, uri)));
    }

    ProviderException statusFailure(int status, byte[] body, Duration retryAfter, HttpMethod method, URI uri) {
        ErrorType type = upstreamErrorType(body).orElse(ErrorType.forStatus(status));
        String upstream = upstreamMessage(body, status);
        if (status == 404 && !upstream.toLowerCase(java.util.Locale.ROOT).contains("model")) {
            // Claude Code reads a 404 as "the model does not exist"; a 404 that names no model is a URL the provider
            // does not have, which is the base URL's fault (e.g. a version segment written twice)
            return new ProviderMisconfiguredException(settings.name(), "Provider '" + settings.name()
                    + "' answered 404 for " + method.name() + " " + ProviderUrl.shown(uri)
                    + " (\"" + upstream + "\"): that URL does not exist there, so the provider's base URL is wrong, "
                    + "not the model: check ccr.providers." + settings.name() + ".base-url (it may end with the "
                    + "API version, such as /v1, or not) and its path options, then restart the router");
        }
        String message = "Provider '" + settings.name() + "' answered " + status + ": " + upstream;
        if (retryableStatuses.contains(status)) {
            FailureKind kind = status == 429 ? FailureKind.RATE_LIMITED
                    : status < 500 ? FailureKind.CLIENT_ERROR : FailureKind.SERVER_ERROR;
            return new ProviderUnavailableException(settings.name(), kind, type, status, message, retryAfter, null);
        }
        return new ProviderRejectedException(settings.name(), type, status, message,
                status == 400 ? UnsupportedParameter.named(parse(body)) : null);
    }

    private ProviderException connectionFailure(Throwable failure) {
        String name = settings.name();
        if (failure instanceof ConnectTimeoutException) {
            return new ProviderUnavailableException(name, FailureKind.CONNECT, ErrorType.UNAVAILABLE, 503,
                    "Provider '" + name + "' did not accept a connection within " + DurationText.of(settings.timeouts().connect())
                            + " (timeouts.connect): check that it runs at " + ProviderUrl.shown(settings.baseUrl()),
                    null, failure);
        }
        if (failure instanceof TimeoutException) {
            return new ProviderUnavailableException(name, FailureKind.TIMEOUT, ErrorType.TIMEOUT, 504,
                    "Provider '" + name + "' sent no answer within " + DurationText.of(settings.timeouts().firstByte())
                            + " (timeouts.first-byte)", null, failure);
        }
        if (failure instanceof ProviderException pe) {
            return pe;
        }
        if (failure instanceof SSLException) {
            return new ProviderUnavailableException(name, FailureKind.CONNECT, ErrorType.UNAVAILABLE, 503,
                    "Provider '" + name + "' failed the TLS handshake (" + failure.getClass().getSimpleName()
                            + "): check that " + ProviderUrl.shown(settings.baseUrl()) + " is the provider, or, if its "
                            + "certificate comes from an authority of your own, set ccr.providers." + name
                            + ".tls.ca-file", null, failure);
        }
        String reason = failure instanceof ConnectException
                ? "refused the connection: check that it runs at " + ProviderUrl.shown(settings.baseUrl()) + " (base-url)"
                : failure instanceof IOException ? "closed the connection (" + failure.getClass().getSimpleName() + ")"
                : "could not be called (" + failure.getClass().getSimpleName() + ")";
        return new ProviderUnavailableException(name, FailureKind.CONNECT, ErrorType.UNAVAILABLE, 503,
                "Provider '" + name + "' " + reason, null, failure);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static java.util.Optional<ErrorType> upstreamErrorType(byte[] body) {
        JsonNode type = parse(body).path("error").path("type");
        if (!type.isTextual()) {
            return java.util.Optional.empty();
        }
        for (ErrorType t : ErrorType.values()) {
            if (t.wireName().equals(type.asText())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The provider's own words where its error body has them (Anthropic, OpenAI and Gemini all use error.message),
     * else the start of the body: redacted and at most {@link UpstreamExcerpt#MAX_CHARS} characters.
     */
    private static String upstreamMessage(byte[] body, int status) {
        JsonNode root = parse(body);
        JsonNode message = root.path("error").path("message");
        if (!message.isTextual()) {
            message = root.path("message");
        }
        // the whole body is decoded and redacted before it is cut: a cut through an echoed key would hide it from
        // the redactor
        String text = UpstreamExcerpt.of(message.isTextual() ? message.asText()
                : new String(body, StandardCharsets.UTF_8));
        return text.isEmpty() ? "HTTP " + status : text;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? Json.MAPPER.missingNode() : Json.parse(body);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}
