package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API end to end through the real router: what it shows, what it refuses, and what a change does. */
class AdminApiTest extends AdminRouterTest {
    @BeforeEach
    void noOverrides() throws Exception {
        StringBuilder modelMap = new StringBuilder();
        admin.routing().get("modelMap").fieldNames().forEachRemaining(m ->
                modelMap.append(modelMap.isEmpty() ? "" : ",").append('"').append(m).append("\":null"));
        String reset = "{\"priority\":null,\"weight\":null,\"enabled\":null}";
        assertThat(admin.put("{\"providers\":{\"primary\":" + reset + ",\"secondary\":" + reset + "},\"modelMap\":{"
                + modelMap + "}}").statusCode()).isEqualTo(200);
        for (MockUpstream mock : List.of(admin.primary, admin.secondary)) {
            mock.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, AdminTestRouter.OK, Map.of()));
        }
    }

    @Test
    void requiresTheRouterKey() throws Exception {
        HttpResponse<String> missing = admin.getRouting(null);
        HttpResponse<String> wrong = admin.getRouting("not-the-key");
        HttpResponse<String> change = admin.router.client().send(HttpRequest.newBuilder(admin.router.uri("/admin/routing"))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"providers\":{\"primary\":{\"enabled\":false}}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(change.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("authentication_error");
        assertThat(admin.provider(admin.routing(), "primary").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void showsProvidersWithStatusAndTheRoutingTable() throws Exception {
        admin.sendMessage();

        JsonNode routing = admin.routing();

        JsonNode primary = admin.provider(routing, "primary");
        assertThat(primary.get("protocol").asText()).isEqualTo("anthropic");
        assertThat(primary.get("baseUrl").asText()).isEqualTo(admin.primary.baseUrl());
        assertThat(primary.get("priority").asInt()).isEqualTo(1);
        assertThat(primary.get("weight").asInt()).isEqualTo(3);
        assertThat(primary.get("enabled").asBoolean()).isTrue();
        assertThat(primary.get("status").asText()).isEqualTo("up");
        assertThat(primary.get("breaker").asText()).isEqualTo("CLOSED");
        assertThat(primary.get("inFlight").asInt()).isZero();
        assertThat(primary.get("firstByteMillis").isNumber()).isTrue();
        assertThat(primary.get("calls").asLong()).isPositive();
        JsonNode secondary = admin.provider(routing, "secondary");
        assertThat(secondary.get("priority").asInt()).isEqualTo(2);
        assertThat(secondary.get("models")).extracting(JsonNode::asText)
                .containsExactly("claude-haiku-4.5", "claude-sonnet-4-5");

        JsonNode defaultRoute = category(routing, "default");
        assertThat(defaultRoute.get("routeId").asText()).isEqualTo("prefer-the-best-priority");
        assertThat(defaultRoute.get("strategy").asText()).isEqualTo("PriorityBalancer");
        assertThat(defaultRoute.get("targets").toString())
                .isEqualTo("[{\"provider\":\"primary\",\"model\":null},{\"provider\":\"secondary\",\"model\":null}]");
        JsonNode background = category(routing, "background");
        assertThat(background.get("strategy").asText()).isEqualTo("weighted");
        assertThat(background.get("targets").toString()).isEqualTo("[{\"provider\":\"primary\",\"model\":\"claude-haiku-4-5\"},"
                + "{\"provider\":\"secondary\",\"model\":\"claude-haiku-4.5\"}]");
        assertThat(category(routing, "explicit").get("strategy").asText()).isEqualTo("dynamic");
    }

    @Test
    void neverShowsSecrets() throws Exception {
        String body = admin.getRouting(AdminTestRouter.KEY).body();

        assertThat(body).doesNotContain(AdminTestRouter.PROVIDER_KEY).doesNotContain(AdminTestRouter.KEY)
                .doesNotContainIgnoringCase("api-key").doesNotContainIgnoringCase("token\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"providers":{"primary":{"priority":0}}}                 | providers.primary.priority: must be a whole number of 1 or more
            {"providers":{"primary":{"weight":2.5}}}                 | providers.primary.weight: must be a whole number of 1 or more
            {"providers":{"primary":{"weight":"70"}}}                | providers.primary.weight: must be a whole number of 1 or more
            {"providers":{"primary":{"enabled":"no"}}}               | providers.primary.enabled: must be true or false
            {"providers":{"primary":{"speed":3}}}                    | providers.primary.speed: unknown field; expected priority, weight or enabled
            {"providers":{"tertiary":{"priority":1}}}                | providers.tertiary: unknown provider; configured providers: anthropic,
            {"providers":{"primary":5}}                              | providers.primary: must be an object with priority, weight or enabled
            {"providers":[]}                                         | providers: must be an object of provider name to settings
            {"modelMap":{"claude-haiku-4-5":"secondary"}}            | modelMap.claude-haiku-4-5: must be "provider,model"
            {"modelMap":{"claude-haiku-4-5":7}}                      | modelMap.claude-haiku-4-5: must be "provider,model"
            {"modelMap":{"claude-haiku-4-5":"tertiary,m"}}           | modelMap.claude-haiku-4-5: unknown provider 'tertiary'
            {"modelMap":{"claude-haiku-4-5":"secondary,gpt-4o"}}     | modelMap.claude-haiku-4-5: provider 'secondary' does not serve model 'gpt-4o'; its models: claude-haiku-4.5, claude-sonnet-4-5
            {"routes":{}}                                            | routes: unknown field; expected providers or modelMap
            [1]                                                      | body: must be a JSON object
            {not json                                                | body: not valid JSON
            """)
    void refusesAnInvalidChangeNamingTheField(String change, String message) throws Exception {
        HttpResponse<String> response = admin.put(change);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains(message);
    }

    @Test
    void appliesNothingWhenAnyFieldIsInvalid() throws Exception {
        String before = Files.readString(admin.overridesFile);

        HttpResponse<String> response = admin.put("{\"providers\":{\"primary\":{\"enabled\":false,\"weight\":70},"
                + "\"secondary\":{\"priority\":-1}},\"modelMap\":{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\"}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).at("/error/message").asText())
                .isEqualTo("providers.secondary.priority: must be a whole number of 1 or more");
        JsonNode routing = admin.routing();
        assertThat(admin.provider(routing, "primary").get("enabled").asBoolean()).isTrue();
        assertThat(admin.provider(routing, "primary").get("weight").asInt()).isEqualTo(3);
        assertThat(routing.get("modelMap").size()).isZero();
        assertThat(Files.readString(admin.overridesFile)).isEqualTo(before);
        assertThat(admin.sendMessage()).isEqualTo("primary");
    }

    @Test
    void namesEveryInvalidField() throws Exception {
        HttpResponse<String> response = admin.put("{\"providers\":{\"primary\":{\"priority\":0,\"weight\":true}}}");

        assertThat(Json.parse(response.body()).at("/error/message").asText()).isEqualTo(
                "providers.primary.priority: must be a whole number of 1 or more; "
                        + "providers.primary.weight: must be a whole number of 1 or more");
    }

    @Test
    void disablingAProviderSendsTheNextRequestElsewhere() throws Exception {
        assertThat(admin.sendMessage()).isEqualTo("primary");

        HttpResponse<String> response = admin.put("{\"providers\":{\"primary\":{\"enabled\":false}}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode primary = admin.provider(Json.parse(response.body()), "primary");
        assertThat(primary.get("enabled").asBoolean()).isFalse();
        assertThat(primary.get("status").asText()).isEqualTo("disabled");
        assertThat(primary.get("overridden")).extracting(JsonNode::asText).containsExactly("enabled");
        assertThat(admin.sendMessage()).isEqualTo("secondary");
        assertThat(admin.sendMessage()).isEqualTo("secondary");

        admin.put("{\"providers\":{\"primary\":{\"enabled\":true}}}");

        assertThat(admin.sendMessage()).isEqualTo("primary");
    }

    @Test
    void aPriorityChangeFlipsThePriorityBalancer() throws Exception {
        assertThat(admin.sendMessage()).isEqualTo("primary");

        admin.put("{\"providers\":{\"primary\":{\"priority\":3}}}");

        assertThat(admin.sendMessage()).isEqualTo("secondary");
        assertThat(admin.provider(admin.routing(), "primary").get("priority").asInt()).isEqualTo(3);

        admin.put("{\"providers\":{\"primary\":{\"priority\":null}}}");

        assertThat(admin.provider(admin.routing(), "primary").get("priority").asInt()).isEqualTo(1);
        assertThat(admin.sendMessage()).isEqualTo("primary");
    }

    @Test
    void disablingLeavesAStreamInFlightAlone() throws Exception {
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        admin.primary.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            streaming.countDown();
            release.await(10, TimeUnit.SECONDS);
            MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        });
        HttpResponse<InputStream> held = admin.router.client().send(HttpRequest.newBuilder(admin.router.uri("/v1/messages"))
                .header("x-api-key", AdminTestRouter.KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(admin.put("{\"providers\":{\"primary\":{\"enabled\":false}}}").statusCode()).isEqualTo(200);
        assertThat(admin.sendMessage()).isEqualTo("secondary");
        release.countDown();

        try (InputStream body = held.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(held.headers().firstValue("x-ccr-provider")).hasValue("primary");
            assertThat(text).contains("message_start").contains("message_stop");
        }
    }

    @Test
    void modelMapEntriesAreAddedAndRemoved() throws Exception {
        HttpResponse<String> added = admin.put("{\"modelMap\":{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\","
                + "\"old-model\":\"primary,anything\"}}");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(Json.parse(added.body()).get("modelMap").toString())
                .isEqualTo("{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\",\"old-model\":\"primary,anything\"}");
        ModelMapOverrides map = admin.router.context().getRegistry()
                .lookupByNameAndType(dev.ccr.admin.AdminBeans.MODEL_MAP_OVERRIDES, ModelMapOverrides.class);
        assertThat(map.lookup("claude-haiku-4-5-20251001")).hasValueSatisfying(t -> {
            assertThat(t.provider()).isEqualTo("secondary");
            assertThat(t.model()).isEqualTo("claude-haiku-4.5");
        });

        admin.put("{\"modelMap\":{\"old-model\":null}}");

        assertThat(admin.routing().get("modelMap").toString()).isEqualTo("{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\"}");
        assertThat(map.lookup("old-model")).isEmpty();
        assertThat(Json.parse(Files.readString(admin.overridesFile)).get("modelMap").toString())
                .isEqualTo("{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\"}");
    }

    @Test
    void aModelMapEntryRoutesTheNextRequestOfThatModel() throws Exception {
        admin.put("{\"modelMap\":{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\"}}");

        HttpResponse<String> response = admin.router.post("/v1/messages", "{\"model\":\"claude-haiku-4-5-20251001\","
                + "\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                Map.of("x-api-key", AdminTestRouter.KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-category")).hasValue("explicit");
        assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("secondary");
        assertThat(response.headers().firstValue("x-ccr-model")).hasValue("claude-haiku-4.5");
    }

    @Test
    void changesSurviveARestart() throws Exception {
        admin.put("{\"providers\":{\"primary\":{\"priority\":5,\"weight\":70},\"secondary\":{\"enabled\":false}},"
                + "\"modelMap\":{\"claude-haiku-4-5\":\"secondary,claude-haiku-4.5\"}}");

        try (AdminTestRouter restarted = new AdminTestRouter(admin.overridesFile)) {
            JsonNode routing = restarted.routing();
            assertThat(restarted.provider(routing, "primary").get("priority").asInt()).isEqualTo(5);
            assertThat(restarted.provider(routing, "primary").get("weight").asInt()).isEqualTo(70);
            assertThat(restarted.provider(routing, "secondary").get("enabled").asBoolean()).isFalse();
            assertThat(routing.get("modelMap").get("claude-haiku-4-5").asText()).isEqualTo("secondary,claude-haiku-4.5");
            // secondary would win on priority (2 < 5) but is disabled
            assertThat(restarted.sendMessage()).isEqualTo("primary");
        }
    }

    @Test
    void concurrentChangesOfDifferentFieldsAreAllKept() throws Exception {
        List<String> changes = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            changes.add("{\"modelMap\":{\"model-" + i + "\":\"primary,m" + i + "\"}}");
        }
        changes.add("{\"providers\":{\"primary\":{\"weight\":11}}}");
        changes.add("{\"providers\":{\"primary\":{\"priority\":4}}}");
        changes.add("{\"providers\":{\"secondary\":{\"weight\":12}}}");
        changes.add("{\"providers\":{\"secondary\":{\"priority\":3}}}");
        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (String change : changes) {
                results.add(pool.submit(() -> {
                    go.await();
                    return admin.put(change).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode saved = Json.parse(Files.readString(admin.overridesFile));
        assertThat(saved.at("/providers/primary").toString()).isEqualTo("{\"priority\":4,\"weight\":11}");
        assertThat(saved.at("/providers/secondary").toString()).isEqualTo("{\"priority\":3,\"weight\":12}");
        assertThat(saved.get("modelMap").size()).isEqualTo(6);
        JsonNode routing = admin.routing();
        assertThat(admin.provider(routing, "primary").get("weight").asInt()).isEqualTo(11);
        assertThat(admin.provider(routing, "secondary").get("priority").asInt()).isEqualTo(3);
        assertThat(routing.get("modelMap").size()).isEqualTo(6);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("routing-overrides.json");
        }
    }

    @Test
    void otherMethodsAreRefused() throws Exception {
        HttpResponse<String> response = admin.router.post("/admin/routing", "{}", Map.of("x-api-key", AdminTestRouter.KEY));

        assertThat(response.statusCode()).isEqualTo(405);
    }

    private static JsonNode category(JsonNode routing, String category) {
        for (JsonNode route : routing.get("routes")) {
            if (route.get("category").asText().equals(category)) {
                return route;
            }
        }
        throw new AssertionError("no route for category " + category + " in " + routing);
    }
}
