package dev.ccr.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a PromQL expression a dashboard depends on: the metrics it selects (with their label matchers) and
 * the labels it groups by. Enough for the dashboard's own queries, which write every metric as a selector
 * {@code name{…}} (each filters on the scrape job); not a PromQL parser.
 */
record PromQlQuery(String expression, Map<String, Map<String, String>> selectors, Set<String> groupingLabels) {
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"([^\"]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");

    static PromQlQuery parse(String expression) {
        Map<String, Map<String, String>> selectors = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(expression);
        while (selector.find()) {
            Map<String, String> matchers = new LinkedHashMap<>();
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                matchers.put(matcher.group(1), matcher.group(2));
            }
            selectors.merge(selector.group(1), matchers, (a, b) -> {
                a.putAll(b);
                return a;
            });
        }
        Set<String> grouping = new LinkedHashSet<>();
        Matcher by = GROUPING.matcher(expression);
        while (by.find()) {
            for (String label : by.group(1).split(",")) {
                if (!label.isBlank()) {
                    grouping.add(label.trim());
                }
            }
        }
        return new PromQlQuery(expression, selectors, grouping);
    }

    /** Identifiers in the expression that look like metric names of these prefixes, selector or not. */
    List<String> namesWithPrefix(List<String> prefixes) {
        List<String> names = new ArrayList<>();
        Matcher identifier = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(expression.replaceAll("\"[^\"]*\"", "\"\""));
        while (identifier.find()) {
            if (prefixes.stream().anyMatch(identifier.group()::startsWith)) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
