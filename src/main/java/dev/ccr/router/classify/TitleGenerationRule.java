package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A structured-output request without tools: how Claude Code asks for a session title (output_config.format
 * json_schema {title}, no tools). Such bookkeeping needs no strong model, whatever model the client named.
 */
public final class TitleGenerationRule implements ClassificationRule {

    @Override
    public String name() {
        return "title-generation";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        JsonNode body = input.request().body();
        boolean jsonSchema = "json_schema".equals(body.path("output_config").path("format").path("type").asText());
        boolean noTools = body.path("tools").isEmpty();
        return jsonSchema && noTools
                ? Optional.of(Decision.of(Categories.BACKGROUND, "json_schema output without tools (title request)"))
                : Optional.empty();
    }
}
