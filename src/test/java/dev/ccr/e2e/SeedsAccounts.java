package dev.ccr.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The router properties of the seeds' scenario (routes/kiro-seeds) with its two CodeWhisperer accounts pointed at
 * mock servers: a Kiro token file per account, written to a test's temporary directory.
 */
final class SeedsAccounts {
    private SeedsAccounts() {
    }

    static Map<String, String> properties(Path tokenDir, String primaryUrl, String secondaryUrl) throws IOException {
        Map<String, String> properties = new HashMap<>();
        properties.put("ccr.scenario", "kiro-seeds");
        for (String account : new String[]{"primary", "secondary"}) {
            Path file = tokenDir.resolve("kiro-auth-token-" + account + ".json");
            Files.writeString(file, "{\"accessToken\":\"access-" + account + "-0123456789\",\"refreshToken\":\"refresh-"
                    + account + "\",\"expiresAt\":\"" + Instant.now().plusSeconds(7200) + "\",\"profileArn\":"
                    + "\"arn:aws:codewhisperer:us-east-1:111:profile/" + account + "\",\"region\":\"us-east-1\","
                    + "\"authMethod\":\"social\"}");
            String p = "ccr.providers.codewhisperer-" + account + ".";
            properties.put(p + "base-url", account.equals("primary") ? primaryUrl : secondaryUrl);
            properties.put(p + "option.token-path", file.toString());
        }
        return properties;
    }
}
