package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 7: the admin API bounds what it stores. The model map holds at most 500 entries (default of
 * ccr.admin.model-map.max-entries), names follow the same rules as a request's model, and a refused change leaves the
 * saved overrides file exactly as it was.
 */
class AdminInputBoundsTest extends AdminRouterTest {
    @BeforeEach
    void oneSavedEntry() throws Exception {
        ObjectNode reset = JsonNodeFactory.instance.objectNode();
        ObjectNode map = reset.putObject("modelMap");
        admin.routing().get("modelMap").fieldNames().forEachRemaining(map::putNull);
        map.put("claude-haiku-4-5", "secondary,claude-haiku-4.5");
        assertThat(admin.put(reset.toString()).statusCode()).isEqualTo(200);
    }

    static String modelMap(int entries, int from) {
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        ObjectNode map = change.putObject("modelMap");
        for (int i = from; i < from + entries; i++) {
            map.put("client-model-" + i, "primary,claude-x-" + i);
        }
        return change.toString();
    }

    @Test
    void aPutOfTwentyThousandEntriesIsRefusedAndTheFileStaysAsItWas() throws Exception {
        byte[] saved = Files.readAllBytes(admin.overridesFile);

        HttpResponse<String> response = admin.put(modelMap(20_000, 0));

        assertRefused(response, "modelMap: at most 500 entries");
        assertThat(Files.readAllBytes(admin.overridesFile)).isEqualTo(saved);
        assertThat(admin.routing().get("modelMap").size()).isEqualTo(1);
    }

    @Test
    void changesThatTogetherPassTheCapAreRefused() throws Exception {
        assertThat(admin.put(modelMap(300, 0)).statusCode()).isEqualTo(200);
        byte[] saved = Files.readAllBytes(admin.overridesFile);

        HttpResponse<String> second = admin.put(modelMap(300, 300));

        assertRefused(second, "modelMap: at most 500 entries in all");
        assertThat(Files.readAllBytes(admin.overridesFile)).isEqualTo(saved);
        assertThat(admin.routing().get("modelMap").size()).isEqualTo(301);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=x onerror=alert(1)>", "claude x", "claude-\u0000"})
    void markupOrControlCharactersAreRefusedAsKeyAndAsValue(String name) throws Exception {
        byte[] saved = Files.readAllBytes(admin.overridesFile);
        ObjectNode asKey = JsonNodeFactory.instance.objectNode();
        asKey.putObject("modelMap").put(name, "primary,claude-x");
        ObjectNode asValue = JsonNodeFactory.instance.objectNode();
        asValue.putObject("modelMap").put("claude-x", "primary," + name);
        ObjectNode asProvider = JsonNodeFactory.instance.objectNode();
        asProvider.putObject("providers").putObject(name).put("weight", 2);

        assertRefused(admin.put(asKey.toString()), "modelMap: each client model name (key) must be");
        assertRefused(admin.put(asValue.toString()), "modelMap.claude-x: must be \"provider,model\"");
        assertRefused(admin.put(asProvider.toString()), "providers: each key must be");
        assertThat(Files.readAllBytes(admin.overridesFile)).isEqualTo(saved);
    }

    @Test
    void namesLongerThan200CharactersAreRefused() throws Exception {
        String longName = "m".repeat(201);
        ObjectNode change = JsonNodeFactory.instance.objectNode();
        change.putObject("modelMap").put(longName, "primary,claude-x").put("claude-x", "primary," + longName);

        HttpResponse<String> response = admin.put(change.toString());

        assertRefused(response, "modelMap: each client model name (key) must be");
        assertThat(response.body()).contains("modelMap.claude-x: must be");
        assertThat(admin.put("{\"modelMap\":{\"" + "m".repeat(200) + "\":\"primary," + "n".repeat(200) + "\"}}")
                .statusCode()).as("200 characters are fine").isEqualTo(200);
    }

    private static void assertRefused(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("message").asText()).contains(message);
        assertThat(response.body()).doesNotContain("<img");
    }
}
