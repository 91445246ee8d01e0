package dev.ccr;

/**
 * On a machine with two cores the JDK's common ForkJoinPool has a parallelism of one, and CompletableFuture then
 * runs every async stage on a brand-new thread — the JDK HttpClient does one such stage per request, so the router
 * would start a thread per provider call. Raising the parallelism before the pool is first used keeps those stages
 * on pooled threads. An explicit {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} wins.
 */
public final class CommonPool {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int MINIMUM = 4;

    private CommonPool() {
    }

    public static void ensureParallelism() {
        if (System.getProperty(PROPERTY) == null && Runtime.getRuntime().availableProcessors() - 1 < MINIMUM) {
            System.setProperty(PROPERTY, Integer.toString(MINIMUM));
        }
    }
}
