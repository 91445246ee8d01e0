package dev.ccr.e2e;

import dev.ccr.json.Json;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped configuration as a newcomer starts it: no keys set anywhere. */
class DefaultConfigurationTest {

    @Test
    void withoutAnyKeyTheRouterStartsAndSaysWhichVariableToSet() throws Exception {
        try (RouterHarness router = RouterHarness.start(Map.of())) {
            assertThat(router.get("/health").statusCode()).isEqualTo(200);

            HttpResponse<String> response = router.post("/v1/messages",
                    "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"stream\":true,\"messages\":[]}", Map.of());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Json.parse(response.body()).path("error").path("message").asText())
                    .contains("ANTHROPIC_API_KEY");
        }
    }

    @Test
    void withoutARouterKeyItRefusesToListenBeyondLoopback() {
        assertThatThrownBy(() -> RouterHarness.start(Map.of("ccr.host", "0.0.0.0")).close())
                .hasMessageContaining("config/application.properties")
                .hasMessageContaining("ccr.host")
                .hasMessageContaining("ccr.api-key");
    }

    @Test
    void aConfigurationMistakeNamesTheFileAndTheField() {
        assertThatThrownBy(() -> RouterHarness.start(Map.of("ccr.providers.anthropic.timeouts.connect", "soon")).close())
                .hasMessageContaining("config/application.properties")
                .hasMessageContaining("ccr.providers.anthropic.timeouts.connect")
                .hasMessageContaining("soon");
    }

    @Test
    void aCaFileThatHoldsNoCertificateNamesTheFileAndTheField(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");

        assertThatThrownBy(() -> RouterHarness.start(Map.of("ccr.providers.anthropic.tls.ca-file", notPem.toString()))
                .close())
                .hasMessageContaining("config/application.properties")
                .hasMessageContaining("ccr.providers.anthropic.tls.ca-file")
                .hasMessageContaining(notPem.toString());
    }
}
