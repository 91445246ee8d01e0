package dev.ccr.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files under {@code deploy/} as a user's tools read them: YAML (parsed by the YAML 1.2 engine camel-yaml-dsl
 * brings) and JSON as Jackson trees, the Kubernetes objects the kustomization lists, and the image settings of the
 * {@code container} profile in pom.xml.
 */
final class DeployFiles {
    static final Path K8S = Path.of("deploy/k8s");
    static final Path SCRAPE_CONFIG = Path.of("deploy/prometheus/prometheus.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/camel-code-router.json");
    static final Path CONFIG = Path.of("config/application.properties");

    private DeployFiles() {
    }

    /** Every document of a YAML file (a manifest may hold several, separated by ---). */
    static List<JsonNode> yamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(text(file))) {
            if (document != null) {
                documents.add(Json.MAPPER.valueToTree(document));
            }
        }
        return documents;
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " YAML documents, not one");
        }
        return documents.get(0);
    }

    static JsonNode json(Path file) {
        try {
            return Json.MAPPER.readTree(text(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode kustomization() {
        return yaml(K8S.resolve("kustomization.yaml"));
    }

    /** The objects {@code kubectl apply} gets from the kustomization's resources, keyed "Kind/name". */
    static Map<String, JsonNode> objects() {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (JsonNode resource : kustomization().path("resources")) {
            for (JsonNode object : yamlDocuments(K8S.resolve(resource.asText()))) {
                objects.put(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText(), object);
            }
        }
        return objects;
    }

    static JsonNode object(String kindAndName) {
        JsonNode object = objects().get(kindAndName);
        if (object == null) {
            throw new AssertionError("deploy/k8s has no " + kindAndName + " among the kustomization's resources");
        }
        return object;
    }

    /** The only container of a Deployment's pods. */
    static JsonNode container(String deployment) {
        JsonNode containers = object("Deployment/" + deployment).path("spec").path("template").path("spec")
                .path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(deployment + " has " + containers.size() + " containers, not one");
        }
        return containers.get(0);
    }

    /** A container's literal environment values (those from secrets or fields map to null), in their order. */
    static Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(),
                e.has("value") ? e.path("value").asText() : null));
        return env;
    }

    /** The container port a Service's or probe's target (a name or a number) resolves to; -1 when none. */
    static int containerPort(JsonNode container, JsonNode target) {
        for (JsonNode port : container.path("ports")) {
            if (target.isInt() ? port.path("containerPort").asInt() == target.asInt()
                    : port.path("name").asText().equals(target.asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    static Properties configProperties() {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(CONFIG)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The jib-maven-plugin configuration of pom.xml's {@code container} profile. */
    static Element imageConfiguration() {
        var plugins = pom().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (childText(plugin, "artifactId").equals("jib-maven-plugin")) {
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("pom.xml has no jib-maven-plugin");
    }

    private static Document pom() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException("pom.xml", e);
        }
    }

    static Element child(Element parent, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> in <" + parent.getTagName() + ">");
    }

    static String childText(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    /** A pom.xml value with the properties it uses (${project.version}, the profile's own) filled in. */
    static String pomValue(String value) {
        Document pom = pom();
        String resolved = value;
        var properties = pom.getElementsByTagName("properties");
        for (int i = 0; i < properties.getLength(); i++) {
            for (var node = properties.item(i).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element property) {
                    resolved = resolved.replace("${" + property.getTagName() + "}", property.getTextContent().trim());
                }
            }
        }
        return resolved.replace("${project.version}", childText(pom.getDocumentElement(), "version"));
    }
}
