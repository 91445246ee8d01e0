package dev.ccr.config;

/** A configuration mistake, named by file and field so the user can fix it without reading code. */
public class ConfigException extends RuntimeException {
    public ConfigException(String source, String field, String problem) {
        super(source + ": " + field + ": " + problem, null, false, false);
    }
}
