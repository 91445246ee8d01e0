package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.TeamGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user keys through the real router, without Redis: the admin API, what a key may do, its limits and usage. */
class UserKeysTest {
    @TempDir
    static Path dir;
    static MockUpstream primary;
    static MockUpstream secondary;
    static TeamGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        primary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TeamGateway.OK, Map.of()));
        secondary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TeamGateway.OK, Map.of()));
        // priced per million tokens so that one answer (7 input, 2 output tokens) costs $1.70 on either provider
        gateway = new TeamGateway(primary, secondary, dir, Map.of(
                "ccr.models.primary.claude-sonnet-4-5.input-price", "100000",
                "ccr.models.primary.claude-sonnet-4-5.output-price", "500000",
                "ccr.models.secondary.claude-sonnet-4-5.input-price", "100000",
                "ccr.models.secondary.claude-sonnet-4-5.output-price", "500000"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        primary.close();
        secondary.close();
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndCountedUnderItsName() throws Exception {
        String secret = gateway.createKey("{\"name\":\"alice\"}");

        HttpResponse<String> answer = gateway.message(secret);
        JsonNode listed = gateway.getJson("/admin/keys");
        String saved = Files.readString(dir.resolve("keys.json"));
        JsonNode stats = gateway.getJson("/stats");
        String metrics = gateway.metrics();

        assertThat(secret).startsWith("ccr-vk-").hasSizeGreaterThan(40);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(listed.toString()).contains("\"name\":\"alice\"").doesNotContain(secret).doesNotContain("hash");
        assertThat(saved).contains("alice").contains(KeySecret.hash(secret)).doesNotContain(secret);
        JsonNode usage = stats.path("keys").path("alice");
        assertThat(usage.path("requests").asLong()).isEqualTo(1);
        assertThat(usage.path("inputTokens").asLong()).isEqualTo(7);
        assertThat(usage.path("outputTokens").asLong()).isEqualTo(2);
        assertThat(usage.path("cacheTokens").asLong()).isEqualTo(4);
        assertThat(metrics).contains("ccr_key_requests_total{key=\"alice\"} 1.0")
                .contains("ccr_key_tokens_total{key=\"alice\",type=\"output\"} 2.0").doesNotContain(secret);
    }

    @Test
    void namesAreCheckedAndOnlyTheRouterKeyAdministersKeys() throws Exception {
        String secret = gateway.createKey("{\"name\":\"bob\"}");

        HttpResponse<String> badName = gateway.admin("POST", "/admin/keys", "{\"name\":\"Bob {{env:HOME}}\"}");
        HttpResponse<String> duplicate = gateway.admin("POST", "/admin/keys", "{\"name\":\"bob\"}");
        HttpResponse<String> unknownProvider = gateway.admin("POST", "/admin/keys",
                "{\"name\":\"carol\",\"providers\":[\"nowhere\"]}");
        HttpResponse<String> byUserKey = gateway.router.client().send(java.net.http.HttpRequest.newBuilder(
                gateway.router.uri("/admin/keys")).header("x-api-key", secret).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.body()).contains("invalid_request_error").contains("name: must be").doesNotContain("HOME");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(unknownProvider.statusCode()).isEqualTo(400);
        assertThat(byUserKey.statusCode()).isEqualTo(401);
    }

    @Test
    void overItsRequestsPerMinuteAKeyGets429WithRetryAfter() throws Exception {
        String secret = gateway.createKey("{\"name\":\"dave\",\"limits\":{\"requestsPerMinute\":2}}");

        int first = gateway.message(secret).statusCode();
        int second = gateway.message(secret).statusCode();
        HttpResponse<String> third = gateway.message(secret);

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Json.parse(third.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(third.body()).contains("2 requests per minute");
        assertThat(Long.parseLong(third.headers().firstValue("retry-after").orElseThrow())).isBetween(1L, 60L);
    }

    @Test
    void overItsTokensPerDayAKeyWaits() throws Exception {
        // each answer reports 7 input and 2 output tokens: the first request spends the whole allowance
        String secret = gateway.createKey("{\"name\":\"erin\",\"limits\":{\"tokensPerDay\":9}}");

        int first = gateway.message(secret).statusCode();
        HttpResponse<String> second = gateway.message(secret);

        assertThat(first).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("9 tokens per day");
        assertThat(second.headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void overItsSpendPerMonthAKeyWaitsAndItsSpendIsPricedFromTheCatalog() throws Exception {
        String secret = gateway.createKey("{\"name\":\"hank\",\"limits\":{\"spendPerMonth\":1}}");

        int first = gateway.message(secret).statusCode();
        HttpResponse<String> second = gateway.message(secret);
        JsonNode usage = gateway.getJson("/stats").path("keys").path("hank");

        assertThat(first).isEqualTo(200);
        assertThat(usage.path("spend").asDouble()).isCloseTo(1.70, org.assertj.core.data.Offset.offset(0.001));
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("per month");
        assertThat(second.headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void aKeyUsesOnlyItsModelsAndProviders() throws Exception {
        String secret = gateway.createKey("{\"name\":\"frank\",\"providers\":[\"secondary\"],"
                + "\"models\":[\"claude-sonnet-4-5\"]}");

        HttpResponse<String> allowed = gateway.message(secret);
        HttpResponse<String> otherModel = gateway.message(secret, TeamGateway.MESSAGE.replace("claude-sonnet-4-5",
                "claude-opus-4-1"));

        assertThat(allowed.statusCode()).isEqualTo(200);
        // the admin test route prefers primary (priority 1): the key moves the request on to secondary
        assertThat(allowed.headers().firstValue("x-ccr-provider")).hasValue("secondary");
        assertThat(otherModel.statusCode()).isEqualTo(403);
        assertThat(otherModel.body()).contains("permission_error");
    }

    @Test
    void aRevokedKeyIsRefused() throws Exception {
        String secret = gateway.createKey("{\"name\":\"gina\"}");
        int before = gateway.message(secret).statusCode();

        HttpResponse<String> revoked = gateway.admin("DELETE", "/admin/keys/gina", null);
        HttpResponse<String> after = gateway.message(secret);
        HttpResponse<String> again = gateway.admin("DELETE", "/admin/keys/gina", null);

        assertThat(before).isEqualTo(200);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("authentication_error");
        assertThat(again.statusCode()).isEqualTo(404);
    }
}
