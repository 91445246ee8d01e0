package dev.ccr.ingress.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.ServerInitializerFactory;
import org.apache.camel.component.netty.http.HttpServerInitializerFactory;
import org.apache.camel.component.netty.http.NettyHttpConsumer;

/**
 * camel-netty-http's server pipeline with the router's limits added: the body limit (in place of the aggregator
 * sized by the first route that bound the port), the connection cap, the request/idle timeouts, the check that a
 * request's target is a URI Camel can parse, and request bodies moved to the heap at once.
 */
final class IngressInitializer extends HttpServerInitializerFactory {
    private final IngressLimits limits;
    private final ConnectionCap connectionCap;

    IngressInitializer(NettyHttpConsumer consumer, IngressLimits limits, ConnectionCap connectionCap) {
        super(consumer);
        this.limits = limits;
        this.connectionCap = connectionCap;
    }

    @Override
    public ServerInitializerFactory createPipelineFactory(NettyConsumer consumer) {
        return new IngressInitializer((NettyHttpConsumer) consumer, limits, connectionCap);
    }

    @Override
    protected void initChannel(Channel channel) throws Exception {
        super.initChannel(channel);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.replace("aggregator", "aggregator", new BodySizeLimit(limits.maxBodyBytes()));
        RequestTimeouts timeouts = new RequestTimeouts(limits.requestReadTimeout(), limits.idleTimeout());
        pipeline.addBefore("decoder", RequestTimeouts.FIRST_BYTES, new RequestStartSignal(timeouts));
        // after the codec: both see HTTP messages, requests in and answers out
        pipeline.addBefore("aggregator", ConnectionCap.NAME, connectionCap);
        pipeline.addBefore("aggregator", RequestTimeouts.NAME, timeouts);
        // on whole requests, before Camel's handler fails on a target it cannot parse
        pipeline.addAfter("aggregator", RequestTargetCheck.NAME, RequestTargetCheck.INSTANCE);
        pipeline.addAfter(RequestTargetCheck.NAME, RequestBodyOnHeap.NAME, RequestBodyOnHeap.INSTANCE);
    }
}
