package dev.ccr.stream;

import java.nio.ByteBuffer;

/**
 * Turns a provider's response body into what the client receives, piece by piece as it arrives. Called by one
 * thread at a time, in order. Implementations keep whatever partial input they need (a half SSE line, a split
 * binary frame) between calls.
 */
public interface StreamTranslator {
    byte[] NOTHING = new byte[0];

    /** Bytes from the provider, split anywhere; returns what the client should get now, possibly nothing. */
    byte[] translate(ByteBuffer chunk);

    /** The provider's body ended; returns what is left for the client (a closing event, a whole JSON message). */
    byte[] finish();

    /**
     * A translator that passes the provider's bytes through unchanged. A piece that is a whole array of its own (as
     * the provider client hands them over, each a fresh copy) is passed on as that array instead of being copied
     * again: what the relay does with it only reads it.
     */
    static StreamTranslator identity() {
        return new StreamTranslator() {
            @Override
            public byte[] translate(ByteBuffer chunk) {
                if (chunk.hasArray() && chunk.arrayOffset() == 0 && chunk.position() == 0
                        && chunk.remaining() == chunk.array().length) {
                    chunk.position(chunk.limit());
                    return chunk.array();
                }
                byte[] out = new byte[chunk.remaining()];
                chunk.get(out);
                return out;
            }

            @Override
            public byte[] finish() {
                return NOTHING;
            }
        };
    }
}
