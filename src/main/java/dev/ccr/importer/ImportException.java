package dev.ccr.importer;

/** A configuration the importer cannot map; the message names the field as the user wrote it. */
public final class ImportException extends RuntimeException {
    public ImportException(String field, String message) {
        super(field + ": " + message);
    }
}
