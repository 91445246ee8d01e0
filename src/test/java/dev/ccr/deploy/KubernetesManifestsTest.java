package dev.ccr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.config.ScenarioProperties;
import dev.ccr.testing.RawHttp;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.ccr.deploy.DeployFiles.childText;
import static dev.ccr.deploy.DeployFiles.container;
import static dev.ccr.deploy.DeployFiles.containerPort;
import static dev.ccr.deploy.DeployFiles.environment;
import static dev.ccr.deploy.DeployFiles.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s against the router it deploys: the files parse, names and ports agree with config/ and the image built
 * by pom.xml, the ConfigMaps hold every file the router reads, and the router configured as the Deployment
 * configures it answers the kubelet's probes and Prometheus.
 */
class KubernetesManifestsTest {
    static final String ROUTER = "camel-code-router";
    static final String REDIS = "camel-code-router-redis";
    static final String KEYS = "camel-code-router-keys";
    /** The address a pod gets; stands for $(POD_IP) when the router is started here. */
    static final String POD_IP = "10.42.0.17";

    final JsonNode router = container(ROUTER);
    final Map<String, String> env = environment(router);

    @Test
    void everyResourceOfTheKustomizationIsOneNamedObject() throws IOException {
        JsonNode resources = DeployFiles.kustomization().path("resources");
        assertThat(resources).isNotEmpty();
        for (JsonNode resource : resources) {
            List<JsonNode> documents = DeployFiles.yamlDocuments(DeployFiles.K8S.resolve(resource.asText()));
            assertThat(documents).as(resource.asText()).hasSize(1);
            assertThat(documents.get(0).path("apiVersion").asText()).as(resource.asText()).isNotEmpty();
            assertThat(documents.get(0).path("metadata").path("name").asText()).as(resource.asText()).isNotEmpty();
        }
        // every manifest in the folder is applied, except the Secret's template, which holds no real value
        try (Stream<Path> files = Files.list(DeployFiles.K8S)) {
            Set<String> listed = new TreeSet<>();
            resources.forEach(r -> listed.add(r.asText()));
            Set<String> manifests = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(manifests).containsExactlyInAnyOrderElementsOf(concat(listed, "secret.template.yaml"));
        }
        assertThat(DeployFiles.objects()).containsKeys("Namespace/" + namespace(), "Deployment/" + ROUTER,
                "Service/" + ROUTER, "Deployment/" + REDIS, "Service/" + REDIS);
    }

    @Test
    void theRouterListensOnTheConfiguredPortTheImageExposesAndTheServiceReaches() {
        int configured = Integer.parseInt(DeployFiles.configProperties().getProperty("ccr.port"));
        assertThat(configured).isEqualTo(3456);
        int containerPort = containerPort(router, router.path("ports").get(0).path("name"));
        assertThat(containerPort).isEqualTo(configured);
        assertThat(env.get("CCR_PORT")).isEqualTo(Integer.toString(configured));
        assertThat(childText(DeployFiles.child(DeployFiles.child(DeployFiles.imageConfiguration(), "container"),
                "ports"), "port")).isEqualTo(Integer.toString(configured));

        JsonNode service = object("Service/" + ROUTER);
        JsonNode port = service.path("spec").path("ports").get(0);
        assertThat(port.path("port").asInt()).isEqualTo(configured);
        assertThat(containerPort(router, port.path("targetPort"))).isEqualTo(containerPort);
        assertThat(service.path("spec").path("selector")).isEqualTo(podLabels(ROUTER));
    }

    @Test
    void theDeploymentRunsTheImageMavenBuildsTwice() {
        JsonNode deployment = object("Deployment/" + ROUTER);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(podLabels(ROUTER));
        var image = DeployFiles.imageConfiguration();
        assertThat(router.path("image").asText()).isEqualTo(DeployFiles.pomValue(
                childText(DeployFiles.child(image, "to"), "image")));
        // the tarball is loaded into the nodes, there is no registry to pull it from
        assertThat(router.path("imagePullPolicy").asText()).isEqualTo("IfNotPresent");
        // the image runs the shaded jar with the README's JVM flags
        List<String> entrypoint = new ArrayList<>();
        var args = DeployFiles.child(DeployFiles.child(image, "container"), "entrypoint").getElementsByTagName("arg");
        for (int i = 0; i < args.getLength(); i++) {
            entrypoint.add(args.item(i).getTextContent().trim());
        }
        assertThat(entrypoint).containsExactly("java", "-XX:+UseSerialGC", "-Xms256m", "-Xmx512m", "-jar",
                "/app/camel-code-router.jar");
    }

    @Test
    void theConfigMapsHoldEveryConfigAndRouteFileTheRouterReads() throws IOException {
        String scenario = env.get("CCR_SCENARIO");
        assertThat(scenario).isEqualTo(DeployFiles.configProperties().getProperty("ccr.scenario"));
        String workingDirectory = childText(DeployFiles.child(DeployFiles.imageConfiguration(), "container"),
                "workingDirectory");
        // camel.main.routes-include-pattern reads routes/common and routes/<scenario>; CCR_CONFIG is not set, so
        // config/application.properties, and config/scenarios/<scenario>.properties when it exists
        Map<String, List<Path>> expected = new LinkedHashMap<>();
        expected.put("config", Stream.of(Path.of("config/application.properties"),
                Path.of("config/scenarios/" + scenario + ".properties")).filter(Files::exists).toList());
        expected.put("routes/common", routeFiles(Path.of("routes/common")));
        expected.put("routes/" + scenario, routeFiles(Path.of("routes", scenario)));
        assertThat(DeployFiles.configProperties().getProperty("camel.main.routes-include-pattern"))
                .isEqualTo("file:routes/common/*.camel.yaml,file:routes/{{ccr.scenario}}/*.camel.yaml");

        Map<String, String> mountedAt = new HashMap<>();
        JsonNode pod = object("Deployment/" + ROUTER).path("spec").path("template").path("spec");
        Map<String, String> volumeToConfigMap = new HashMap<>();
        pod.path("volumes").forEach(v -> volumeToConfigMap.put(v.path("name").asText(),
                v.path("configMap").path("name").asText(null)));
        router.path("volumeMounts").forEach(m -> {
            String configMap = volumeToConfigMap.get(m.path("name").asText());
            if (configMap != null) {
                mountedAt.put(configMap, m.path("mountPath").asText());
            }
        });

        Map<String, List<Path>> generated = new LinkedHashMap<>();
        for (JsonNode generator : DeployFiles.kustomization().path("configMapGenerator")) {
            List<Path> files = new ArrayList<>();
            generator.path("files").forEach(f -> files.add(DeployFiles.K8S.resolve(f.asText()).normalize()));
            files.forEach(f -> assertThat(f).as("a file of ConfigMap " + generator.path("name").asText()).isRegularFile());
            String directory = files.get(0).getParent().toString();
            assertThat(files).allMatch(f -> f.getParent().toString().equals(directory));
            assertThat(mountedAt.get(generator.path("name").asText()))
                    .as("where ConfigMap " + generator.path("name").asText() + " is mounted")
                    .isEqualTo(workingDirectory + "/" + directory);
            generated.put(directory, files);
        }
        assertThat(generated.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((directory, files) -> assertThat(generated.get(directory)).as(directory)
                .containsExactlyInAnyOrderElementsOf(files));
    }

    @Test
    void everyRouterSettingInTheEnvironmentNamesAPropertyTheRouterHas() {
        Properties properties = DeployFiles.configProperties();
        Set<String> known = properties.stringPropertyNames().stream().map(ScenarioProperties::environmentName)
                .collect(Collectors.toSet());
        env.keySet().stream().filter(name -> name.startsWith("CCR_"))
                .forEach(name -> assertThat(known).as("the property " + name + " sets").contains(name));
        assertThat(env.get("CCR_HOST")).isEqualTo("0.0.0.0");
    }

    @Test
    void theAllowedHostsAreTheServiceInItsNamespaceAndThePodItself() {
        String ns = namespace();
        assertThat(List.of(env.get("CCR_ALLOWED_HOSTS").split(","))).containsExactlyInAnyOrder(ROUTER,
                ROUTER + "." + ns, ROUTER + "." + ns + ".svc", ROUTER + "." + ns + ".svc.cluster.local", "$(POD_IP)");
        // $(POD_IP) is expanded by Kubernetes only from a variable defined before it
        List<String> names = new ArrayList<>(env.keySet());
        assertThat(names.indexOf("POD_IP")).isBetween(0, names.indexOf("CCR_ALLOWED_HOSTS"));
        JsonNode podIp = router.path("env").get(names.indexOf("POD_IP"));
        assertThat(podIp.path("valueFrom").path("fieldRef").path("fieldPath").asText()).isEqualTo("status.podIP");
    }

    @Test
    void theRouterKeyAndTheProviderKeysComeFromTheSecretWhoseTemplateHoldsNoValue() {
        JsonNode apiKey = router.path("env").get(new ArrayList<>(env.keySet()).indexOf("CCR_API_KEY"));
        assertThat(apiKey.path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo(KEYS);
        assertThat(apiKey.path("valueFrom").path("secretKeyRef").path("optional").asBoolean(false)).isFalse();
        assertThat(router.path("envFrom").get(0).path("secretRef").path("name").asText()).isEqualTo(KEYS);

        Path template = DeployFiles.K8S.resolve("secret.template.yaml");
        JsonNode secret = DeployFiles.yaml(template);
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText()).isEqualTo(KEYS);
        assertThat(secret.path("metadata").path("namespace").asText()).isEqualTo(namespace());
        assertThat(secret.path("stringData").has("CCR_API_KEY")).isTrue();
        secret.path("stringData").fields().forEachRemaining(entry ->
                assertThat(entry.getValue().asText()).as(entry.getKey()).matches("<[^<>]+>"));
        // every key variable the shipped providers name is in the template, to fill in or leave out
        String text = DeployFiles.text(template);
        DeployFiles.configProperties().forEach((key, value) -> {
            if (key.toString().endsWith(".api-key-env")) {
                assertThat(text).as(key.toString()).containsPattern("(?m)^\\s*#?\\s*" + value + ": \"<");
            }
        });
    }

    @Test
    void redisIsReachableUnderTheUrlTheRoutersAreGiven() {
        JsonNode redis = container(REDIS);
        JsonNode service = object("Service/" + REDIS);
        JsonNode port = service.path("spec").path("ports").get(0);
        assertThat(env.get("CCR_REDIS_URL")).isEqualTo("redis://" + REDIS + ":" + port.path("port").asInt());
        assertThat(containerPort(redis, port.path("targetPort"))).isEqualTo(6379);
        assertThat(service.path("spec").path("selector")).isEqualTo(podLabels(REDIS));
        assertThat(object("NetworkPolicy/" + REDIS).path("spec").path("podSelector").path("matchLabels"))
                .isEqualTo(podLabels(REDIS));
        JsonNode volume = object("Deployment/" + REDIS).path("spec").path("template").path("spec").path("volumes")
                .get(0).path("persistentVolumeClaim").path("claimName");
        assertThat(DeployFiles.objects()).containsKey("PersistentVolumeClaim/" + volume.asText());
    }

    @Test
    void everyPodRunsAsNonRootOnAReadOnlyRootWithinItsResources() {
        for (String name : List.of(ROUTER, REDIS)) {
            JsonNode pod = object("Deployment/" + name).path("spec").path("template").path("spec");
            JsonNode container = container(name);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name).isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).as(name).isPositive();
            assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(name).isTrue();
            assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).as(name)
                    .isFalse();
            assertThat(container.path("resources").path("requests").path("memory").asText()).as(name).isNotEmpty();
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name).isNotEmpty();
        }
        // the image's user is the one the pod runs as
        assertThat(childText(DeployFiles.child(DeployFiles.imageConfiguration(), "container"), "user"))
                .isEqualTo(object("Deployment/" + ROUTER).path("spec").path("template").path("spec")
                        .path("securityContext").path("runAsUser").asInt() + ":"
                        + object("Deployment/" + ROUTER).path("spec").path("template").path("spec")
                        .path("securityContext").path("runAsGroup").asInt());
        // the only paths the router writes are volumes: the overrides file and the JVM's temporary files
        Set<String> writable = new TreeSet<>();
        router.path("volumeMounts").forEach(m -> {
            if (!m.path("readOnly").asBoolean(false)) {
                writable.add(m.path("mountPath").asText());
            }
        });
        assertThat(writable).containsExactlyInAnyOrder("/tmp",
                Path.of(env.get("CCR_ADMIN_OVERRIDES_FILE")).getParent().toString());
    }

    @Test
    void theRouterConfiguredAsTheDeploymentSaysAnswersTheProbesWithoutAndPrometheusWithTheKey() throws Exception {
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            JsonNode get = router.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo("/health");
            assertThat(containerPort(router, get.path("port"))).as(probe).isEqualTo(3456);
            assertThat(get.has("httpHeaders")).as(probe + " sends the Host the kubelet sends").isFalse();
        }
        String key = "deploy-test-router-key-0123456789abcdef";
        Map<String, String> properties = new HashMap<>();
        DeployFiles.configProperties().stringPropertyNames().forEach(property -> {
            String value = env.get(ScenarioProperties.environmentName(property));
            if (value != null && !property.equals("ccr.port") && !property.equals("ccr.admin.overrides-file")) {
                properties.put(property, value.replace("$(POD_IP)", POD_IP));
            }
        });
        assertThat(properties).containsKeys("ccr.host", "ccr.allowed-hosts");
        properties.put("ccr.api-key", key);
        try (RouterHarness started = RouterHarness.start(properties)) {
            int port = started.port();
            // the kubelet sends the pod's address as Host, and no key
            RawHttp.Response probe = RawHttp.send(port, "GET", "/health", Map.of("Host", POD_IP + ":3456"), null);
            assertThat(probe.status()).isEqualTo(200);
            // Prometheus scrapes each pod by its address, with the router key as bearer token
            RawHttp.Response scrape = RawHttp.send(port, "GET", "/metrics", Map.of("Host", POD_IP + ":3456",
                    "Authorization", "Bearer " + key), null);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("ccr_provider_in_flight");
            assertThat(RawHttp.send(port, "GET", "/metrics", Map.of("Host", POD_IP + ":3456"), null).status())
                    .isEqualTo(401);
            // clients in the cluster use the Service's names
            for (String host : env.get("CCR_ALLOWED_HOSTS").split(",")) {
                if (!host.startsWith("$(")) {
                    assertThat(RawHttp.send(port, "GET", "/health", Map.of("Host", host + ":3456"), null).status())
                            .as(host).isEqualTo(200);
                }
            }
            assertThat(RawHttp.send(port, "GET", "/health", Map.of("Host", "attacker.example:3456"), null).status())
                    .isEqualTo(421);
        }
    }

    static String namespace() {
        return DeployFiles.kustomization().path("namespace").asText();
    }

    static JsonNode podLabels(String deployment) {
        return object("Deployment/" + deployment).path("spec").path("template").path("metadata").path("labels");
    }

    static List<Path> routeFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    static Set<String> concat(Set<String> set, String one) {
        Set<String> all = new TreeSet<>(set);
        all.add(one);
        return all;
    }
}
