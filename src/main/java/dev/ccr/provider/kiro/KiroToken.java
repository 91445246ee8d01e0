package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The contents of a Kiro token file ({@code kiro-auth-token.json}). {@link #file()} is the whole document as read,
 * so that fields this class does not know survive a write-back. {@link #toString()} shows no secret.
 */
record KiroToken(String accessToken, String refreshToken, Instant expiresAt, String profileArn, String region,
                 String authMethod, String clientIdHash, ObjectNode file) {
    static final String DEFAULT_REGION = "us-east-1";

    static KiroToken from(ObjectNode file) {
        return new KiroToken(text(file, "accessToken"), text(file, "refreshToken"), instant(file.get("expiresAt")),
                text(file, "profileArn"), Objects.requireNonNullElse(text(file, "region"), DEFAULT_REGION),
                text(file, "authMethod"), text(file, "clientIdHash"), file);
    }

    /**
     * Social logins (GitHub, Google) refresh at Kiro's auth service; everything else (IdC, Builder ID) at AWS OIDC
     * with the client registration named by clientIdHash.
     */
    boolean isSocial() {
        return authMethod == null ? clientIdHash == null : authMethod.equalsIgnoreCase("social");
    }

    /**
     * True when there is no access token, or it expires within the margin. A token without a known expiry is
     * refreshed only after a 401.
     */
    boolean expiresWithin(Duration margin, Instant now) {
        return accessToken == null || expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }

    boolean isExpired(Instant now) {
        return expiresWithin(Duration.ZERO, now);
    }

    boolean sameSecretsAs(KiroToken other) {
        return other != null && Objects.equals(accessToken, other.accessToken)
                && Objects.equals(refreshToken, other.refreshToken);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static Instant instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "KiroToken[accessToken " + (accessToken == null ? "missing" : "set") + ", refreshToken "
                + (refreshToken == null ? "missing" : "set") + ", expiresAt " + expiresAt + ", region " + region
                + ", authMethod " + authMethod + "]";
    }
}
