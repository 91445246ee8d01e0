package dev.ccr.provider;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpMethod;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

/**
 * The HTTP transport of one provider instance (Reactor Netty). A call made for a client connection runs on that
 * connection's event loop: the provider's answer is read on the thread that writes it to the client, so a streamed
 * event reaches the client's socket without changing threads (at 1,000 streams the hand-off from a separate client's
 * selector thread cost more than the relaying itself; bench/RESULTS.md). Each event loop has its own connection pool,
 * so a pooled connection is always one of that loop's. Calls made for no client (health probes, model lists) use
 * Reactor Netty's shared loops.
 */
final class ProviderHttp {
    private final ProviderSettings settings;
    private final Loop shared;
    private final Map<EventLoop, Loop> loops = new ConcurrentHashMap<>();

    /** A pool of connections and the client that uses it, on one event loop or (for {@code shared}) on any. */
    private record Loop(ConnectionProvider pool, HttpClient client) {
    }

    ProviderHttp(ProviderSettings settings) {
        this.settings = settings;
        this.shared = loop(null);
    }

    /**
     * Sends a request and completes with the answer's head once it arrives, whatever its status; its body is then
     * read at its subscriber's pace (or must be discarded). Fails when no head arrives within {@code headTimeout}.
     *
     * @param loop the event loop to run the call on, or null for any
     */
    CompletableFuture<UpstreamResponse> exchange(HttpMethod method, URI uri, Map<String, String> headers, UpstreamBody body,
                                       Duration headTimeout, EventLoop loop) {
        HttpClient.RequestSender sender = on(loop)
                .headers(h -> headers.forEach(h::set))
                .request(method)
                .uri(uri);
        HttpClient.ResponseReceiver<?> receiver = body == null ? sender
                : sender.send((request, out) -> {
                    request.header("content-length", Long.toString(body.length()));
                    return out.send(body.content());
                });
        return receiver.responseConnection((response, connection) -> Mono.just(answer(response, connection)))
                .single()
                .timeout(headTimeout)
                .toFuture();
    }

    /** Closes every pooled connection (the router is stopping). */
    void close() {
        shared.pool().dispose();
        loops.values().forEach(l -> l.pool().dispose());
        loops.clear();
    }

    private HttpClient on(EventLoop loop) {
        if (loop == null || loop.isShuttingDown()) {
            return shared.client();
        }
        return loops.computeIfAbsent(loop, this::loop).client();
    }

    /** A pool and its client for {@code eventLoop}, or for Reactor Netty's shared loops when it is null. */
    private Loop loop(EventLoop eventLoop) {
        ConnectionProvider pool = pool(eventLoop == null ? "shared" : "loop");
        HttpClient client = HttpClient.create(pool);
        return new Loop(pool, configured(eventLoop == null ? client : client.runOn(eventLoop)));
    }

    private HttpClient configured(HttpClient client) {
        client = client
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.timeouts().connect().toMillis()))
                .followRedirect(false)
                .compress(false);
        if ("https".equalsIgnoreCase(settings.baseUrl().getScheme())) {
            // HTTP/2 where the provider offers it (ALPN): fewer connections to a cloud API, one per event loop
            Http2SslContextSpec tls = Http2SslContextSpec.forClient();
            if (settings.caFile() != null) {
                tls = tls.configure(builder -> builder.trustManager(settings.caFile().toFile()));
            }
            Http2SslContextSpec spec = tls;
            return client.secure(ssl -> ssl.sslContext(spec)).protocol(HttpProtocol.H2, HttpProtocol.HTTP11);
        }
        return client.protocol(HttpProtocol.HTTP11);
    }

    /**
     * A pool without a cap of its own: how many calls a provider takes at once is the router's limits' business
     * (max-concurrent-requests), and Reactor Netty's default of 16 connections would queue the 17th stream. Unused
     * connections are closed after {@code timeouts.keep-alive}, also when no call comes to notice them.
     */
    private ConnectionProvider pool(String kind) {
        return ConnectionProvider.builder("ccr-" + settings.name() + "-" + kind)
                .maxConnections(Integer.MAX_VALUE)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(settings.timeouts().keepAlive())
                .evictInBackground(settings.timeouts().keepAlive())
                .build();
    }

    private static UpstreamResponse answer(HttpClientResponse response, Connection connection) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.responseHeaders().forEach(e -> headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(e.getValue()));
        Flow.Publisher<List<ByteBuffer>> body = JdkFlowAdapter.publisherToFlowPublisher(
                connection.inbound().receive().map(ProviderHttp::copy));
        return new UpstreamResponse(response.status().code(), HttpHeaders.of(headers, (name, value) -> true), body);
    }

    /** Reactor Netty releases each buffer once it has been handed on, so what the relay keeps must be a copy. */
    private static List<ByteBuffer> copy(ByteBuf piece) {
        byte[] bytes = new byte[piece.readableBytes()];
        piece.readBytes(bytes);
        return List.of(ByteBuffer.wrap(bytes));
    }
}
