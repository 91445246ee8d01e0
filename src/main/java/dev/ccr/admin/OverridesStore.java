package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.Optional;

/** Where the run-time routing changes are kept: the overrides file, or Redis shared by every instance. */
interface OverridesStore {
    /** The saved overrides (a patch document), or empty when none were saved. */
    Optional<JsonNode> read();

    void write(JsonNode overrides) throws IOException;

    /** Where, for log lines and error messages. */
    String describe();
}
