package dev.ccr;

/**
 * JDK settings the router needs other than their defaults, set before the JDK first reads them (so in the router's
 * main class) unless the command line sets them: an explicit {@code -D} always wins.
 */
public final class JdkDefaults {
    /**
     * On a machine with two cores the JDK's common ForkJoinPool has a parallelism of one, and CompletableFuture then
     * runs every async stage on a brand-new thread — the JDK HttpClient does one such stage per request, so the
     * router would start a thread per provider call. A parallelism of at least 4 keeps those stages on pooled threads.
     */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int MINIMUM_PARALLELISM = 4;

    /**
     * The JDK HttpClient reads each connection into 16 KiB buffers by default, handing out slices of one buffer until
     * it is full. A stream's events are a few hundred bytes, so one buffer stays referenced for seconds: across 1,000
     * streams that is enough to survive young collections, fill the old generation and end in a full collection
     * (200 ms without a single event relayed; bench/RESULTS.md). With 2 KiB a buffer is filled, and garbage, within
     * a second; a large answer costs a few more reads.
     */
    static final String HTTP_CLIENT_BUFFER_SIZE = "jdk.httpclient.bufsize";
    static final int BUFFER_SIZE = 2048;

    private JdkDefaults() {
    }

    public static void apply() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null
                && Runtime.getRuntime().availableProcessors() - 1 < MINIMUM_PARALLELISM) {
            System.setProperty(COMMON_POOL_PARALLELISM, Integer.toString(MINIMUM_PARALLELISM));
        }
        if (System.getProperty(HTTP_CLIENT_BUFFER_SIZE) == null) {
            System.setProperty(HTTP_CLIENT_BUFFER_SIZE, Integer.toString(BUFFER_SIZE));
        }
    }
}
