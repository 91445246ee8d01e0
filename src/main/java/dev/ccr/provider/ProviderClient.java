package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.UpstreamExcerpt;
import dev.ccr.stream.BodyCollector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP client of one provider instance: the only place its credentials are used. Calls complete as soon as the
 * answer's head arrives, so failover and the circuit breaker act before the client sees a byte, and the body is then
 * read at the client's pace.
 */
public final class ProviderClient {
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final Duration ERROR_BODY_WAIT = Duration.ofSeconds(10);

    private final ProviderSettings settings;
    private final Credentials credentials;
    private final HttpClient http;
    private final Set<Integer> retryableStatuses;

    public ProviderClient(ProviderSettings settings, Credentials credentials, Set<Integer> retryableStatuses) {
        this.settings = settings;
        this.credentials = credentials;
        this.retryableStatuses = retryableStatuses;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeouts().connect())
                .version("https".equalsIgnoreCase(settings.baseUrl().getScheme())
                        ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public ProviderSettings settings() {
        return settings;
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
                return "is not active: set " + name;
            }
        }
        return null;
    }

    /**
     * Sends a call. Completes with the head of a 2xx answer, or exceptionally with a {@link ProviderException} that
     * says whether another provider may be tried.
     */
    public CompletableFuture<UpstreamResponse> send(UpstreamRequest request) {
        String missing = missingEnvironment();
        if (missing == null) {
            missing = credentials.awaitReady();
        }
        if (missing != null) {
            return CompletableFuture.failedFuture(new ProviderUnavailableException(settings.name(), FailureKind.UNAVAILABLE,
                    ErrorType.UNAVAILABLE, 503, "Provider '" + settings.name() + "' " + missing, null, null));
        }
        return attempt(request, true);
    }

    /**
     * A cheap authenticated GET (e.g. the model list) for health checks: completes with the HTTP status, or
     * exceptionally when the provider cannot be reached. Never a paid completion.
     */
    public CompletableFuture<Integer> probe(String path, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uriOf(path)).timeout(timeout).GET();
        credentials.authorize(builder);
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private CompletableFuture<UpstreamResponse> attempt(UpstreamRequest request, boolean mayRefresh) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uriOf(request.path()))
                .timeout(settings.timeouts().firstByte())
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::setHeader);
        credentials.authorize(builder);
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofPublisher())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return CompletableFuture.<UpstreamResponse>failedFuture(connectionFailure(unwrap(failure)));
                    }
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return CompletableFuture.completedFuture(
                                new UpstreamResponse(status, response.headers(), response.body()));
                    }
                    if (status == 401 && mayRefresh && credentials.refreshAfterUnauthorized()) {
                        new UpstreamResponse(status, response.headers(), response.body()).discard();
                        return attempt(request, false);
                    }
                    return this.<UpstreamResponse>httpFailure(response);
                })
                .thenCompose(f -> f);
    }

    private URI uriOf(String path) {
        String base = settings.baseUrl().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private <T> CompletableFuture<T> httpFailure(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response) {
        int status = response.statusCode();
        Duration retryAfter = RetryAfter.from(response.headers()).orElse(null);
        return BodyCollector.collect(response.body(), ERROR_BODY_LIMIT)
                .completeOnTimeout(new byte[0], ERROR_BODY_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> new byte[0])
                .thenCompose(body -> CompletableFuture.failedFuture(statusFailure(status, body, retryAfter)));
    }

    ProviderException statusFailure(int status, byte[] body, Duration retryAfter) {
        ErrorType type = upstreamErrorType(body).orElse(ErrorType.forStatus(status));
        String message = "Provider '" + settings.name() + "' answered " + status + ": " + upstreamMessage(body, status);
        if (retryableStatuses.contains(status)) {
            FailureKind kind = status == 429 ? FailureKind.RATE_LIMITED
                    : status < 500 ? FailureKind.CLIENT_ERROR : FailureKind.SERVER_ERROR;
            return new ProviderUnavailableException(settings.name(), kind, type, status, message, retryAfter, null);
        }
        return new ProviderRejectedException(settings.name(), type, status, message);
    }

    private ProviderException connectionFailure(Throwable failure) {
        String name = settings.name();
        if (failure instanceof HttpConnectTimeoutException) {
            return new ProviderUnavailableException(name, FailureKind.CONNECT, ErrorType.UNAVAILABLE, 503,
                    "Provider '" + name + "' did not accept a connection within " + settings.timeouts().connect(),
                    null, failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return new ProviderUnavailableException(name, FailureKind.TIMEOUT, ErrorType.TIMEOUT, 504,
                    "Provider '" + name + "' sent no answer within " + settings.timeouts().firstByte(), null, failure);
        }
        if (failure instanceof ProviderException pe) {
            return pe;
        }
        String reason = failure instanceof ConnectException ? "refused the connection"
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
