package dev.ccr;

/**
 * JDK settings the router needs other than their defaults, set before the JDK first reads them (so in the router's
 * main class) unless the command line sets them: an explicit {@code -D} always wins.
 */
public final class JdkDefaults {
    /**
     * On a machine with two cores the JDK's common ForkJoinPool has a parallelism of one, and CompletableFuture then
     * runs every async stage on a brand-new thread — a provider call hands its answer's head to such a stage, so the
     * router would start a thread per provider call. A parallelism of at least 4 keeps those stages on pooled threads.
     */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int MINIMUM_PARALLELISM = 4;

    private JdkDefaults() {
    }

    public static void apply() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() - 1 < MINIMUM_PARALLELISM) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(MINIMUM_PARALLELISM));
        }
    }
}
