package dev.ccr.router.classify;


import java.util.Optional;

/** The client's model has an entry in the model map: the target the entry names. */
public final class ModelMapRule implements ClassificationRule {
    private final ModelMap map;

    public ModelMapRule(ModelMap map) {
        this.map = map;
    }

    @Override
    public String name() {
        return "model-map";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        return map.find(input.request().model()).map(entry -> new Decision(Categories.EXPLICIT,
                "model mapped to '" + entry.target() + "' by " + entry.property(), entry.target()));
    }
}
