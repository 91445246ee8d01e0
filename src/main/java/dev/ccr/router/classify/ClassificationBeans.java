package dev.ccr.router.classify;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import java.util.Map;

/** Binds what routes/common/classify.camel.yaml uses: each rule as a predicate, the facts reader and the recorder. */
public final class ClassificationBeans {
    public static final String FACTS = "requestFacts";
    public static final String RECORDER = "classificationRecorder";

    private ClassificationBeans() {
    }

    public static void bind(CamelContext context, Map<String, ClassificationRule> rules) {
        Registry registry = context.getRegistry();
        CategoryRoutes routes = new CategoryRoutes(context);
        rules.forEach((name, rule) -> registry.bind(name, new RulePredicate(rule, routes)));
        registry.bind(FACTS, new RequestFacts());
        registry.bind(RECORDER, new ClassificationRecorder(routes));
    }
}
