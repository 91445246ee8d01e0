package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.Redactor;
import dev.ccr.provider.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KiroTokenCredentialsTest {
    private static final Duration MARGIN = Duration.ofSeconds(600);

    @TempDir
    Path dir;
    private RefreshEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        endpoint = new RefreshEndpoint();
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void aValidTokenIsSentWithoutRefreshing() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-valid-0001", "refresh-valid-0001", inSeconds(3600));

        KiroTokenCredentials credentials = credentials(file);

        assertThat(credentials.missingReason()).isNull();
        assertThat(authorization(credentials)).isEqualTo("Bearer access-valid-0001");
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void aTokenWithinTheMarginIsRefreshedAndWrittenBackAtomically() throws Exception {
        Path file = tokenFile("kiro-auth-token.json", "access-old-00002", "refresh-old-00002", inSeconds(300));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        endpoint.answer(call -> new RefreshEndpoint.Answer(200, "{\"accessToken\":\"access-new-00002\","
                + "\"refreshToken\":\"refresh-new-00002\",\"profileArn\":\"arn:new\",\"expiresIn\":3600}"));

        KiroTokenCredentials credentials = credentials(file);

        assertThat(authorizationAfterRefresh(credentials, "Bearer access-new-00002")).isEqualTo("Bearer access-new-00002");
        assertThat(endpoint.calls()).hasSize(1);
        assertThat(endpoint.calls().get(0).path()).isEqualTo("/us-east-1/refreshToken");
        assertThat(endpoint.calls().get(0).body().path("refreshToken").asText()).isEqualTo("refresh-old-00002");

        JsonNode written = Json.parse(Files.readAllBytes(file));
        assertThat(written.path("accessToken").asText()).isEqualTo("access-new-00002");
        assertThat(written.path("refreshToken").asText()).isEqualTo("refresh-new-00002");
        assertThat(written.path("profileArn").asText()).isEqualTo("arn:new");
        assertThat(Instant.parse(written.path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(3500));
        assertThat(written.path("provider").asText()).as("unknown field kept").isEqualTo("Github");
        assertThat(written.path("nested").path("keep").asBoolean()).as("unknown object kept").isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("kiro-auth-token.json");
        }
        // the new token is in use: no second refresh
        assertThat(authorization(credentials)).isEqualTo("Bearer access-new-00002");
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void aSymlinkedTokenFileStaysALinkAndItsTargetGetsTheRotatedRefreshToken() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Path target = tokenFile("shared/kiro-auth-token.json", "access-old-link", "refresh-old-link", inSeconds(-60));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        java.nio.file.attribute.UserPrincipal owner = Files.getOwner(target);
        Path link = Files.createSymbolicLink(dir.resolve("kiro-auth-token.json"), target);
        endpoint.grants("access-new-link", "refresh-new-link");

        assertThat(authorization(credentials(link))).isEqualTo("Bearer access-new-link");

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        JsonNode written = Json.parse(Files.readAllBytes(target));
        assertThat(written.path("refreshToken").asText()).isEqualTo("refresh-new-link");
        assertThat(written.path("provider").asText()).as("unknown field kept").isEqualTo("Github");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(Files.getOwner(target)).isEqualTo(owner);
        try (Stream<Path> files = Files.list(shared)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("kiro-auth-token.json");
        }
    }

    @Test
    void concurrentCallersWithAnExpiredTokenShareOneRefresh() throws Exception {
        Path file = tokenFile("kiro-auth-token.json", "access-old-00003", "refresh-old-00003", inSeconds(-60));
        endpoint.grants("access-new-00003", "refresh-new-00003");
        endpoint.delay(300);
        KiroTokenCredentials credentials = credentials(file);
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit((Callable<String>) () -> {
                    go.await();
                    return authorization(credentials);
                }));
            }
            go.countDown();
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("Bearer access-new-00003");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void aRejectedRefreshReadsTheFileAgainAndTakesTheTokenAnotherToolWrote() throws Exception {
        Path file = tokenFile("kiro-auth-token.json", "access-old-00004", "refresh-old-00004", inSeconds(60));
        KiroTokenCredentials credentials = credentials(file);
        endpoint.answer(call -> {
            // meanwhile Kiro itself refreshed and rotated the refresh token
            rewrite(file, "access-kiro-00004", "refresh-kiro-00004", inSeconds(3600));
            return new RefreshEndpoint.Answer(400, "{\"message\":\"Invalid refresh token refresh-old-00004\"}");
        });

        assertThat(authorizationAfterRefresh(credentials, "Bearer access-kiro-00004"))
                .isEqualTo("Bearer access-kiro-00004");
        assertThat(credentials.missingReason()).isNull();
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void aRejectedRefreshWithARotatedButExpiringFileRefreshesOnceMoreWithTheNewRefreshToken() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-old-00005", "refresh-old-00005", inSeconds(3600));
        KiroTokenCredentials credentials = credentials(file);
        assertThat(authorization(credentials)).isEqualTo("Bearer access-old-00005");
        endpoint.answer(call -> {
            if (call.body().path("refreshToken").asText().equals("refresh-old-00005")) {
                rewrite(file, "access-other-0005", "refresh-other-0005", inSeconds(30));
                return new RefreshEndpoint.Answer(401, "{}");
            }
            return new RefreshEndpoint.Answer(200, "{\"accessToken\":\"access-new-00005\",\"expiresIn\":3600}");
        });

        assertThat(credentials.refreshAfterUnauthorized()).isTrue();
        assertThat(authorization(credentials)).isEqualTo("Bearer access-new-00005");
        assertThat(endpoint.calls()).extracting(c -> c.body().path("refreshToken").asText())
                .containsExactly("refresh-old-00005", "refresh-other-0005");
        assertThat(Json.parse(Files.readAllBytes(file)).path("refreshToken").asText())
                .as("refresh token kept when the answer has none").isEqualTo("refresh-other-0005");
    }

    @Test
    void aRejectedRefreshWithAnUnchangedFileFailsOnceAndSaysWhy() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-old-00006", "refresh-old-00006", inSeconds(-60));
        endpoint.answer(call -> new RefreshEndpoint.Answer(400,
                "{\"error\":\"invalid_grant\",\"message\":\"bad token refresh-old-00006\"}"));
        KiroTokenCredentials credentials = credentials(file);

        String reason = credentials.awaitReady();

        assertThat(reason).contains("expired").contains(file.toString()).contains("rejected the refresh token")
                .contains("invalid_grant").doesNotContain("refresh-old-00006").doesNotContain("access-old-00006");
        assertThat(endpoint.calls()).hasSize(1);
        // no new attempt for every call while it is broken
        credentials.missingReason();
        authorization(credentials);
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void a401RefreshesATokenTheFileStillCallsValid() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-revoked-07", "refresh-ok-000007", inSeconds(3600));
        endpoint.grants("access-new-00007", "refresh-new-00007");
        KiroTokenCredentials credentials = credentials(file);
        assertThat(authorization(credentials)).isEqualTo("Bearer access-revoked-07");

        assertThat(credentials.refreshAfterUnauthorized()).isTrue();

        assertThat(authorization(credentials)).isEqualTo("Bearer access-new-00007");
        assertThat(endpoint.calls()).hasSize(1);
        // a second 401 right after (a call that used the old token) reuses the new token
        assertThat(credentials.refreshAfterUnauthorized()).isTrue();
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void a401WithAFailingRefreshIsNotRetried() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-revoked-08", "refresh-bad-00008", inSeconds(3600));
        endpoint.answer(call -> new RefreshEndpoint.Answer(401, "{}"));
        KiroTokenCredentials credentials = credentials(file);
        authorization(credentials);

        assertThat(credentials.refreshAfterUnauthorized()).isFalse();
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void twoInstancesWithTwoFilesNeverExchangeTokens() throws Exception {
        Path first = tokenFile("first.json", "access-first-0009", "refresh-first-0009", inSeconds(3600));
        Path second = tokenFile("second.json", "access-second-009", "refresh-second-09", inSeconds(60));
        endpoint.grants("access-second-new9", "refresh-second-new");
        KiroTokenCredentials one = credentials(first);
        KiroTokenCredentials two = credentials(second);

        assertThat(authorizationAfterRefresh(two, "Bearer access-second-new9")).isEqualTo("Bearer access-second-new9");
        assertThat(authorization(one)).isEqualTo("Bearer access-first-0009");
        assertThat(endpoint.calls()).hasSize(1);
        assertThat(endpoint.calls().get(0).body().path("refreshToken").asText()).isEqualTo("refresh-second-09");
        assertThat(Files.readString(first)).contains("access-first-0009").doesNotContain("second");
    }

    @Test
    void tokensAppearNeitherInToStringNorInReasonsAndAreRedacted() throws IOException {
        Path file = tokenFile("kiro-auth-token.json", "access-secret-0010", "refresh-secret-0010", inSeconds(3600));
        KiroTokenCredentials credentials = credentials(file);
        authorization(credentials);

        assertThat(credentials.toString()).doesNotContain("access-secret-0010").doesNotContain("refresh-secret-0010")
                .contains("valid");
        assertThat(Redactor.redact("token access-secret-0010 and refresh-secret-0010"))
                .doesNotContain("access-secret-0010").doesNotContain("refresh-secret-0010");
    }

    @Test
    void aFileWithOnlyARefreshTokenIsRefreshedAtOnce() throws IOException {
        Path file = dir.resolve("kiro-auth-token.json");
        Files.writeString(file, "{\"refreshToken\":\"refresh-only-00016\",\"authMethod\":\"social\"}");
        endpoint.grants("access-from-refresh16", "refresh-only-00017");

        assertThat(authorization(credentials(file))).isEqualTo("Bearer access-from-refresh16");
        assertThat(endpoint.calls()).hasSize(1);
    }

    @Test
    void aMissingFileIsNamed() {
        Path absent = dir.resolve("nope/kiro-auth-token.json");

        String reason = credentials(absent).missingReason();

        assertThat(reason).contains(absent.toString()).contains("does not exist");
    }

    @Test
    void anUnreadableFileIsNamedWithoutQuotingIt() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"accessToken\": \"access-leak-0011\", oops");

        String reason = credentials(file).missingReason();

        assertThat(reason).contains(file.toString()).contains("not valid JSON").doesNotContain("access-leak-0011");
    }

    @Test
    void anIdcTokenRefreshesAtOidcWithItsClientRegistration() throws Exception {
        Path file = dir.resolve("kiro-auth-token.json");
        Files.writeString(file, Json.string(Map.of("accessToken", "access-idc-00012", "refreshToken",
                "refresh-idc-00012", "expiresAt", inSeconds(30), "authMethod", "IdC", "region", "eu-central-1",
                "clientIdHash", "abc123")));
        Files.writeString(dir.resolve("abc123.json"),
                "{\"clientId\":\"client-12\",\"clientSecret\":\"client-secret-0012\"}");
        endpoint.grants("access-idc-new12", "refresh-idc-new12");

        KiroTokenCredentials credentials = credentials(file);

        assertThat(authorizationAfterRefresh(credentials, "Bearer access-idc-new12")).isEqualTo("Bearer access-idc-new12");
        RefreshEndpoint.Call call = endpoint.calls().get(0);
        assertThat(call.path()).isEqualTo("/oidc/eu-central-1/token");
        assertThat(call.body().path("grantType").asText()).isEqualTo("refresh_token");
        assertThat(call.body().path("clientId").asText()).isEqualTo("client-12");
        assertThat(call.body().path("clientSecret").asText()).isEqualTo("client-secret-0012");
        assertThat(call.body().path("refreshToken").asText()).isEqualTo("refresh-idc-00012");
        assertThat(Redactor.redact("client-secret-0012")).doesNotContain("client-secret-0012");
    }

    @Test
    void anIdcTokenWithoutItsRegistrationFileSaysWhichFile() throws IOException {
        Path file = dir.resolve("kiro-auth-token.json");
        Files.writeString(file, Json.string(Map.of("accessToken", "access-idc-00013", "refreshToken",
                "refresh-idc-00013", "expiresAt", inSeconds(-30), "authMethod", "IdC", "clientIdHash", "zzz")));

        assertThat(credentials(file).awaitReady()).contains(dir.resolve("zzz.json").toString());
        assertThat(endpoint.calls()).isEmpty();
    }

    @Test
    void theFactoryReadsTheOptions() throws Exception {
        Path file = tokenFile("kiro-auth-token.json", "access-fact-00014", "refresh-fact-00014", inSeconds(1200));
        endpoint.grants("access-fact-new14", "refresh-fact-new14");

        Credentials defaults = new KiroCredentialsFactory().create(KiroTestSettings.provider("kiro",
                Map.of("token-path", file.toString())), null);
        assertThat(authorization(defaults)).isEqualTo("Bearer access-fact-00014"); // 20 min left > 10 min margin

        Credentials wideMargin = new KiroCredentialsFactory().create(KiroTestSettings.provider("kiro",
                Map.of("token-path", file.toString(), "refresh-margin", "30m",
                        "refresh-url", endpoint.url("/{region}/refreshToken"))), null);
        assertThat(authorizationAfterRefresh(wideMargin, "Bearer access-fact-new14")).isEqualTo("Bearer access-fact-new14");
        assertThat(KiroOptions.expandHome("~/.aws/x.json"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".aws/x.json"));
    }

    // --- helpers

    private KiroTokenCredentials credentials(Path file) {
        return new KiroTokenCredentials("kiro", new KiroTokenFile(file),
                new KiroRefresher(endpoint.url("/{region}/refreshToken"), endpoint.url("/oidc/{region}/token")),
                MARGIN, Clock.systemUTC());
    }

    private Path tokenFile(String name, String access, String refresh, String expiresAt) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "{\n  \"accessToken\": \"" + access + "\",\n  \"refreshToken\": \"" + refresh
                + "\",\n  \"expiresAt\": \"" + expiresAt + "\",\n  \"authMethod\": \"social\",\n"
                + "  \"provider\": \"Github\",\n  \"region\": \"us-east-1\",\n  \"nested\": {\"keep\": true}\n}\n");
        Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        return file;
    }

    private static void rewrite(Path file, String access, String refresh, String expiresAt) {
        try {
            Files.writeString(file, "{\"accessToken\":\"" + access + "\",\"refreshToken\":\"" + refresh
                    + "\",\"expiresAt\":\"" + expiresAt + "\",\"authMethod\":\"social\"}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String inSeconds(long seconds) {
        return Instant.now().plusSeconds(seconds).toString();
    }

    /** The header a call gets, asked for as the provider client does (awaitReady, then authorize). */
    static String authorization(Credentials credentials) {
        credentials.awaitReady();
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        credentials.authorize(headers::put);
        return headers.get("Authorization");
    }

    /** The header calls get once the background refresh a still-valid token started has finished. */
    static String authorizationAfterRefresh(Credentials credentials, String expected) throws InterruptedException {
        String seen = authorization(credentials);
        for (int i = 0; i < 200 && !expected.equals(seen); i++) {
            Thread.sleep(50);
            seen = authorization(credentials);
        }
        return seen;
    }
}
