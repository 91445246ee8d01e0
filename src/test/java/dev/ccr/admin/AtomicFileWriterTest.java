package dev.ccr.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("config/routing-overrides.json");

        AtomicFileWriter.write(file, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        AtomicFileWriter.write(file, "{\"b\":2}".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("{\"b\":2}");
        assertThat(names(file.getParent())).containsExactly("routing-overrides.json");
    }

    @Test
    void aWriteThatDiesHalfWayLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("routing-overrides.json");
        AtomicFileWriter.write(file, "{\"old\":true}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> AtomicFileWriter.write(file, out -> {
            out.write("{\"new\":".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("{\"old\":true}");
        assertThat(names(dir)).containsExactly("routing-overrides.json");
    }

    @Test
    void aTemporaryFileLeftByACrashDoesNotDisturbTheNextLoad() throws Exception {
        Path file = dir.resolve("routing-overrides.json");
        AtomicFileWriter.write(file, "{\"providers\":{},\"modelMap\":{}}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve(".routing-overrides.json.123.tmp"), "{\"provid");

        assertThat(new OverridesFile(file).read()).hasValueSatisfying(json ->
                assertThat(json.toString()).isEqualTo("{\"providers\":{},\"modelMap\":{}}"));
    }

    private static Stream<String> names(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
