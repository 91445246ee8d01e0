package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One router instance of a team gateway: the router key, the mock providers "primary" and "secondary" given to it,
 * test routes, its own state directory (overrides, keys), and any further properties (e.g. {@code ccr.redis.url}).
 */
public final class TeamGateway implements AutoCloseable {
    public static final String ADMIN_KEY = "router-admin-key-for-team-tests";
    public static final String OK = "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":3,"
            + "\"output_tokens\":2,\"cache_read_input_tokens\":4}}";
    public static final String MESSAGE = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    public final RouterHarness router;

    public TeamGateway(MockUpstream primary, MockUpstream secondary, Path stateDir, Map<String, String> extra) {
        this(primary, secondary, stateDir, "admin", extra);
    }

    /** @param routes the folder of test routes under src/test/resources/routes */
    public TeamGateway(MockUpstream primary, MockUpstream secondary, Path stateDir, String routes,
                       Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:src/test/resources/routes/" + routes + "/*.camel.yaml");
        properties.put("ccr.api-key", ADMIN_KEY);
        properties.put("ccr.admin.overrides-file", stateDir.resolve("routing-overrides.json").toString());
        for (String name : new String[]{"primary", "secondary"}) {
            String p = "ccr.providers." + name + ".";
            properties.put(p + "protocol", "anthropic");
            properties.put(p + "base-url", (name.equals("primary") ? primary : secondary).baseUrl());
            properties.put(p + "api-key", "provider-secret-0123456789");
        }
        properties.put("ccr.providers.secondary.priority", "2");
        properties.putAll(extra);
        router = RouterHarness.start(properties);
    }

    /** A Messages request with this key; answers the response (status, x-ccr-provider, body). */
    public HttpResponse<String> message(String key) throws Exception {
        return message(key, MESSAGE);
    }

    public HttpResponse<String> message(String key, String body) throws Exception {
        return router.post("/v1/messages", body, Map.of("x-api-key", key));
    }

    public HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri(path)).timeout(Duration.ofSeconds(10))
                .header("x-api-key", ADMIN_KEY);
        if (json != null) {
            request.header("content-type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        return router.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a key through the admin API and answers its secret. */
    public String createKey(String json) throws Exception {
        HttpResponse<String> created = admin("POST", "/admin/keys", json);
        if (created.statusCode() != 201) {
            throw new AssertionError("POST /admin/keys: " + created.statusCode() + " " + created.body());
        }
        return Json.parse(created.body()).get("key").asText();
    }

    public JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = admin("GET", path, null);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body());
    }

    public String metrics() throws Exception {
        return admin("GET", "/metrics", null).body();
    }

    @Override
    public void close() {
        router.close();
    }
}
