package dev.ccr.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The import command's refusals: each names the field, and nothing is written. */
class ScenarioImporterTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String name, String json) throws Exception {
        Path file = Files.createDirectories(dir.resolve("in")).resolve(name);
        Files.writeString(file, json);
        return file;
    }

    private Path seed(String name) {
        return Path.of("src/test/resources/seed-configs").resolve(name);
    }

    private void assertNothingWritten() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        } catch (java.nio.file.NoSuchFileException e) {
            // not even the folders
        }
    }

    @Test
    void aMalformedFileIsRefusedWithItsPositionAndNothingIsWritten() throws Exception {
        Path bad = file("config.json", "{\"Providers\": [ {\"name\": \"x\",, } ]}");

        assertThat(run("import", bad.toString(), "--scenario", "mine", "--dir", dir.resolve("out").toString())).isEqualTo(1);

        assertThat(err.toString()).contains("config.json: is not valid JSON (line 1");
        assertNothingWritten();
    }

    @Test
    void anUnknownStrategyIsRefusedNamingTheField() throws Exception {
        String json = Files.readString(seed("codewhisperer-load-balancing.json"))
                .replace("\"least-connections\"", "\"fastest-guess\"");

        assertThat(run("import", file("lb.json", json).toString(), "--scenario", "mine", "--dir",
                dir.resolve("out").toString())).isEqualTo(1);

        assertThat(err.toString()).contains("routing.rules.thinking.loadBalancing.strategy: unknown strategy 'fastest-guess'")
                .contains("weighted-round-robin");
        assertNothingWritten();
    }

    @Test
    void anUnknownTransformerIsRefusedNamingTheField() throws Exception {
        String json = Files.readString(seed("claude-code-router-config.json"))
                .replace("\"use\": [\"deepseek\"]", "\"use\": [\"deepseek\", \"magic\"]");

        assertThat(run("import", file("ccr.json", json).toString(), "--scenario", "mine", "--dir",
                dir.resolve("out").toString())).isEqualTo(1);

        assertThat(err.toString()).contains("Providers[1].transformer.use[1]: unknown transformer 'magic'");
        assertNothingWritten();
    }

    @Test
    void scenarioNamesThatCouldLeaveTheFoldersAreRefused() throws Exception {
        for (String name : new String[]{"../escape", "a/b", "..", "Upper"}) {
            assertThat(run("import", seed("claude-code-router-config.json").toString(), "--scenario", name, "--dir",
                    dir.resolve("out").toString())).isEqualTo(1);
        }
        assertThat(err.toString()).contains("--scenario: '../escape' is not a scenario name");
        assertNothingWritten();
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    @Test
    void anExistingScenarioIsOnlyReplacedWithForceAndKeysAreNeverWritten() throws Exception {
        String out = dir.resolve("out").toString();
        assertThat(run("import", seed("claude-code-router-config.json").toString(), "--scenario", "ccr", "--dir", out))
                .isEqualTo(0);
        Path properties = dir.resolve("out/config/scenarios/ccr.properties");
        String written = Files.readString(properties);
        assertThat(written).contains("ccr.providers.openrouter.api-key-env=OPENROUTER_API_KEY")
                .contains("ccr.providers.ollama.option.auth=none").doesNotContain("api-key=");
        assertThat(this.out.toString()).contains("Set OPENROUTER_API_KEY, DEEPSEEK_API_KEY");

        Files.writeString(properties, "# edited\n");
        assertThat(run("import", seed("claude-code-router-config.json").toString(), "--scenario", "ccr", "--dir", out))
                .isEqualTo(1);
        assertThat(err.toString()).contains("add --force");
        assertThat(Files.readString(properties)).isEqualTo("# edited\n");

        assertThat(run("import", seed("load-balancing-minimal.json").toString(), "--scenario", "ccr", "--dir", out,
                "--force")).isEqualTo(0);
        assertThat(Files.readString(properties)).contains("codewhisperer");
        try (Stream<Path> routes = Files.list(dir.resolve("out/routes/ccr"))) {
            // the old scenario's categories are gone, not mixed with the new ones
            assertThat(routes.map(p -> p.getFileName().toString()).toList()).doesNotContain("image.camel.yaml");
        }
    }
}
