package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.shared.RedisLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * The routing overrides as one document in Redis, announced on the change feed so that every instance applies a
 * change within a second. Each instance also keeps the overrides file up to date: it is what an instance reads
 * while Redis is unreachable, and what seeds Redis the first time it holds no document.
 */
final class RedisOverridesStore implements OverridesStore {
    static final String TOPIC = "routing";
    private static final Logger LOG = LoggerFactory.getLogger(RedisOverridesStore.class);

    private final RedisLink link;
    private final OverridesFile file;

    RedisOverridesStore(RedisLink link, OverridesFile file) {
        this.link = link;
        this.file = file;
    }

    @Override
    public Optional<JsonNode> read() {
        if (link.up()) {
            try {
                String saved = link.sync().get(link.key("routing-overrides"));
                if (saved != null) {
                    JsonNode shared = Json.parse(saved);
                    // the local copy follows the shared document, for a start while Redis is away
                    file.write(shared);
                    return Optional.of(shared);
                }
                // a new (or emptied) Redis: the first instance to look puts its copy there, unless another was first
                Optional<JsonNode> local = file.read();
                local.ifPresent(copy -> link.sync().setnx(link.key("routing-overrides"), Json.string(copy)));
            } catch (IOException | RuntimeException e) {
                link.down(e.getMessage());
            }
        }
        return file.read();
    }

    @Override
    public void write(JsonNode overrides) throws IOException {
        file.write(overrides);
        if (!link.up()) {
            LOG.warn("Redis unreachable: this routing change applies to this instance only until Redis is back, "
                    + "when the shared routing replaces it");
            return;
        }
        try {
            link.sync().set(link.key("routing-overrides"), Json.string(overrides));
            link.publish(TOPIC, null);
        } catch (RuntimeException e) {
            link.down(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "Redis (and " + file.describe() + ")";
    }
}
