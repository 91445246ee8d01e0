package dev.ccr.importer;

import java.util.stream.Collectors;

/**
 * One category route file in the style of the shipped scenarios (routes/kiro-seeds): a comment saying what it does,
 * the balancer bean when there is one, and the route from {@code direct:category-<name>} to its provider targets.
 */
final class CategoryRouteYaml {
    private CategoryRouteYaml() {
    }

    static String render(ImportedScenario.Category category, String source) {
        StringBuilder yaml = new StringBuilder();
        String targets = category.targets().stream().map(t -> t.provider() + " (" + t.model() + ")")
                .collect(Collectors.joining(", "));
        yaml.append("# Imported from ").append(source).append(", category ").append(category.name()).append(": ");
        String routeId;
        if (category.strategy() == null) {
            yaml.append("always ").append(targets).append(".\n");
            routeId = "send-" + category.name() + "-requests-to-" + category.targets().get(0).provider();
        } else {
            BalancerStrategies.Strategy strategy = BalancerStrategies.find(category.strategy()).orElseThrow();
            yaml.append(category.strategy()).append(" over ").append(targets).append(".\n");
            String bean = beanName(category.name());
            yaml.append("- beans:\n    - name: ").append(bean).append("\n      type: ")
                    .append(strategy.balancer().getName()).append('\n');
            if (!category.weights().isEmpty()) {
                yaml.append("      properties:\n        distributionRatio: \"").append(category.weights().stream()
                        .map(String::valueOf).collect(Collectors.joining(","))).append("\"\n");
            }
            routeId = strategy.routeVerb() + "-" + category.name() + "-requests-" + strategy.routeTail();
        }
        yaml.append("- route:\n    id: ").append(routeId).append('\n')
                .append("    routeConfigurationId: hand-errors-back-to-the-caller\n")
                .append("    from:\n      uri: direct:category-").append(category.name()).append('\n')
                .append("      steps:\n");
        if (category.strategy() == null) {
            yaml.append(to(category.targets().get(0), "        "));
        } else {
            yaml.append("        - loadBalance:\n            customLoadBalancer:\n              ref: ")
                    .append(beanName(category.name())).append("\n            steps:\n");
            category.targets().forEach(t -> yaml.append(to(t, "              ")));
        }
        return yaml.toString();
    }

    /** longcontext -> longContextCategoryBalancer, as the shipped files name them. */
    static String beanName(String category) {
        String camel = category.equals("longcontext") ? "longContext" : category;
        return camel + "CategoryBalancer";
    }

    private static String to(ImportedScenario.Target target, String indent) {
        // '+' would read as a space in a URI query: RAW() keeps the model id as written
        String model = target.model().contains("+") ? "RAW(" + target.model() + ")" : target.model();
        return indent + "- to:\n" + indent + "    uri: \"provider:" + target.provider() + "?model=" + model + "\"\n";
    }
}
