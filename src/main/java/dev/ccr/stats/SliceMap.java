package dev.ccr.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** Slices by name, made on first use; read back sorted by name so reports keep a stable order. */
final class SliceMap {
    private final Map<String, Slice> slices = new ConcurrentHashMap<>();
    private final Supplier<Slice> factory;

    SliceMap(Supplier<Slice> factory) {
        this.factory = factory;
    }

    Slice get(String name) {
        return slices.computeIfAbsent(name, n -> factory.get());
    }

    boolean has(String name) {
        return slices.containsKey(name);
    }

    <T> Map<String, T> view(BiFunction<String, Slice, T> mapper) {
        Map<String, T> out = new TreeMap<>();
        slices.forEach((name, slice) -> out.put(name, mapper.apply(name, slice)));
        return out;
    }
}
