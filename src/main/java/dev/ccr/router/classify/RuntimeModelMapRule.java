package dev.ccr.router.classify;


import java.util.Optional;

/** The client's model was mapped while the router runs (control panel or PUT /admin/routing). */
public final class RuntimeModelMapRule implements ClassificationRule {
    private final ModelOverrides overrides;

    public RuntimeModelMapRule(ModelOverrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public String name() {
        return "runtime-model-map";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        String model = input.request().model();
        return overrides.lookup(model).map(target -> new Decision(Categories.EXPLICIT,
                "model mapped to '" + target + "' at run time (admin)", target));
    }
}
