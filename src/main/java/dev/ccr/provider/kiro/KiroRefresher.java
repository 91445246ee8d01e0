package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.UpstreamExcerpt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Exchanges a refresh token for a new access token: at Kiro's auth service for social logins, at AWS OIDC
 * ({@code grantType refresh_token} with the client registration) for IdC logins. Knows nothing of files or locks.
 */
class KiroRefresher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String socialUrl;
    private final String idcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param socialUrl and idcUrl may contain {@code {region}} */
    KiroRefresher(String socialUrl, String idcUrl) {
        this.socialUrl = socialUrl;
        this.idcUrl = idcUrl;
    }

    /**
     * @param clientRegistration {@code clientId} and {@code clientSecret} for IdC tokens, null for social ones
     * @return the answer: accessToken, and where given refreshToken, profileArn, expiresIn (seconds)
     */
    ObjectNode refresh(KiroToken token, ObjectNode clientRegistration) throws RefreshFailedException {
        if (token.refreshToken() == null) {
            throw new RefreshFailedException(false, "the token file has no refreshToken");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        String url;
        if (clientRegistration == null) {
            url = KiroOptions.forRegion(socialUrl, token.region());
            body.put("refreshToken", token.refreshToken());
        } else {
            url = KiroOptions.forRegion(idcUrl, token.region());
            body.put("grantType", "refresh_token");
            body.put("clientId", clientRegistration.path("clientId").asText());
            body.put("clientSecret", clientRegistration.path("clientSecret").asText());
            body.put("refreshToken", token.refreshToken());
        }
        HttpResponse<byte[]> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            throw new RefreshFailedException(false, url + " could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshFailedException(false, "interrupted while calling " + url);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 400 || status == 401) {
            throw new RefreshFailedException(true, url + " rejected the refresh token (" + status + describe(answer) + ")");
        }
        if (status < 200 || status >= 300) {
            throw new RefreshFailedException(false, url + " answered " + status + describe(answer));
        }
        if (!(answer instanceof ObjectNode fields) || !answer.path("accessToken").isTextual()) {
            throw new RefreshFailedException(false, url + " answered without an accessToken");
        }
        return fields;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? Json.MAPPER.missingNode() : Json.parse(body);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }

    /** The error the service gave, never anything else of its answer (which could hold a token). */
    private static String describe(JsonNode answer) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {"error", "error_description", "message"}) {
            JsonNode value = answer.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                text.append(text.isEmpty() ? ": " : ", ").append(value.asText());
            }
        }
        return UpstreamExcerpt.of(text.toString());
    }

    /** A refresh that did not give a token; {@link #rejected} when the service refused the refresh token itself. */
    static final class RefreshFailedException extends Exception {
        private final boolean rejected;

        RefreshFailedException(boolean rejected, String message) {
            super(message, null, false, false);
            this.rejected = rejected;
        }

        boolean rejected() {
            return rejected;
        }
    }
}
