package dev.ccr.keys;

import java.util.List;

/** A key to create, as checked from the admin API. */
public record KeySpec(String name, KeyLimits limits, List<String> providers, List<String> models) {
}
