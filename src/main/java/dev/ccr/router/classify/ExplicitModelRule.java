package dev.ccr.router.classify;


import java.util.Optional;

/** The model field names its provider, "provider,model" (as Claude Code's --model sends it): exactly that target. */
public final class ExplicitModelRule implements ClassificationRule {
    private final PinnedTargets targets;

    public ExplicitModelRule(PinnedTargets targets) {
        this.targets = targets;
    }

    @Override
    public String name() {
        return "explicit-model";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        String model = input.request().model();
        return PinnedTargets.parse(model)
                .map(t -> targets.require(t, "model '" + model + "'"))
                .map(t -> new Decision(Categories.EXPLICIT, "model names provider '" + t.provider() + "'", t));
    }
}
