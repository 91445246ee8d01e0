package dev.ccr.provider;

/**
 * A provider's refusal of one request field: not supported at all ({@code maximum} null), or supported only up to
 * {@code maximum} (e.g. more output tokens than the model writes).
 *
 * @param field   the top-level request field
 * @param maximum the largest value the provider takes, or null when it takes none
 */
public record ParameterRefusal(String field, Long maximum) {

    @Override
    public String toString() {
        return maximum == null ? field : field + " at most " + maximum;
    }
}
