package dev.ccr.router;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The router with two providers, "primary" and "secondary", each a real mock server on loopback, and the test
 * routes of src/test/resources/routes/balancing (one balancing strategy per route, chosen by X-Test-Strategy).
 */
final class TwoProviders implements AutoCloseable {
    static final String OK = "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":2}}";

    final MockUpstream primary;
    final MockUpstream secondary;
    final RouterHarness router;

    TwoProviders(Map<String, String> extra) throws Exception {
        primary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, OK, Map.of()));
        secondary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, OK, Map.of()));
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:src/test/resources/routes/balancing/*.camel.yaml");
        for (String name : new String[]{"primary", "secondary"}) {
            String p = "ccr.providers." + name + ".";
            properties.put(p + "protocol", "anthropic");
            properties.put(p + "base-url", (name.equals("primary") ? primary : secondary).baseUrl());
            properties.put(p + "api-key", name + "-key-0123456789");
            properties.put(p + "breaker.minimum-number-of-calls", "4");
            properties.put(p + "breaker.sliding-window-size", "4");
            properties.put(p + "breaker.wait-duration-in-open-state", "1s");
        }
        properties.put("ccr.providers.primary.weight", "3");
        properties.put("ccr.providers.secondary.weight", "1");
        properties.put("ccr.providers.secondary.priority", "2");
        properties.putAll(extra);
        router = RouterHarness.start(properties);
    }

    HttpResponse<String> send(String strategy, boolean stream, String session) throws Exception {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Test-Strategy", strategy);
        if (session != null) {
            headers.put("X-Claude-Code-Session-Id", session);
        }
        return router.post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", headers);
    }

    static String servedBy(HttpResponse<String> response) {
        return response.headers().firstValue("x-ccr-provider").orElse("none");
    }

    @Override
    public void close() {
        router.close();
        primary.close();
        secondary.close();
    }
}
