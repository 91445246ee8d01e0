package dev.ccr.provider;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A JSON tree serialised as it is read: token by token from the tree, so only the part being read is in memory as
 * bytes (a single long string, such as a screenshot's base64, is written whole). Produces what
 * {@code Json.bytes(tree)} produces.
 */
final class JsonBodyStream extends InputStream {
    /** How much is serialised ahead of the reader. */
    private static final int CHUNK = 64 * 1024;

    private final JsonParser tokens;
    private final JsonGenerator writer;
    private Buffer serialised = new Buffer();
    private int position;
    private boolean ended;

    JsonBodyStream(JsonNode tree) {
        try {
            tokens = tree.traverse(Json.MAPPER);
            writer = Json.MAPPER.getFactory().createGenerator(new OutputStreamTo(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (position == serialised.size()) {
            if (!serialiseMore()) {
                return -1;
            }
        }
        int count = Math.min(length, serialised.size() - position);
        System.arraycopy(serialised.array(), position, target, offset, count);
        position += count;
        return count;
    }

    /** Serialises the next tokens, at least {@link #CHUNK} bytes of them unless the tree ends first. */
    private boolean serialiseMore() throws IOException {
        // a buffer that grew for one long string is dropped rather than kept for the rest of the upload
        serialised = serialised.size() > CHUNK ? new Buffer() : serialised;
        serialised.reset();
        position = 0;
        while (!ended && serialised.size() < CHUNK) {
            if (tokens.nextToken() == null) {
                writer.close();
                ended = true;
            } else {
                writer.copyCurrentEvent(tokens);
            }
        }
        writer.flush();
        return serialised.size() > 0;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        tokens.close();
        serialised = new Buffer();
    }

    /** A byte buffer whose array the stream reads from directly. */
    private static final class Buffer extends ByteArrayOutputStream {
        byte[] array() {
            return buf;
        }
    }

    /** Where the generator writes: whichever buffer the stream uses at the moment. */
    private static final class OutputStreamTo extends java.io.OutputStream {
        private final JsonBodyStream stream;

        OutputStreamTo(JsonBodyStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            stream.serialised.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            stream.serialised.write(bytes, offset, length);
        }
    }
}
