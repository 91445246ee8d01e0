package dev.ccr.e2e;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's "Routes" walkthrough, done to a running router: the shipped routes are copied to a folder, the
 * classification flow (classify.camel.yaml) is edited there, and the next requests show the new behaviour in their
 * x-ccr-category header. A broken edit is refused and the previous flow keeps serving.
 */
class ClassificationEditTest {
    /** The rule README adds: a model name, checked before every other rule. */
    static final String OPUS_RULE = """
                        - expression:
                            simple:
                              expression: "${exchangeProperty.ccrModel} contains 'opus'"
                          steps:
                            - setProperty:
                                name: ccrCategory
                                expression:
                                  constant:
                                    expression: background
                            - setProperty:
                                name: ccrReason
                                expression:
                                  constant:
                                    expression: opus runs in the background
    """;
    static final String FIRST_RULE = "                    # <CCR-SUBAGENT-MODEL>";
    static final String BACKGROUND_MODEL_RULE = """
                        # a model name containing one of ccr.routing.background.model-patterns (haiku)
                        - expression:
                            method:
                              ref: backgroundModelRule
                          steps:
                            - setProperty:
                                name: ccrCategory
                                expression:
                                  constant:
                                    expression: background
    """;
    static final String THINKING_RULE = "                    # a thinking budget >=";
    static final String SCENARIO = """
            - route:
                id: send-%1$s-requests-to-anthropic
                routeConfigurationId: hand-errors-back-to-the-caller
                from:
                  uri: direct:category-%1$s
                  steps:
                    - to:
                        uri: provider:anthropic
            """;

    @Test
    void aRuleAddedOrMovedInTheRunningRouterTakesEffectAndABrokenEditIsRefused(@TempDir Path dir) throws Exception {
        Path common = Files.createDirectories(dir.resolve("common"));
        Path scenario = Files.createDirectories(dir.resolve("scenario"));
        try (Stream<Path> files = Files.list(Path.of("routes/common"))) {
            for (Path file : files.toList()) {
                Files.copy(file, common.resolve(file.getFileName()));
            }
        }
        for (String category : new String[]{"default", "background", "thinking"}) {
            Files.writeString(scenario.resolve(category + ".camel.yaml"), SCENARIO.formatted(category));
        }
        Path flow = common.resolve("classify.camel.yaml");
        String shipped = Files.readString(flow);
        assertThat(shipped).contains(FIRST_RULE, BACKGROUND_MODEL_RULE, THINKING_RULE);

        try (MockUpstream upstream = new MockUpstream().on("/v1/messages",
                (ex, req) -> MockUpstream.json(ex, 200, "{\"type\":\"message\"}", Map.of()));
             RouterHarness router = RouterHarness.start(Map.of(
                     "camel.main.routes-include-pattern",
                     "file:" + common + "/*.camel.yaml,file:" + scenario + "/*.camel.yaml",
                     "ccr.routes.reload", "true",
                     "ccr.routes.reload-directory", scenario.toString(),
                     "ccr.routes.common-directory", common.toString(),
                     "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                     "ccr.providers.anthropic.api-key", "provider-key-0123456789"))) {
            assertThat(category(router, "claude-opus-4-5", null)).isEqualTo("default");
            assertThat(category(router, "claude-haiku-4-5", "max")).isEqualTo("thinking");

            // a mistake: a category that does not exist. Refused; the shipped flow keeps serving.
            Files.writeString(flow, shipped.replace(FIRST_RULE, OPUS_RULE.replace("background", "backgorund")
                    + FIRST_RULE));
            Thread.sleep(2500);
            assertThat(category(router, "claude-opus-4-5", null)).isEqualTo("default");

            // README step 1: a rule on the model name, first in the list
            Files.writeString(flow, shipped.replace(FIRST_RULE, OPUS_RULE + FIRST_RULE));
            awaitCategory(router, "claude-opus-4-5", null, "background");

            // README step 2: the haiku rule moved above the thinking rule
            Files.writeString(flow, shipped.replace(OPUS_RULE, "").replace(BACKGROUND_MODEL_RULE, "")
                    .replace(THINKING_RULE, BACKGROUND_MODEL_RULE + THINKING_RULE));
            awaitCategory(router, "claude-haiku-4-5", "max", "background");
            assertThat(category(router, "claude-opus-4-5", null)).isEqualTo("default");
        }
    }

    private static void awaitCategory(RouterHarness router, String model, String effort, String expected)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!expected.equals(category(router, model, effort)) && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(category(router, model, effort)).isEqualTo(expected);
    }

    private static String category(RouterHarness router, String model, String effort) throws Exception {
        String config = effort == null ? "" : ",\"output_config\":{\"effort\":\"" + effort + "\"}";
        HttpResponse<String> response = router.post("/v1/messages", "{\"model\":\"" + model
                + "\",\"max_tokens\":5" + config + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.headers().firstValue("x-ccr-category").orElseThrow();
    }
}
