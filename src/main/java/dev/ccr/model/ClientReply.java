package dev.ccr.model;

import dev.ccr.stream.StreamTranslator;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * A provider's answer on its way back to the client: the head to send, the provider's body still streaming, and the
 * translator that turns it into Anthropic's format.
 *
 * @param status      HTTP status for the client
 * @param contentType content type for the client
 * @param headers     extra headers for the client (request id…)
 * @param body        the provider's body, read at the client's pace
 * @param translator  provider bytes → client bytes
 * @param idleTimeout the longest gap allowed between two pieces of the provider's body
 * @param totalTimeout the longest the whole answer may take
 * @param sse         whether the client receives server-sent events (so a late failure becomes an error event)
 */
public record ClientReply(int status, String contentType, Map<String, String> headers,
                          Flow.Publisher<List<ByteBuffer>> body, StreamTranslator translator, Duration idleTimeout,
                          Duration totalTimeout, boolean sse) {
}
