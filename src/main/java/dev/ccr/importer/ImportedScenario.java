package dev.ccr.importer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configuration read from one of the supported formats, in the router's terms, before anything is written.
 *
 * @param format      which format it was read as
 * @param providers   provider blocks: name to {@code ccr.providers.<name>.<field>} fields and values, in order
 * @param categories  one category route each
 * @param settings    other router properties (e.g. the long-context threshold)
 * @param environment variables the user must set (keys are never written)
 * @param notes       what was read but means something else here, for the user to know
 */
public record ImportedScenario(String format, Map<String, Map<String, String>> providers, List<Category> categories,
                               Map<String, String> settings, Set<String> environment, List<String> notes) {

    /** A provider and model a category sends to. */
    public record Target(String provider, String model) {
    }

    /**
     * @param strategy a name known to {@link BalancerStrategies}, or null for a single target
     * @param weights  per target, for weighted strategies; empty to use the providers' weights
     */
    public record Category(String name, String strategy, List<Target> targets, List<Integer> weights) {
    }
}
