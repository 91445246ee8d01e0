package dev.ccr.e2e;

import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router as a user starts it — its own JVM, the main class, the shipped config — with settings overridden by
 * environment variables the Camel way (ccr.port ← CCR_PORT, ccr.api-key ← CCR_API_KEY).
 */
class EnvironmentOverrideTest {

    @Test
    void environmentVariablesOverrideTheConfigFile() throws Exception {
        int port = RouterHarness.freePort();
        Path log = Files.createTempFile("router", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ccr.CamelCodeRouter")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CCR_PORT", Integer.toString(port));
        builder.environment().put("CCR_API_KEY", "router-key-from-env-123");
        builder.environment().put("CCR_ROUTES_RELOAD", "false");
        builder.environment().remove("ANTHROPIC_API_KEY");
        Process router = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (health == null && System.nanoTime() < deadline && router.isAlive()) {
                try {
                    health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(health).as("router answered on CCR_PORT; log: %s", Files.readString(log)).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);

            HttpRequest message = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/messages"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}")).build();
            assertThat(client.send(message, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpResponse<String> withKey = client.send(HttpRequest.newBuilder(message.uri())
                    .header("content-type", "application/json").header("x-api-key", "router-key-from-env-123")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withKey.statusCode()).isEqualTo(503);
            assertThat(withKey.body()).contains("ANTHROPIC_API_KEY");
            assertThat(Files.readString(log)).doesNotContain("router-key-from-env-123");
        } finally {
            router.destroy();
            router.waitFor();
        }
    }
}
