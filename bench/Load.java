import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the capacity scenarios of the benchmark ({@code bench/run.sh streams|soak|failover}): JDK only,
 * no build step; the JDK HttpClient with HTTP/1.1, so every request in flight has its own connection.
 *
 * <pre>
 * java bench/Load.java streams  URL STREAMS RAMP_S TIMEOUT_S
 * java bench/Load.java mixed    URL RATE_PER_S SECONDS STREAM_PERCENT TIMEOUT_S
 * java bench/Load.java failover URL REQUESTS CONNECTIONS STREAMS KILL_PID TIMEOUT_S
 * </pre>
 * <ul>
 *   <li>{@code streams}: opens STREAMS streamed requests spread over RAMP_S seconds, all held open at once, and reads
 *       every event. A delta whose text is {@code @<ns>;} (bench/MockAnthropic.java with STREAM_DELTAS) gives the
 *       event's latency: the client's {@link System#nanoTime()} when the line arrives minus the mock's when it wrote
 *       it (same machine, same monotonic clock). With LOAD_CONTROL_URL set (the mock's URL), one control stream straight
 *       to it is opened after every LOAD_CONTROL_EVERY (10) streams to URL, at the same moment, and reported on
 *       CONTROL_ lines of their own.</li>
 *   <li>{@code mixed}: an open-loop steady rate of requests for SECONDS, STREAM_PERCENT of them streamed, the rest
 *       not (the soak); a progress line every 60 s.</li>
 *   <li>{@code failover}: REQUESTS non-streamed requests over CONNECTIONS connections; when half are answered it
 *       opens STREAMS streams, waits until they have their first text event, and SIGKILLs process KILL_PID (one of
 *       the providers). Reports every answer by status and provider, and how each stream ended and when.</li>
 * </ul>
 * A request with no answer after TIMEOUT_S seconds counts as hung. Prints machine-readable lines starting with
 * the mode's name in capitals (latencies in microseconds, times in milliseconds) and exits 0; judging is the
 * caller's job.
 */
public final class Load {
    private static final String MODEL = "claude-sonnet-4-5";
    /** The requests' max_tokens (env LOAD_MAX_TOKENS): the mock sends at most that many stamped deltas per stream. */
    private static final int MAX_TOKENS = Integer.parseInt(System.getenv().getOrDefault("LOAD_MAX_TOKENS", "100000"));

    private final URI messages;
    /**
     * Streams mode: the mock's own URL (env LOAD_CONTROL_URL), for control streams opened straight to it among the
     * measured ones, one after every {@link #CONTROL_EVERY}: they share this client, the mock and the machine with
     * the measured streams at the same moments, so "router − control" leaves out what the bench's own processes and
     * the other tenants of the machine did meanwhile.
     */
    private final URI control;
    private static final int CONTROL_EVERY = Integer.parseInt(System.getenv().getOrDefault("LOAD_CONTROL_EVERY", "10"));
    private final HttpClient client;

    private Load(String base) {
        this.messages = URI.create(base + "/v1/messages");
        String controlBase = System.getenv("LOAD_CONTROL_URL");
        this.control = controlBase == null || controlBase.isBlank() ? null : URI.create(controlBase + "/v1/messages");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(4, daemon("client")))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Load load = new Load(args[1]);
        switch (args[0]) {
            case "streams" -> load.streams(Integer.parseInt(args[2]), Double.parseDouble(args[3]),
                    Integer.parseInt(args[4]));
            case "mixed" -> load.mixed(Double.parseDouble(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "failover" -> load.failover(Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Long.parseLong(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("mode: streams | mixed | failover");
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------------ scenarios

    private void streams(int count, double rampSeconds, int timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long cpuAtStart = cpuMillis();
        List<Stream> streams = new ArrayList<>();
        List<Stream> controls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sleepUntil(start + (long) (rampSeconds * 1e9 * i / count));
            streams.add(openStream(messages));
            if (control != null && i % CONTROL_EVERY == CONTROL_EVERY - 1) {
                controls.add(openStream(control));
            }
        }
        System.err.printf("all %d streams opened after %.1f s%n", count, (System.nanoTime() - start) / 1e9);
        awaitAll(streams, start + timeoutSeconds * 1_000_000_000L);
        awaitAll(controls, start + timeoutSeconds * 1_000_000_000L);
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = cpuMillis() - cpuAtStart;
        report("STREAMS", streams, start, String.format(" duration_ms=%d client_cpu_ms=%d", durationMs, cpuMs));
        if (!controls.isEmpty()) {
            report("CONTROL", controls, start, "");
        }
    }

    /** The machine-readable lines of one set of streams: LABEL (counts, latencies), its OUTCOMES and its TIMELINE. */
    private static void report(String label, List<Stream> streams, long start, String extra) {
        Outcomes outcomes = new Outcomes();
        streams.forEach(s -> outcomes.add(s.outcome()));
        Latencies events = Latencies.of(streams);
        String prefix = label.equals("STREAMS") ? "" : label + "_";
        System.out.printf("%s streams=%d ok=%d errors=%d hung=%d peak_open=%d events=%d %s%s%n", label,
                streams.size(), outcomes.count("ok"), streams.size() - outcomes.count("ok") - outcomes.count("hung"),
                outcomes.count("hung"), Stream.PEAK_OPEN.get(), events.size(), events.summary("event"), extra);
        System.out.println(prefix + "OUTCOMES " + outcomes);
        System.out.println(prefix + "TIMELINE " + timeline(streams, start, 5));
        System.out.println(prefix + "BY_EVENT " + byEvent(streams));
    }

    /**
     * The p99 event latency (ms) of each stream's first, second and third stamped event and of the rest: a stream's
     * first events cross a connection just set up (whether the tail is the streams' setup or the steady relay).
     */
    private static String byEvent(List<Stream> streams) {
        StringBuilder out = new StringBuilder();
        String[] names = {"first", "second", "third"};
        for (int k = 0; k < names.length; k++) {
            int index = k;
            long[] nth = streams.stream().map(Stream::latencies).filter(l -> l.length > index)
                    .mapToLong(l -> l[index]).sorted().toArray();
            out.append(String.format("%s=%.1f ", names[k], Latencies.at(nth, 0.99) / 1000.0));
        }
        long[] rest = streams.stream().map(Stream::latencies)
                .flatMapToLong(l -> Arrays.stream(l, Math.min(names.length, l.length), l.length)).sorted().toArray();
        return out.append(String.format("rest=%.1f", Latencies.at(rest, 0.99) / 1000.0)).toString();
    }

    /**
     * The p99 event latency (ms) of each {@code bucketSeconds} of the run, by when the mock sent the event (the mock's
     * and this client's nanoTime share the machine's monotonic clock): shows whether the tail comes from the ramp, the
     * steady state or the streams' ends.
     */
    private static String timeline(List<Stream> streams, long start, int bucketSeconds) {
        Map<Integer, List<Long>> buckets = new java.util.TreeMap<>();
        for (Stream s : streams) {
            long[] latencies = s.latencies();
            long[] stamps = s.stamps();
            for (int i = 0; i < latencies.length; i++) {
                int bucket = (int) ((stamps[i] - start) / (bucketSeconds * 1_000_000_000L)) * bucketSeconds;
                buckets.computeIfAbsent(bucket, b -> new ArrayList<>()).add(latencies[i]);
            }
        }
        StringBuilder out = new StringBuilder("bucket_s=" + bucketSeconds);
        buckets.forEach((bucket, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(" t%d=%.1f", bucket, Latencies.at(sorted, 0.99) / 1000.0));
        });
        return out.toString();
    }

    private void mixed(double ratePerSecond, int seconds, int streamPercent, int timeoutSeconds)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Stream> streams = new ArrayList<>();
        List<CompletableFuture<String>> plain = new ArrayList<>();
        long[] plainLatency = new long[(int) (ratePerSecond * seconds) + 16];
        AtomicInteger plainDone = new AtomicInteger();
        long nextReport = start + 60_000_000_000L;
        for (long i = 0; ; i++) {
            long due = start + (long) (i * 1e9 / ratePerSecond);
            if (due >= end) {
                break;
            }
            sleepUntil(due);
            if (i % 100 < streamPercent) {
                streams.add(openStream(messages));
            } else {
                long sent = System.nanoTime();
                plain.add(sendPlain().whenComplete((r, e) ->
                        plainLatency[plainDone.getAndIncrement()] = System.nanoTime() - sent));
            }
            if (System.nanoTime() >= nextReport) {
                nextReport += 60_000_000_000L;
                System.out.printf("PROGRESS t_s=%d sent=%d in_flight=%d%n",
                        (System.nanoTime() - start) / 1_000_000_000L, i + 1,
                        Stream.OPEN.get() + plain.size() - plainDone.get());
            }
        }
        long deadline = end + timeoutSeconds * 1_000_000_000L;
        awaitAll(streams, deadline);
        for (CompletableFuture<String> f : plain) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // counted as hung below
            }
        }
        Outcomes outcomes = new Outcomes();
        streams.forEach(s -> outcomes.add("stream " + s.outcome()));
        plain.forEach(f -> outcomes.add("plain " + (f.isDone() ? f.getNow("?") : "hung")));
        Latencies whole = new Latencies(Arrays.copyOf(plainLatency, Math.min(plainDone.get(), plainLatency.length)));
        Latencies events = Latencies.of(streams);
        int sent = streams.size() + plain.size();
        int ok = outcomes.count("stream ok") + outcomes.count("plain ok");
        int hung = outcomes.count("stream hung") + outcomes.count("plain hung");
        System.out.printf("MIXED sent=%d streams=%d plain=%d ok=%d errors=%d hung=%d %s %s%n", sent, streams.size(),
                plain.size(), ok, sent - ok - hung, hung, whole.summary("plain"), events.summary("event"));
        System.out.println("OUTCOMES " + outcomes);
    }

    private void failover(int requests, int connections, int streamCount, long killPid, int timeoutSeconds)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(connections, daemon("conn"));
        Outcomes outcomes = new Outcomes();
        CountDownLatch halfway = new CountDownLatch(requests / 2);
        for (int i = 0; i < requests; i++) {
            pool.submit(() -> {
                outcomes.add(sendPlainAndWait(timeoutSeconds));
                halfway.countDown();
            });
        }
        halfway.await();
        List<Stream> streams = new ArrayList<>();
        for (int i = 0; i < streamCount; i++) {
            streams.add(openStream(messages));
        }
        for (Stream s : streams) { // under way: each has had its head and a text event from its provider
            s.firstText.await(5, TimeUnit.SECONDS);
        }
        long killedAt = System.nanoTime();
        boolean killed = ProcessHandle.of(killPid).map(ProcessHandle::destroyForcibly).orElse(false);
        System.err.printf("SIGKILL to %d (%s) after %d answers%n", killPid, killed, outcomes.total());
        pool.shutdown();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        pool.awaitTermination(timeoutSeconds + 5L, TimeUnit.SECONDS);
        awaitAll(streams, deadline);
        Outcomes streamOutcomes = new Outcomes();
        long slowestEndMs = 0;
        for (Stream s : streams) {
            String outcome = s.outcome();
            streamOutcomes.add(s.provider + " " + outcome);
            if (!outcome.equals("hung") && s.endedAt > killedAt) {
                slowestEndMs = Math.max(slowestEndMs, (s.endedAt - killedAt) / 1_000_000);
            }
        }
        int answered = outcomes.total() - outcomes.count("hung");
        int ok = outcomes.countStartingWith("200 ");
        System.out.printf("FAILOVER requests=%d answered=%d ok=%d failed=%d killed=%s streams=%d "
                        + "stream_end_after_kill_max_ms=%d%n", requests, answered, ok, requests - ok, killed,
                streamCount, slowestEndMs);
        System.out.println("OUTCOMES " + outcomes);
        System.out.println("STREAM_OUTCOMES " + streamOutcomes);
    }

    // ------------------------------------------------------------------------------------------------ requests

    private HttpRequest request(boolean stream) {
        return request(messages, stream);
    }

    private HttpRequest request(URI target, boolean stream) {
        String body = "{\"model\":\"" + MODEL + "\",\"max_tokens\":" + MAX_TOKENS + ",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return HttpRequest.newBuilder(target).header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01").header("x-api-key", "dummy")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** "ok", or what went wrong: the status and error type, or the exception. */
    private CompletableFuture<String> sendPlain() {
        return client.sendAsync(request(false), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> r.statusCode() == 200 && r.body().contains("\"end_turn\"") ? "ok"
                        : r.statusCode() + " " + errorType(r.body()))
                .exceptionally(e -> exceptionName(e));
    }

    /** "200 PROVIDER" or "STATUS ERROR_TYPE" or the exception; "hung" when no answer within the timeout. */
    private String sendPlainAndWait(int timeoutSeconds) {
        try {
            HttpResponse<String> r = client.sendAsync(request(false), HttpResponse.BodyHandlers.ofString())
                    .get(timeoutSeconds, TimeUnit.SECONDS);
            return r.statusCode() + " " + (r.statusCode() == 200
                    ? r.headers().firstValue("x-ccr-provider").orElse("?") : errorType(r.body()));
        } catch (java.util.concurrent.TimeoutException e) {
            return "hung";
        } catch (Exception e) {
            return exceptionName(e);
        }
    }

    private Stream openStream(URI target) {
        Stream stream = new Stream();
        stream.done = client.sendAsync(request(target, true), info -> {
            stream.status = info.statusCode();
            stream.provider = info.headers().firstValue("x-ccr-provider").orElse("direct");
            return HttpResponse.BodySubscribers.fromLineSubscriber(stream);
        }).handle((r, e) -> {
            stream.failure = e == null ? null : exceptionName(e);
            stream.end();
            return null;
        });
        return stream;
    }

    private static void awaitAll(List<Stream> streams, long deadlineNanos) throws InterruptedException {
        for (Stream s : streams) {
            long left = deadlineNanos - System.nanoTime();
            try {
                s.done.get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                // counted as hung or failed by its outcome
            }
        }
    }

    private static String errorType(String body) {
        int at = body.indexOf("\"type\":\"", body.indexOf("\"error\":{") + 1);
        return at < 0 ? "?" : body.substring(at + 8, Math.max(at + 8, body.indexOf('"', at + 8)));
    }

    private static String exceptionName(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** This client's own CPU time so far: on a shared machine it competes with what it measures. */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ------------------------------------------------------------------------------------------------ results

    /** One streamed request: reads the SSE lines, times the stamped deltas, remembers how the stream ended. */
    private static final class Stream implements Flow.Subscriber<String> {
        static final AtomicInteger OPEN = new AtomicInteger();
        static final AtomicInteger PEAK_OPEN = new AtomicInteger();

        final CountDownLatch firstText = new CountDownLatch(1);
        volatile CompletableFuture<Void> done;
        volatile int status;
        volatile String provider = "?";
        volatile String failure;
        volatile long endedAt;
        private String event = "";
        private boolean sawStop;
        private boolean sawError;
        private long[] latencies = new long[64];
        private long[] stamps = new long[64];
        private int n;

        Stream() {
            PEAK_OPEN.accumulateAndGet(OPEN.incrementAndGet(), Math::max);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
                sawStop |= event.equals("message_stop");
                sawError |= event.equals("error");
            } else if (line.startsWith("data:") && event.equals("content_block_delta")) {
                firstText.countDown();
                int at = line.indexOf("\"text\":\"@");
                int end = at < 0 ? -1 : line.indexOf(';', at);
                if (end > 0) {
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                        stamps = Arrays.copyOf(stamps, n * 2);
                    }
                    long stamp = Long.parseLong(line.substring(at + 9, end));
                    stamps[n] = stamp;
                    latencies[n++] = now - stamp;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the future completes exceptionally too; handled there
        }

        @Override
        public void onComplete() {
        }

        void end() {
            endedAt = System.nanoTime();
            OPEN.decrementAndGet();
            firstText.countDown();
        }

        String outcome() {
            if (!done.isDone()) {
                return "hung";
            }
            if (failure != null) {
                return failure + (sawError ? " after event:error" : "");
            }
            if (status != 200) {
                return "status " + status;
            }
            return sawError ? "event:error" : sawStop ? "ok" : "ended without message_stop";
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(latencies, n);
        }

        synchronized long[] stamps() {
            return Arrays.copyOf(stamps, n);
        }
    }

    private record Latencies(long[] nanos) {
        static Latencies of(List<Stream> streams) {
            return new Latencies(streams.stream().map(Stream::latencies).flatMapToLong(Arrays::stream).toArray());
        }

        int size() {
            return nanos.length;
        }

        String summary(String name) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format("%1$s_p50_us=%2$d %1$s_p90_us=%3$d %1$s_p99_us=%4$d %1$s_p999_us=%5$d"
                            + " %1$s_max_us=%6$d", name, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
                    at(sorted, 0.999), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000);
        }

        private static long at(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1000;
        }
    }

    /** Counts by outcome, printed as {@code outcome=count; ...}. */
    private static final class Outcomes {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void add(String outcome) {
            counts.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        int count(String outcome) {
            AtomicInteger c = counts.get(outcome);
            return c == null ? 0 : c.get();
        }

        int countStartingWith(String prefix) {
            return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                    .mapToInt(e -> e.getValue().get()).sum();
        }

        int total() {
            return counts.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            new TreeMap<>(counts).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append(k).append('=')
                    .append(v.get()));
            return sb.toString();
        }
    }
}
