package dev.ccr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.stats.Promtool;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Prometheus scrape config and the Grafana dashboard against what they watch: the scrape job finds the router
 * pods of deploy/k8s and authenticates with the router key, and every metric and label the dashboard queries is in
 * the /metrics answer of a real router that has served streamed and whole requests.
 */
class MonitoringConfigTest {
    static final String ROUTER_KEY = "monitoring-test-router-key-0123456789";
    /** Metric name prefixes of the router's exposition; any such name in a query must be a selector on the job. */
    static final List<String> PREFIXES = List.of("ccr_", "resilience4j_", "jvm_", "process_", "system_");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

    static MockUpstream upstream;
    static RouterHarness router;
    /** Metric name → its label names, from the router's /metrics. */
    static Map<String, Set<String>> exposed;

    final JsonNode scrape = DeployFiles.yaml(DeployFiles.SCRAPE_CONFIG).path("scrape_configs").get(0);
    final JsonNode dashboard = DeployFiles.json(DeployFiles.DASHBOARD);

    @BeforeAll
    static void serveRequestsAndReadMetrics() throws Exception {
        upstream = new MockUpstream().on("/v1/messages", (ex, req) -> {
            if (req.bodyText().contains("\"stream\":true")) {
                MockUpstream.sse(Captures.responseBody("mock_response_stream_text.txt"), 0).handle(ex, req);
            } else {
                MockUpstream.json(ex, 200, "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                        + "[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"usage\":"
                        + "{\"input_tokens\":10,\"output_tokens\":5}}", Map.of());
            }
        });
        router = RouterHarness.start(Map.of(
                "ccr.api-key", ROUTER_KEY,
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "sk-ant-monitoring-test-0123456789"));
        for (boolean stream : new boolean[] {false, true}) {
            HttpResponse<String> answer = router.post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
                    + "\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                    Map.of("x-api-key", ROUTER_KEY));
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        HttpResponse<String> metrics = router.client().send(HttpRequest.newBuilder(router.uri("/metrics"))
                .timeout(Duration.ofSeconds(10)).header("authorization", "Bearer " + ROUTER_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        exposed = new HashMap<>();
        for (String line : metrics.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                Set<String> labels = exposed.computeIfAbsent(sample.group(1), name -> new HashSet<>());
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @Test
    void theScrapeJobKeepsExactlyTheRouterPodsOfTheDeployment() {
        assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");
        JsonNode sd = scrape.path("kubernetes_sd_configs").get(0);
        assertThat(sd.path("role").asText()).isEqualTo("pod");
        assertThat(sd.path("namespaces").path("names")).extracting(JsonNode::asText)
                .containsExactly(KubernetesManifestsTest.namespace());

        JsonNode podLabels = KubernetesManifestsTest.podLabels(KubernetesManifestsTest.ROUTER);
        JsonNode redisLabels = KubernetesManifestsTest.podLabels(KubernetesManifestsTest.REDIS);
        JsonNode portName = DeployFiles.container(KubernetesManifestsTest.ROUTER).path("ports").get(0).path("name");
        int keeps = 0;
        for (JsonNode relabel : scrape.path("relabel_configs")) {
            if (!relabel.path("action").asText().equals("keep")) {
                continue;
            }
            keeps++;
            List<String> sources = new ArrayList<>();
            relabel.path("source_labels").forEach(s -> sources.add(s.asText()));
            if (sources.equals(List.of("__meta_kubernetes_pod_container_port_name"))) {
                assertThat(portName.asText()).matches(relabel.path("regex").asText());
            } else {
                // the router's pods are kept, Redis' (same name label, other component) are not
                assertThat(discovered(sources, podLabels)).matches(relabel.path("regex").asText());
                assertThat(discovered(sources, redisLabels)).doesNotMatch(relabel.path("regex").asText());
            }
        }
        assertThat(keeps).isEqualTo(2);
    }

    @Test
    void theScrapeJobSendsTheRouterKeyFromTheSecret() throws Exception {
        assertThat(scrape.path("authorization").path("type").asText()).isEqualTo("Bearer");
        String credentials = scrape.path("authorization").path("credentials_file").asText();
        // the Secret mounted as files: one file per key, named after it
        assertThat(Path.of(credentials).getFileName().toString()).isEqualTo("CCR_API_KEY");
        assertThat(Path.of(credentials).getParent().getFileName().toString()).isEqualTo(KubernetesManifestsTest.KEYS);

        // Prometheus' own check, on a copy that points at this router and at a key file that exists (promtool
        // checks both; Debian's promtool is built without Kubernetes discovery, hence a static target)
        String promtool = Promtool.path();
        assumeTrue(promtool != null, "promtool is not installed (apt-get install -y prometheus): check skipped");
        Path dir = Files.createTempDirectory("ccr-prometheus");
        Path key = Files.writeString(dir.resolve("CCR_API_KEY"), ROUTER_KEY);
        ObjectNode config = (ObjectNode) DeployFiles.yaml(DeployFiles.SCRAPE_CONFIG);
        ObjectNode job = (ObjectNode) config.path("scrape_configs").get(0);
        job.remove("kubernetes_sd_configs");
        job.putArray("static_configs").addObject().putArray("targets").add("127.0.0.1:" + router.port());
        ((ObjectNode) job.path("authorization")).put("credentials_file", key.toString());
        Path copy = Files.writeString(dir.resolve("prometheus.yml"), Json.MAPPER.writeValueAsString(config));
        Process process = new ProcessBuilder(promtool, "check", "config", copy.toString()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void everyMetricAndLabelTheDashboardQueriesIsInTheRoutersMetrics() {
        Set<String> addedByPrometheus = new HashSet<>(Set.of("job", "instance"));
        scrape.path("relabel_configs").forEach(r -> {
            if (r.has("target_label")) {
                addedByPrometheus.add(r.path("target_label").asText());
            }
        });
        List<PromQlQuery> queries = queries();
        assertThat(queries).hasSizeGreaterThan(10);
        Set<String> queried = new HashSet<>();
        for (PromQlQuery query : queries) {
            assertThat(query.selectors()).as(query.expression()).isNotEmpty();
            assertThat(query.selectors().keySet()).as(query.expression() + ": metrics written without a selector")
                    .containsAll(query.namesWithPrefix(PREFIXES));
            Set<String> labelsOfQuery = new HashSet<>(addedByPrometheus);
            query.selectors().forEach((metric, matchers) -> {
                queried.add(metric);
                assertThat(exposed).as("metric " + metric + " in " + query.expression()).containsKey(metric);
                assertThat(matchers.get("job")).as(query.expression()).isEqualTo(scrape.path("job_name").asText());
                Set<String> labels = new HashSet<>(exposed.get(metric));
                labels.addAll(addedByPrometheus);
                assertThat(labels).as("labels of " + metric + " in " + query.expression())
                        .containsAll(matchers.keySet());
                labelsOfQuery.addAll(labels);
            });
            assertThat(labelsOfQuery).as("grouping labels of " + query.expression())
                    .containsAll(query.groupingLabels());
        }
        // the panels cover requests, latency, first token, tokens, failover, load, breakers and the router itself
        assertThat(queried).contains("ccr_requests_total", "ccr_request_duration_seconds_bucket",
                "ccr_time_to_first_token_seconds_bucket", "ccr_tokens_total", "ccr_provider_attempts_total",
                "ccr_provider_in_flight", "ccr_router_overhead_seconds_bucket", "resilience4j_circuitbreaker_state");
    }

    @Test
    void everyLegendNamesALabelItsQueryKeeps() {
        Pattern legendLabel = Pattern.compile("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*}}");
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                PromQlQuery query = PromQlQuery.parse(target.path("expr").asText());
                Matcher label = legendLabel.matcher(target.path("legendFormat").asText());
                while (label.find()) {
                    assertThat(query.groupingLabels()).as(panel.path("title").asText()).contains(label.group(1));
                }
            }
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
        }
    }

    /** Every PromQL expression of the dashboard: the panels' targets and the template variables' queries. */
    List<PromQlQuery> queries() {
        List<PromQlQuery> queries = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                queries.add(PromQlQuery.parse(target.path("expr").asText()))));
        dashboard.path("templating").path("list").forEach(variable -> {
            if (variable.path("type").asText().equals("query")) {
                queries.add(PromQlQuery.parse(variable.path("query").path("query").asText()));
            }
        });
        return queries;
    }

    /** The value Prometheus' Kubernetes discovery gives these source labels for a pod with these labels. */
    static String discovered(List<String> sources, JsonNode podLabels) {
        List<String> values = new ArrayList<>();
        for (String source : sources) {
            String value = "";
            var fields = podLabels.fields();
            while (fields.hasNext()) {
                var label = fields.next();
                if (source.equals("__meta_kubernetes_pod_label_" + label.getKey().replaceAll("[^a-zA-Z0-9_]", "_"))) {
                    value = label.getValue().asText();
                }
            }
            values.add(value);
        }
        return String.join(";", values);
    }
}
