package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.StrictOpenAi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The control panel in a real headless browser: src/test/browser/panel-test.mjs signs in, disables "primary", maps
 * a model and saves; then requests through the router must go to "secondary". On the way it reads the Models section:
 * a listed model's window from the shipped catalog, and a configured model with the parameter its provider (a strict
 * OpenAI server) refused in a request made before. It also creates a per-user key in the page, reads its secret
 * there, sends a request with it (served), revokes it in the page after the confirm, and the same secret gets 401;
 * a second key is left in place. The screenshot is kept as target/panel.png.
 * Needs Debian's chromium and the script's node_modules (scripts/test.sh installs both); skipped without them.
 */
class PanelBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCRIPT_DIR = Path.of("src/test/browser");
    static final Path SCREENSHOT = Path.of("target/panel.png");
    static final Path LOG = Path.of("target/panel-browser.log");

    /** A model the user configured (its window) and says reasons; the OpenAI server refuses reasoning_effort. */
    static final String REASONER = "house-reasoner";
    /** The per-user key the page creates, uses and revokes, and the one it leaves for the screenshot. */
    static final String USER_KEY = "alice";
    static final String SHOWN_KEY = "bob";

    @TempDir
    Path dir;
    AdminTestRouter admin;
    MockUpstream openai;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no " + CHROMIUM + " (apt-get install chromium, or run scripts/test.sh)");
        assumeTrue(Files.isDirectory(SCRIPT_DIR.resolve("node_modules/playwright-core")),
                "skipped: no " + SCRIPT_DIR + "/node_modules (npm ci --prefix " + SCRIPT_DIR + ", or run scripts/test.sh)");
        assumeTrue(nodeRuns(), "skipped: node is not on the PATH");
        openai = new MockUpstream();
        new StrictOpenAi(openai).model(REASONER, new StrictOpenAi.Model(Set.of("reasoning_effort"), 100000))
                .model("gpt-4o", new StrictOpenAi.Model(Set.of(), 16384));
        admin = new AdminTestRouter(dir.resolve("routing-overrides.json"), Map.of(
                "ccr.providers.openai.protocol", "openai",
                "ccr.providers.openai.base-url", openai.baseUrl(),
                "ccr.providers.openai.api-key", "sk-openai-test-0123456789",
                "ccr.providers.openai.models", "gpt-4o," + REASONER,
                "ccr.models.openai." + REASONER + ".context-window", "131072",
                "ccr.models.openai." + REASONER + ".reasoning", "true"));
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.close();
        }
        if (openai != null) {
            openai.close();
        }
    }

    @Test
    void disablingAProviderInThePanelSendsRequestsElsewhere() throws Exception {
        assertThat(admin.sendMessage()).isEqualTo("primary");
        // Claude Code's request with thinking on, pinned to the reasoner: refused once, then sent without the field
        ObjectNode request = Captures.body("10_tool_bash_turn1.json").put("model", "openai," + REASONER);
        HttpResponse<String> pinned = admin.router.post("/v1/messages", Json.string(request),
                Map.of("x-api-key", AdminTestRouter.KEY));
        assertThat(pinned.statusCode()).as(pinned.body()).isEqualTo(200);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);

        int exit;
        AtomicBoolean stop = new AtomicBoolean();
        Thread traffic = steadyTraffic(stop);
        try {
            exit = runBrowserScript();
        } finally {
            stop.set(true);
            traffic.join(10_000);
        }

        assertThat(exit).as("browser script failed; its log (%s):%n%s", LOG, Files.readString(LOG)).isZero();
        assertThat(SCREENSHOT).exists();
        JsonNode routing = admin.routing();
        assertThat(admin.provider(routing, "primary").get("enabled").asBoolean()).isFalse();
        assertThat(routing.get("modelMap").get("claude-haiku-4-5").asText()).isEqualTo("secondary,claude-haiku-4.5");
        for (int i = 0; i < 5; i++) {
            assertThat(admin.sendMessage()).isEqualTo("secondary");
        }
        // the page's revoke reached the key store: only the key left in place is listed
        HttpResponse<String> keys = admin.router.client().send(HttpRequest.newBuilder(admin.router.uri("/admin/keys"))
                .header("x-api-key", AdminTestRouter.KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Json.parse(keys.body()).get("keys").findValuesAsText("name")).containsExactly(SHOWN_KEY);
    }

    private int runBrowserScript() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT_DIR.resolve("panel-test.mjs").toString())
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        builder.environment().put("ROUTER_URL", admin.baseUrl());
        builder.environment().put("ROUTER_KEY", AdminTestRouter.KEY);
        builder.environment().put("PROVIDER", "primary");
        builder.environment().put("MAPPING", "secondary,claude-haiku-4.5");
        // the Models section: a listed model's window from the shipped catalog, the configured one with its refusal
        builder.environment().put("CATALOG_MODEL", "secondary,claude-haiku-4.5");
        builder.environment().put("CATALOG_WINDOW", "200,000");
        builder.environment().put("REFUSED_MODEL", "openai," + REASONER);
        builder.environment().put("REFUSED_WINDOW", "131,072");
        builder.environment().put("REFUSED_PARAMETER", "reasoning_effort");
        builder.environment().put("USER_KEY", USER_KEY);
        builder.environment().put("SHOWN_KEY", SHOWN_KEY);
        builder.environment().put("SCREENSHOT", SCREENSHOT.toAbsolutePath().toString());
        builder.environment().put("USER_DATA_DIR", Files.createDirectories(dir.resolve("chromium-profile")).toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("browser script did not finish in 120 s; its log:\n" + Files.readString(LOG));
        }
        return process.exitValue();
    }

    /** A few requests a second while the browser works, so the panel's charts have something to show. */
    private Thread steadyTraffic(AtomicBoolean stop) {
        Thread thread = new Thread(() -> {
            for (int i = 0; i < 400 && !stop.get(); i++) {
                try {
                    admin.sendMessage();
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the router under test answers; a failed request here only thins the charts
                }
            }
        }, "panel-test-traffic");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
