package dev.ccr.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router's JVM flags are written where people and tools start it: the README's start command and its container
 * row, the container image's entrypoint, the bench's "README flags" and the launcher. A change to one that misses
 * another would have the bench measure, or the image run, something the README does not say.
 */
class RecommendedJvmFlagsTest {

    @Test
    void theReadmesStartCommandUsesTheLaunchersFlags() throws Exception {
        assertThat(flags(read("README.md"), "java (-[^`\\n]*?) -jar target/camel-code-router\\.jar"))
                .isEqualTo(ClaudeCodeLauncher.RECOMMENDED_JVM_FLAGS);
    }

    @Test
    void theContainerImageAndTheReadmesRowForItUseTheLaunchersFlags() throws Exception {
        assertThat(flags(read("README.md"), "entrypoint `java (-[^`]*?) -jar /app/camel-code-router\\.jar`"))
                .isEqualTo(ClaudeCodeLauncher.RECOMMENDED_JVM_FLAGS);
        Matcher entrypoint = Pattern.compile("<arg>java</arg>(.*?)<arg>-jar</arg>", Pattern.DOTALL)
                .matcher(read("pom.xml"));
        assertThat(entrypoint.find()).as("the image's entrypoint in pom.xml").isTrue();
        List<String> args = new ArrayList<>();
        Matcher arg = Pattern.compile("<arg>([^<]*)</arg>").matcher(entrypoint.group(1));
        while (arg.find()) {
            args.add(arg.group(1).trim());
        }
        assertThat(args).isEqualTo(ClaudeCodeLauncher.RECOMMENDED_JVM_FLAGS);
    }

    @Test
    void theBenchMeasuresTheRouterWithTheLaunchersFlags() throws Exception {
        assertThat(flags(read("bench/lib.sh"), "README_JAVA_OPTS=\"([^\"]*)\""))
                .isEqualTo(ClaudeCodeLauncher.RECOMMENDED_JVM_FLAGS);
    }

    private static List<String> flags(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("a match for %s", regex).isTrue();
        return Arrays.asList(matcher.group(1).trim().split("\\s+"));
    }

    private static String read(String file) throws Exception {
        return Files.readString(Path.of(file));
    }
}
