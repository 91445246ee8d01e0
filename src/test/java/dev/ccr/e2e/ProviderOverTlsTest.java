package dev.ccr.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.RouterHarness;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServer;

import javax.net.ssl.KeyManagerFactory;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cloud providers answer over HTTPS and HTTP/2: a provider on loopback with a certificate of its own authority
 * (trusted through {@code tls.ca-file}) takes a large request and streams its answer event by event over HTTP/2,
 * and the same provider without that setting is refused with a message that says what to do.
 */
class ProviderOverTlsTest {
    private static final String PASSWORD = "changeit";
    private static final String PROVIDER_KEY = "sk-ant-tls-provider-key-0123456789";

    @TempDir
    static Path dir;
    static DisposableServer upstream;
    static RouterHarness router;
    static final List<Seen> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    static volatile CompletableFuture<Void> clientSawFirstEvent = new CompletableFuture<>();

    record Seen(HttpVersion version, String apiKey, byte[] body) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = dir.resolve("upstream.p12");
        Path caFile = dir.resolve("upstream-ca.pem");
        keytool("-genkeypair", "-alias", "upstream", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "upstream", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", caFile.toString());
        Http2SslContextSpec serverTls = Http2SslContextSpec.forServer(keyManagers(keyStore));
        upstream = HttpServer.create().host("127.0.0.1").port(0)
                .secure(ssl -> ssl.sslContext(serverTls))
                .protocol(HttpProtocol.H2, HttpProtocol.HTTP11)
                .route(routes -> routes.post("/v1/messages", (request, response) -> request.receive().aggregate()
                        .asByteArray()
                        .flatMapMany(body -> {
                            seen.add(new Seen(request.version(), request.requestHeaders().get("x-api-key"), body));
                            return response.header("content-type", "text/event-stream").sendString(Flux.concat(
                                    Mono.just("event: message_start\ndata: {\"type\":\"message_start\"}\n\n"),
                                    // a buffering router would never let the client see the first event before this
                                    Mono.fromFuture(clientSawFirstEvent).timeout(Duration.ofSeconds(10))
                                            .onErrorResume(e -> Mono.empty()).then(Mono.empty()),
                                    Mono.just("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n")));
                        })))
                .bindNow();
        String baseUrl = "https://127.0.0.1:" + upstream.port();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", baseUrl,
                "ccr.providers.anthropic.api-key", PROVIDER_KEY,
                "ccr.providers.anthropic.tls.ca-file", caFile.toString(),
                "ccr.providers.untrusted.protocol", "anthropic",
                "ccr.providers.untrusted.base-url", baseUrl,
                "ccr.providers.untrusted.api-key", PROVIDER_KEY));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.disposeNow();
    }

    @Test
    void aLargeRequestGoesUpOverHttp2AndTheAnswerStreamsBackEventByEvent() throws Exception {
        ObjectNode request = Json.MAPPER.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", 100)
                .put("stream", true);
        // over the size from which the router serialises the request while it sends it
        request.putArray("messages").addObject().put("role", "user").put("content", "tls ".repeat(600_000));

        HttpResponse<InputStream> response = router.client().send(HttpRequest.newBuilder(router.uri("/v1/messages"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(request))).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("event: message_start");
            assertThat(clientSawFirstEvent.complete(null)).as("the provider was still waiting for the client").isTrue();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("event: message_stop");
        }
        Seen call = seen.get(seen.size() - 1);
        assertThat(call.version().text()).isEqualTo("HTTP/2.0");
        assertThat(call.apiKey()).isEqualTo(PROVIDER_KEY);
        assertThat(Json.parse(call.body())).isEqualTo(request);
    }

    @Test
    void aProviderWhoseCertificateIsNotTrustedIsRefusedWithWhatToSet() throws Exception {
        int before = seen.size();

        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"untrusted,claude-sonnet-4-5\","
                + "\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Json.parse(response.body()).path("error").path("message").asText())
                .contains("Provider 'untrusted' failed the TLS handshake")
                .contains("ccr.providers.untrusted.tls.ca-file");
        assertThat(response.body()).doesNotContain(PROVIDER_KEY);
        assertThat(seen).hasSize(before);
    }

    private static KeyManagerFactory keyManagers(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        return factory;
    }

    /** The JDK's own keytool: a certificate made for this test, with no extra library. */
    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
