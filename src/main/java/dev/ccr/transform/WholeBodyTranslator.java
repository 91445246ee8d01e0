package dev.ccr.transform;

import dev.ccr.stream.StreamTranslator;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;

/**
 * For a client that asked for no stream: keeps the provider's whole answer (up to a limit) and converts it once it
 * has ended. A non-streamed answer has to be whole before it can be translated, so this is the one place where a
 * response is held in memory.
 */
public final class WholeBodyTranslator implements StreamTranslator {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final UnaryOperator<byte[]> convert;
    private final int limit;

    public WholeBodyTranslator(UnaryOperator<byte[]> convert, int limit) {
        this.convert = convert;
        this.limit = limit;
    }

    @Override
    public byte[] translate(ByteBuffer chunk) {
        if (body.size() + chunk.remaining() > limit) {
            throw new RouterException(ErrorType.API, "The provider's answer is larger than the " + limit
                    + " bytes the router holds for an answer that is not streamed: ask for a streamed answer");
        }
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        body.write(bytes, 0, bytes.length);
        return NOTHING;
    }

    @Override
    public byte[] finish() {
        return convert.apply(body.toByteArray());
    }
}
