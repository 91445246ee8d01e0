package dev.ccr.router.classify;


import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The client chose a small, cheap model (a name containing "haiku" by default): it considers the work light, so a
 * cheaper provider may take it.
 */
public final class BackgroundModelRule implements ClassificationRule {
    private final List<String> patterns;

    /** @param patterns lower-case fragments of model names */
    public BackgroundModelRule(List<String> patterns) {
        this.patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public String name() {
        return "background-model";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        String model = input.request().model().toLowerCase(Locale.ROOT);
        return patterns.stream().filter(model::contains).findFirst()
                .map(p -> Decision.of(Categories.BACKGROUND, "model name contains '" + p + "'"));
    }
}
