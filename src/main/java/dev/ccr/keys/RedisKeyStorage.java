package dev.ccr.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.shared.RedisLink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-user keys in one Redis hash (name to the key's saved form, hash of the secret included), shared by every
 * instance. Creating or revoking a key needs Redis: a revocation that reached only some instances would leave the key
 * working on the others. Reading falls back to the local file, which follows every successful read.
 */
final class RedisKeyStorage implements KeyStorage {
    static final String TOPIC = "keys";

    private final RedisLink link;
    private final KeyFile local;

    RedisKeyStorage(RedisLink link, KeyFile local) {
        this.link = link;
        this.local = local;
    }

    @Override
    public List<VirtualKey> readAll() throws IOException {
        if (!link.up()) {
            return local.readAll();
        }
        Map<String, String> saved;
        try {
            saved = link.sync().hgetall(link.key("keys"));
            if (saved.isEmpty()) {
                // a new (or emptied) Redis: put this instance's copy there (names already there are kept)
                for (VirtualKey key : local.readAll()) {
                    link.sync().hsetnx(link.key("keys"), key.name(), Json.string(key.toJson()));
                }
                saved = link.sync().hgetall(link.key("keys"));
            }
        } catch (RuntimeException e) {
            link.down(e.getMessage());
            return local.readAll();
        }
        List<VirtualKey> keys = new ArrayList<>();
        for (String json : saved.values()) {
            keys.add(VirtualKey.fromJson(Json.parse(json)));
        }
        local.replaceAll(keys);
        return keys;
    }

    @Override
    public boolean add(VirtualKey key) throws IOException {
        ObjectNode saved = key.toJson();
        boolean added = command(() -> link.sync().hsetnx(link.key("keys"), key.name(), Json.string(saved)));
        if (added) {
            link.publish(TOPIC, null);
        }
        return added;
    }

    @Override
    public boolean remove(String name) throws IOException {
        boolean removed = command(() -> link.sync().hdel(link.key("keys"), name) > 0);
        if (removed) {
            link.publish(TOPIC, null);
        }
        return removed;
    }

    private boolean command(java.util.function.BooleanSupplier command) throws IOException {
        if (!link.up()) {
            throw new IOException("Redis is unreachable: keys can be created and revoked once it is back");
        }
        try {
            return command.getAsBoolean();
        } catch (RuntimeException e) {
            link.down(e.getMessage());
            throw new IOException("Redis is unreachable: " + e.getMessage(), e);
        }
    }
}
