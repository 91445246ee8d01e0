package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real router with a router key, two mock providers ("primary", priority 1, any model; "secondary", priority 2,
 * two listed models), the admin test routes, and an overrides file of the test's choosing.
 */
final class AdminTestRouter implements AutoCloseable {
    static final String KEY = "router-key-for-admin-tests";
    static final String PROVIDER_KEY = "provider-secret-0123456789";
    static final String OK = "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

    final MockUpstream primary;
    final MockUpstream secondary;
    final RouterHarness router;
    final Path overridesFile;

    AdminTestRouter(Path overridesFile) throws Exception {
        this(overridesFile, Map.of());
    }

    /** @param more further router properties (another provider, model catalog entries) on top of the above */
    AdminTestRouter(Path overridesFile, Map<String, String> more) throws Exception {
        this.overridesFile = overridesFile;
        primary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, OK, Map.of()));
        secondary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, OK, Map.of()));
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:src/test/resources/routes/admin/*.camel.yaml");
        properties.put("ccr.api-key", KEY);
        properties.put("ccr.admin.overrides-file", overridesFile.toString());
        for (String name : new String[]{"primary", "secondary"}) {
            String p = "ccr.providers." + name + ".";
            properties.put(p + "protocol", "anthropic");
            properties.put(p + "base-url", (name.equals("primary") ? primary : secondary).baseUrl());
            properties.put(p + "api-key", PROVIDER_KEY);
        }
        properties.put("ccr.providers.primary.weight", "3");
        properties.put("ccr.providers.secondary.priority", "2");
        properties.put("ccr.providers.secondary.models", "claude-haiku-4.5,claude-sonnet-4-5");
        properties.putAll(more);
        router = RouterHarness.start(properties);
    }

    /** The router's port, e.g. for a browser. */
    String baseUrl() {
        return "http://127.0.0.1:" + router.port();
    }

    HttpResponse<String> getRouting(String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri("/admin/routing")).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("x-api-key", key);
        }
        return router.client().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode routing() throws Exception {
        HttpResponse<String> response = getRouting(KEY);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /admin/routing: " + response.statusCode() + " " + response.body());
        }
        return Json.parse(response.body());
    }

    HttpResponse<String> put(String json) throws Exception {
        return router.client().send(HttpRequest.newBuilder(router.uri("/admin/routing")).timeout(Duration.ofSeconds(10))
                .header("x-api-key", KEY).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends one message request; answers which provider served it. */
    String sendMessage() throws Exception {
        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of("x-api-key", KEY));
        if (response.statusCode() != 200) {
            throw new AssertionError("POST /v1/messages: " + response.statusCode() + " " + response.body());
        }
        return response.headers().firstValue("x-ccr-provider").orElse("none");
    }

    /** The provider in the routing view, by name. */
    JsonNode provider(JsonNode routing, String name) {
        for (JsonNode p : routing.get("providers")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + name + " in " + routing);
    }

    @Override
    public void close() {
        router.close();
        primary.close();
        secondary.close();
    }
}
