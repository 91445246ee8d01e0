package dev.ccr.shared;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import dev.ccr.error.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The router's connections to Redis (Lettuce): commands with a short timeout that fail at once while Redis is away
 * (never queued), a pub/sub connection for the {@link ChangeFeed}, and whether Redis is reachable now. Lettuce
 * reconnects by itself; when Redis comes back, the subscribers run again so every instance catches up. Callbacks run
 * on the router's own "ccr-redis" thread, never on Lettuce's or the ingress's Netty event loop.
 */
public final class RedisLink implements ChangeFeed, org.apache.camel.Service {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

    private final RedisClient client;
    private final RedisURI uri;
    private final Duration commandTimeout;
    private final String prefix;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ccr-redis");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final List<Runnable> reachableActions = new CopyOnWriteArrayList<>();
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisConnection<String, byte[]> bytes;
    private volatile StatefulRedisPubSubConnection<String, String> pubSub;
    private volatile boolean up;
    private volatile boolean stopped;
    private volatile String problem = "not connected yet";

    public RedisLink(String url, String prefix, Duration commandTimeout) {
        this.prefix = prefix;
        this.commandTimeout = commandTimeout;
        this.uri = RedisURI.create(url);
        Redactor.register(uri.getPassword() == null ? null : new String(uri.getPassword()));
        client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // a command while disconnected fails at once rather than waiting in a queue
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(2)).build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(io.lettuce.core.RedisChannelHandler<?, ?> connection, SocketAddress address) {
                execute(RedisLink.this::checkBack);
            }

            @Override
            public void onRedisDisconnected(io.lettuce.core.RedisChannelHandler<?, ?> connection) {
                down("connection lost");
            }
        });
    }

    /** Connects, or keeps trying every second in the background: the router starts with local state meanwhile. */
    @Override
    public void start() {
        worker.execute(this::connect);
    }

    private void connect() {
        try {
            if (commands == null) {
                commands = client.connect();
            }
            if (bytes == null) {
                bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            }
            if (pubSub == null) {
                StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
                connection.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        execute(() -> deliver(message));
                    }
                });
                connection.sync().subscribe(channel());
                pubSub = connection;
            }
            checkBack();
        } catch (RuntimeException e) {
            down(e.getMessage());
            inASecond(this::connect);
        }
    }

    /** Redis answers again (or for the first time): say so, and let every subscriber catch up. */
    private void checkBack() {
        if (up || commands == null) {
            return;
        }
        try {
            commands.sync().ping();
        } catch (RuntimeException e) {
            return;
        }
        up = true;
        problem = null;
        LOG.info("Redis reachable: state shared with the other instances");
        reachableActions.forEach(RedisLink::run);
        subscribers.values().forEach(list -> list.forEach(action -> run(action, null)));
    }

    /** Runs {@code action} (on the router's Redis thread) each time Redis answers again, before the subscribers. */
    public void whenReachable(Runnable action) {
        reachableActions.add(action);
    }

    /** Redis stopped answering: every part falls back to local state until it is back. */
    public void down(String why) {
        if (stopped) {
            return;
        }
        String reason = why == null ? "unreachable" : Redactor.redact(why);
        problem = reason;
        if (up) {
            up = false;
            LOG.warn("Redis unreachable ({}): serving with this instance's local state until it is back", reason);
            inASecond(this::probe);
        }
    }

    private void probe() {
        checkBack();
        if (!up) {
            inASecond(this::probe);
        }
    }

    /** Runs work on the router's Redis thread a second from now (a retry that must not hold anyone up). */
    public void inASecond(Runnable work) {
        if (!stopped) {
            worker.schedule(work, 1, TimeUnit.SECONDS);
        }
    }

    public boolean up() {
        return up;
    }

    /** Why Redis is not in use now, or null while it is. */
    public String problem() {
        return problem;
    }

    /** Synchronous commands; call only while {@link #up()}, off any event loop, and catch failures. */
    public RedisCommands<String, String> sync() {
        return commands.sync();
    }

    /** The connection Bucket4j keeps its buckets on. */
    public StatefulRedisConnection<String, byte[]> bytes() {
        return bytes;
    }

    /** Where Redis is (host, port, database, credentials), for the other clients that share it. */
    public RedisURI uri() {
        return uri;
    }

    /** The longest wait for one Redis command ({@code ccr.redis.timeout}). */
    public Duration timeout() {
        return commandTimeout;
    }

    /** A key name under the configured prefix; parts come from the configuration or strictly checked names. */
    public String key(String name) {
        return prefix + name;
    }

    /** Runs work on the router's Redis thread. */
    public void execute(Runnable work) {
        if (!stopped) {
            worker.execute(work);
        }
    }

    private String channel() {
        return key("changes");
    }

    @Override
    public void publish(String topic, String detail) {
        if (!up) {
            return;
        }
        String message = detail == null ? topic : topic + " " + detail;
        commands.async().publish(channel(), message).exceptionally(e -> {
            down(e.getMessage());
            return 0L;
        });
    }

    @Override
    public void subscribe(String topic, Consumer<String> action) {
        subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(action);
    }

    private void deliver(String message) {
        int space = message.indexOf(' ');
        String topic = space < 0 ? message : message.substring(0, space);
        String detail = space < 0 ? null : message.substring(space + 1);
        subscribers.getOrDefault(topic, List.of()).forEach(action -> run(action, detail));
    }

    private static void run(Runnable action) {
        run(detail -> action.run(), null);
    }

    private static void run(Consumer<String> action, String detail) {
        try {
            action.accept(detail);
        } catch (RuntimeException e) {
            LOG.warn("Acting on a shared change failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        // first, so that the disconnections the shutdown causes are not taken for Redis going away
        stopped = true;
        up = false;
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        worker.shutdownNow();
    }
}
