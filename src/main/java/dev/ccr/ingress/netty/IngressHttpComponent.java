package dev.ccr.ingress.netty;

import org.apache.camel.component.netty.http.HttpServerBootstrapFactory;
import org.apache.camel.component.netty.http.NettyHttpComponent;
import org.apache.camel.component.netty.http.NettyHttpConsumer;
import org.apache.camel.support.service.ServiceHelper;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code netty-http} component with the router's connection limits. camel-netty-http lets all routes on a port
 * share one server whose pipeline comes from whichever route binds first (so a route without
 * {@code chunkedMaxContentLength} used to cap every body at 1 MiB); here the pipeline is the router's for every
 * route, so a new route cannot change the limits.
 */
public final class IngressHttpComponent extends NettyHttpComponent {
    private final IngressLimits limits;
    private final ConnectionCap connectionCap;
    private final Map<String, HttpServerBootstrapFactory> servers = new HashMap<>();

    public IngressHttpComponent(IngressLimits limits) {
        this.limits = limits;
        this.connectionCap = new ConnectionCap(limits.maxConnections());
    }

    public IngressLimits limits() {
        return limits;
    }

    /** Client connections open now, refused ones excepted. */
    public int openConnections() {
        return connectionCap.open();
    }

    @Override
    protected synchronized HttpServerBootstrapFactory getOrCreateHttpNettyServerBootstrapFactory(NettyHttpConsumer consumer) {
        return servers.computeIfAbsent(consumer.getConfiguration().getAddress(), address -> {
            HttpServerBootstrapFactory server = new HttpServerBootstrapFactory(
                    getMultiplexChannelHandler(consumer.getConfiguration().getPort()));
            server.init(getCamelContext(), consumer.getConfiguration(),
                    new IngressInitializer(consumer, limits, connectionCap));
            return server;
        });
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        ServiceHelper.stopService(servers.values());
        servers.clear();
    }
}
