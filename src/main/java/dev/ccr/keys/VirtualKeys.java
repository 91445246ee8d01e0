package dev.ccr.keys;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The per-user keys in force, looked up by the hash of what a client presents: an in-memory copy of the storage, so
 * checking a request costs a hash and a map lookup, never a file or network read. Changes go to the storage first;
 * {@link #refresh()} reloads the copy (after a change here, or when another instance announces one).
 */
public final class VirtualKeys {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualKeys.class);

    private final KeyStorage storage;
    private volatile Map<String, VirtualKey> byHash = Map.of();

    public VirtualKeys(KeyStorage storage) {
        this.storage = storage;
    }

    /** Reloads the keys from the storage; keeps the ones it has when the storage cannot be read. */
    public boolean refresh() {
        try {
            byHash = storage.readAll().stream().collect(Collectors.toUnmodifiableMap(VirtualKey::hash,
                    Function.identity(), (a, b) -> a));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Per-user keys could not be reloaded, keeping the {} known: {}", byHash.size(), e.toString());
            return false;
        }
    }

    /** The key whose secret this is, if any. */
    public Optional<VirtualKey> find(String secret) {
        if (secret == null || !secret.startsWith(KeySecret.PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(byHash.get(KeySecret.hash(secret)));
    }

    /** Every key, by name. */
    public Collection<VirtualKey> all() {
        return new TreeMap<>(byHash.values().stream().collect(Collectors.toMap(VirtualKey::name, k -> k,
                (a, b) -> a))).values();
    }

    /** Creates a key and returns its secret, which exists nowhere else: it is shown once. */
    public String create(KeySpec spec) {
        String secret = KeySecret.generate();
        VirtualKey key = new VirtualKey(spec.name(), KeySecret.hash(secret), spec.limits(), spec.providers(),
                spec.models(), Instant.now());
        boolean added;
        try {
            added = storage.add(key);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not save per-user key {}: {}", spec.name(), e.toString());
            throw new RouterException(ErrorType.UNAVAILABLE, "Could not save the key (nothing was changed)");
        }
        if (!added) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "name: a key named '" + spec.name() + "' exists already");
        }
        changed("created", spec.name());
        return secret;
    }

    /** Revokes a key: false when there is none of that name. */
    public boolean revoke(String name) {
        boolean removed;
        try {
            removed = storage.remove(name);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not revoke per-user key {}: {}", name, e.toString());
            throw new RouterException(ErrorType.UNAVAILABLE, "Could not revoke the key (nothing was changed)");
        }
        if (removed) {
            changed("revoked", name);
        }
        return removed;
    }

    private void changed(String what, String name) {
        refresh();
        LOG.info("Per-user key {} {}", name, what);
    }
}
