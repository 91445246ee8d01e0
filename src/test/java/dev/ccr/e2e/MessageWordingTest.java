package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.TestProviders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user reads when a provider cannot be used: a grammatical sentence that names the next step. */
class MessageWordingTest {
    static RouterHarness router;

    @BeforeAll
    static void start() {
        router = RouterHarness.start(Map.of(
                "ccr.providers.keyless.protocol", "openai",
                "ccr.providers.keyless.base-url", TestProviders.NOWHERE,
                "ccr.providers.keyless.api-key-env", "CCR_TEST_KEY_THAT_IS_NEVER_SET",
                "ccr.providers.nowhere.protocol", "openai",
                "ccr.providers.nowhere.base-url", TestProviders.NOWHERE,
                "ccr.providers.nowhere.api-key", "sk-test-nowhere-0123456789",
                "ccr.providers.nowhere.breaker.minimum-number-of-calls", "100"));
    }

    @AfterAll
    static void stop() {
        router.close();
    }

    static JsonNode error(String target, int status) throws Exception {
        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"" + target + "\",\"max_tokens\":50,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return Json.parse(response.body()).path("error");
    }

    @Test
    void aProviderWithoutAKeySaysWhichVariableToSetAndWhere() throws Exception {
        assertThat(error("keyless,gpt-4.1", 503).path("message").asText()).isEqualTo("Provider 'keyless' has no API "
                + "key: set CCR_TEST_KEY_THAT_IS_NEVER_SET in the router's environment and restart it");
    }

    @Test
    void aProviderThatRefusesTheConnectionNamesWhereTheRouterLooked() throws Exception {
        assertThat(error("nowhere,gpt-4.1", 503).path("message").asText()).isEqualTo(
                "Provider 'nowhere' refused the connection: check that it runs at " + TestProviders.NOWHERE
                        + " (base-url)");
    }
}
