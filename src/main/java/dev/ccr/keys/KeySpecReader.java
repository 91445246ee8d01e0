package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.NameRules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a key to create ({@code POST /admin/keys}): every field against a strict rule, all errors named at once.
 * Names end up in metrics labels, logs and Redis key names, hence the narrow character set.
 */
final class KeySpecReader {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String NAME_RULE = "1 to 64 lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";
    private static final Set<String> FIELDS = Set.of("name", "limits", "providers", "models");
    private static final Set<String> LIMITS = Set.of("requestsPerMinute", "tokensPerDay", "spendPerMonth");
    private static final int MAX_LIST = 100;

    private final Set<String> providers;

    KeySpecReader(Set<String> providers) {
        this.providers = providers;
    }

    static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    KeySpec read(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "body: must be a JSON object");
        }
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                errors.add("unknown field (allowed: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        });
        JsonNode name = body.path("name");
        if (!name.isTextual() || !isName(name.asText())) {
            errors.add("name: must be " + NAME_RULE);
        }
        KeyLimits limits = limits(body.path("limits"), errors);
        List<String> allowedProviders = list(body.path("providers"), "providers", errors);
        allowedProviders.stream().filter(p -> !providers.contains(p)).findFirst()
                .ifPresent(p -> errors.add("providers: each must be a configured provider"));
        List<String> models = list(body.path("models"), "models", errors);
        if (models.stream().anyMatch(m -> !NameRules.isModel(m))) {
            errors.add("models: each must be " + NameRules.MODEL_RULE);
        }
        if (!errors.isEmpty()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, String.join("; ", errors));
        }
        return new KeySpec(name.asText(), limits, allowedProviders, models);
    }

    private static KeyLimits limits(JsonNode node, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return KeyLimits.NONE;
        }
        if (!node.isObject()) {
            errors.add("limits: must be an object");
            return KeyLimits.NONE;
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!LIMITS.contains(field)) {
                errors.add("limits: unknown field (allowed: requestsPerMinute, tokensPerDay, spendPerMonth)");
            }
        });
        long requests = count(node.path("requestsPerMinute"), "limits.requestsPerMinute", errors);
        long tokens = count(node.path("tokensPerDay"), "limits.tokensPerDay", errors);
        JsonNode spend = node.path("spendPerMonth");
        BigDecimal dollars = null;
        if (!spend.isMissingNode() && !spend.isNull()) {
            if (!spend.isNumber() || spend.decimalValue().signum() <= 0 || spend.decimalValue().compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                errors.add("limits.spendPerMonth: must be US dollars above 0 and at most 1000000, or null");
            } else {
                dollars = spend.decimalValue();
            }
        }
        return new KeyLimits(requests, tokens, dollars);
    }

    private static long count(JsonNode node, String field, List<String> errors) {
        if (node.isMissingNode() || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            errors.add(field + ": must be a whole number, 0 or more (0: no limit)");
            return 0;
        }
        return node.asLong();
    }

    private static List<String> list(JsonNode node, String field, List<String> errors) {
        List<String> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray() || node.size() > MAX_LIST) {
            errors.add(field + ": must be an array of at most " + MAX_LIST + " names (empty: all)");
            return out;
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                errors.add(field + ": each must be a string");
                return List.of();
            }
            out.add(item.asText());
        }
        return out;
    }
}
