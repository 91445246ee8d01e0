package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.stats.LogCapture;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base URLs written the way providers document them — with the API version ({@code …/v1}, {@code …/api/v1},
 * {@code …/v1beta}) or without — reach the provider's exact path, and a 404 for a wrong URL reads as a configuration
 * mistake, not as an unknown model. The mocks answer only the exact paths the real APIs have, as OpenAI does: any
 * other path gets OpenAI's "Invalid URL" 404.
 */
class BaseUrlFormsTest {
    static final Set<String> OPENAI_PATHS = Set.of("/v1/chat/completions", "/api/v1/chat/completions",
            "/openai/v1/chat/completions");
    static MockUpstream upstream;
    static RouterHarness router;
    static List<String> startLog;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/", (ex, req) -> {
            String path = ex.getRequestURI().getPath();
            if (OPENAI_PATHS.contains(path) && "POST".equals(req.method())) {
                JsonNode body = Json.parse(req.body());
                if (body.path("model").asText().equals("no-such-model")) {
                    MockUpstream.json(ex, 404, "{\"error\":{\"message\":\"The model `no-such-model` does not exist or "
                            + "you do not have access to it.\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}",
                            Map.of());
                    return;
                }
                MockUpstream.json(ex, 200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"pong\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}", Map.of());
            } else if (path.startsWith("/v1beta/models/gemini-2.5-flash:generateContent")) {
                MockUpstream.json(ex, 200, "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":"
                        + "\"pong\"}]},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":3,"
                        + "\"candidatesTokenCount\":1}}", Map.of());
            } else {
                MockUpstream.json(ex, 404, "{\"error\":{\"message\":\"Invalid URL (" + req.method() + " " + path
                        + ")\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}", Map.of());
            }
        });
        String base = upstream.baseUrl();
        Map<String, String> properties = new HashMap<>();
        openai(properties, "plain", base);
        openai(properties, "versioned", base + "/v1");
        openai(properties, "slashed", base + "/v1/");
        openai(properties, "routerstyle", base + "/api/v1");
        openai(properties, "groqstyle", base + "/openai/v1");
        openai(properties, "groqbare", base + "/openai");
        openai(properties, "wrongpath", base + "/wrong");
        gemini(properties, "geminiplain", base);
        gemini(properties, "geminiversioned", base + "/v1beta");
        try (LogCapture log = new LogCapture("dev.ccr.RouterConfiguration")) {
            router = RouterHarness.start(properties);
            startLog = log.lines();
        }
    }

    static void openai(Map<String, String> properties, String name, String baseUrl) {
        properties.put("ccr.providers." + name + ".protocol", "openai");
        properties.put("ccr.providers." + name + ".base-url", baseUrl);
        properties.put("ccr.providers." + name + ".api-key", "sk-test-" + name + "-0123456789");
    }

    static void gemini(Map<String, String> properties, String name, String baseUrl) {
        properties.put("ccr.providers." + name + ".protocol", "gemini");
        properties.put("ccr.providers." + name + ".base-url", baseUrl);
        properties.put("ccr.providers." + name + ".api-key", "gm-test-" + name + "-0123456789");
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    static HttpResponse<String> ask(String target) throws Exception {
        return router.post("/v1/messages", "{\"model\":\"" + target + "\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());
    }

    @ParameterizedTest
    @CsvSource({
            "plain,           /v1/chat/completions",
            "versioned,       /v1/chat/completions",
            "slashed,         /v1/chat/completions",
            "routerstyle,     /api/v1/chat/completions",
            "groqstyle,       /openai/v1/chat/completions",
            "groqbare,        /openai/v1/chat/completions",
            "geminiplain,     /v1beta/models/gemini-2.5-flash:generateContent",
            "geminiversioned, /v1beta/models/gemini-2.5-flash:generateContent"})
    void everyFormOfTheBaseUrlReachesTheProvidersPath(String provider, String path) throws Exception {
        String model = provider.startsWith("gemini") ? "gemini-2.5-flash" : "gpt-4.1";

        HttpResponse<String> response = ask(provider + "," + model);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("content").get(0).path("text").asText()).isEqualTo("pong");
        assertThat(upstream.last().path()).isEqualTo(path);
        assertThat(startLog).anyMatch(line -> line.startsWith("Provider " + provider + " (")
                && line.contains("requests go to " + upstream.baseUrl() + path.replace("gemini-2.5-flash", "{model}")
                .replace(":generateContent", ":streamGenerateContent")));
    }

    @Test
    void aWrongUrlIsReportedAsTheBaseUrlsFaultNotAsAnUnknownModel() throws Exception {
        HttpResponse<String> response = ask("wrongpath,gpt-4.1");

        assertThat(upstream.last().path()).isEqualTo("/wrong/v1/chat/completions");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("x-should-retry")).hasValue("false");
        JsonNode error = Json.parse(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("message").asText())
                .contains("404", upstream.baseUrl() + "/wrong/v1/chat/completions", "ccr.providers.wrongpath.base-url")
                .contains("not the model");
    }

    @Test
    void aModelTheProviderDoesNotHaveIsStillNotFound() throws Exception {
        HttpResponse<String> response = ask("versioned,no-such-model");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = Json.parse(response.body()).path("error");
        assertThat(error.path("message").asText()).contains("does not exist");
        assertThat(response.headers().firstValue("x-should-retry")).isEmpty();
    }
}
