package dev.ccr.importer;

import dev.ccr.provider.ProviderConfigReader;

import java.util.Map;

/** The text of a scenario's properties file: provider blocks and settings, with a header saying what to set. */
final class ScenarioPropertiesText {
    private ScenarioPropertiesText() {
    }

    static String render(ImportedScenario imported, String source) {
        StringBuilder text = new StringBuilder();
        text.append("# Imported from ").append(source).append(" (").append(imported.format()).append(").\n")
                .append("# These provider blocks replace those of the same name in config/application.properties.\n")
                .append("# Keys are never written here");
        if (!imported.environment().isEmpty()) {
            text.append(": set ").append(String.join(", ", imported.environment()));
        }
        text.append(".\n");
        imported.settings().forEach((key, value) -> line(text, key, value));
        for (Map.Entry<String, Map<String, String>> provider : imported.providers().entrySet()) {
            text.append('\n');
            provider.getValue().forEach((field, value) ->
                    line(text, ProviderConfigReader.PREFIX + provider.getKey() + "." + field, value));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(escape(value)).append('\n');
    }

    /** java.util.Properties escapes for a value: backslash, line breaks, and a leading space. */
    private static String escape(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }
}
