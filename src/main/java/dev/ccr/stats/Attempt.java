package dev.ccr.stats;

/** One call to a provider for a request: the provider and the model it was asked for (a label, already bounded). */
public record Attempt(String provider, String model) {
}
