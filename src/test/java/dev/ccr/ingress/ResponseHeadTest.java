package dev.ccr.ingress;

import dev.ccr.model.ClientReply;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import dev.ccr.stream.StreamTranslator;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 3: writing a response head can never leave the client's connection without an answer. Netty
 * refuses a header value with CR/LF by throwing; before, that exception escaped the relay and the client waited
 * forever. These run the real writers on a real Netty channel pipeline (an embedded one: names are now checked at
 * ingress, so no request can carry such a value this far any more).
 */
class ResponseHeadTest {
    private final EmbeddedChannel channel = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() throws Exception {
        channel.finishAndReleaseAll();
        camel.close();
    }

    @Test
    void aHeaderNettyRefusesIsLeftOutAndTheAnswerIsStillWritten() {
        HttpReplies.full(channel, 200, "application/json",
                Map.of("request-id", "req_1\r\nX-Injected: yes", "x-fine", "ok"), "{}".getBytes(StandardCharsets.UTF_8),
                true, false);

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("x-fine")).isEqualTo("ok");
        assertThat(response.headers().contains("request-id")).isFalse();
        assertThat(response.headers().contains("x-injected")).isFalse();
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        response.release();
    }

    @Test
    void theRoutersOwnHeadersNeverCarryALineBreak() {
        RequestRecord record = new RequestRecord(RequestListener.NONE);
        record.classified("explicit", "test");
        record.attempt("anthropic", "claude-x\nX-Injected: yes");
        Exchange exchange = new DefaultExchange(camel);
        exchange.getIn().setHeader(ExchangeKeys.CHANNEL, channel.pipeline().firstContext());
        exchange.setProperty(ExchangeKeys.RECORD, record);
        exchange.getIn().setBody("{}");

        new ClientResponseWriter(new BodyLog(false, false, 100)).process(exchange);

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get("x-ccr-model")).isEqualTo("claude-x?X-Injected: yes");
        assertThat(response.headers().contains("x-injected")).isFalse();
        response.release();
    }

    @Test
    void aStreamedHeadThatCannotBeBuiltEndsInAnErrorAnswer() {
        // a reply without a content type: building its head throws, as a refused header did
        ClientReply reply = new ClientReply(200, null, Map.of(), oneChunk("{\"type\":\"message\"}"),
                StreamTranslator.identity(), Duration.ofSeconds(30), Duration.ofSeconds(60), false);
        RequestRecord record = new RequestRecord(RequestListener.NONE);

        new StreamRelay(channel, reply, Map.of("x-ccr-category", "default"), true, record, null).start();
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response).as("an answer, not silence").isNotNull();
        assertThat(response.status().code()).isEqualTo(500);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("\"type\":\"error\"");
        assertThat(record.hasEnded()).isTrue();
        response.release();
    }

    /** A provider body of one piece, delivered on request. */
    private static Flow.Publisher<List<ByteBuffer>> oneChunk(String text) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            private boolean sent;

            @Override
            public void request(long n) {
                if (!sent) {
                    sent = true;
                    subscriber.onNext(List.of(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                sent = true;
            }
        });
    }
}
