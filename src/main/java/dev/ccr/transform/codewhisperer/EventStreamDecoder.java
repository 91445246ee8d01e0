package dev.ccr.transform.codewhisperer;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Decodes AWS's binary event stream ({@code application/vnd.amazon.eventstream}) as it arrives. Each frame is
 * {@code u32 total_len | u32 headers_len | u32 prelude_crc | headers | payload | u32 message_crc}, big-endian, both
 * CRCs CRC-32 (IEEE). Bytes may come split anywhere, several frames per read or one frame over many reads: what is
 * not yet a whole frame is kept for the next call.
 *
 * <p>A length is only trusted once the prelude CRC has matched, and never beyond {@link #maxFrameBytes}: a corrupt or
 * hostile stream fails with a {@link RouterException} instead of making us allocate gigabytes or wait forever.
 * The buffer only grows with bytes actually received. Not thread safe: one per response.
 */
public final class EventStreamDecoder {
    /** Frames beyond this are refused. Kiro's events are a few KB; 16 MiB leaves room for whole tool inputs. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
    static final int PRELUDE_BYTES = 12;
    static final int MIN_FRAME_BYTES = 16;

    private final int maxFrameBytes;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;

    public EventStreamDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public EventStreamDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Adds received bytes; returns the frames they complete, in order (often none, sometimes several). */
    public List<EventStreamMessage> feed(ByteBuffer chunk) {
        append(chunk);
        List<EventStreamMessage> messages = new ArrayList<>();
        EventStreamMessage message;
        while ((message = next()) != null) {
            messages.add(message);
        }
        compact();
        return messages;
    }

    public List<EventStreamMessage> feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    /** True when bytes of an unfinished frame are waiting: a stream ending now was cut off. */
    public boolean hasPartialFrame() {
        return end > start;
    }

    private EventStreamMessage next() {
        int available = end - start;
        if (available < PRELUDE_BYTES) {
            return null;
        }
        long totalLength = readU32(start);
        long headersLength = readU32(start + 4);
        long preludeCrc = readU32(start + 8);
        if (crc(start, 8) != preludeCrc) {
            throw corrupt("prelude checksum mismatch");
        }
        if (totalLength < MIN_FRAME_BYTES || totalLength > maxFrameBytes) {
            throw corrupt("frame length " + totalLength + " outside 16.." + maxFrameBytes);
        }
        if (headersLength > totalLength - MIN_FRAME_BYTES) {
            throw corrupt("headers length " + headersLength + " exceeds the frame");
        }
        int total = (int) totalLength;
        if (available < total) {
            return null;
        }
        if (crc(start, total - 4) != readU32(start + total - 4)) {
            throw corrupt("message checksum mismatch");
        }
        int headersStart = start + PRELUDE_BYTES;
        int payloadStart = headersStart + (int) headersLength;
        Map<String, Object> headers = headers(headersStart, payloadStart);
        byte[] payload = Arrays.copyOfRange(buffer, payloadStart, start + total - 4);
        start += total;
        return new EventStreamMessage(headers, payload);
    }

    private Map<String, Object> headers(int from, int to) {
        Map<String, Object> headers = new LinkedHashMap<>();
        int p = from;
        while (p < to) {
            int nameLength = buffer[p++] & 0xff;
            require(p + nameLength + 1 <= to, "header name");
            String name = new String(buffer, p, nameLength, StandardCharsets.UTF_8);
            p += nameLength;
            int type = buffer[p++];
            Object value;
            switch (type) {
                case 0 -> value = Boolean.TRUE;
                case 1 -> value = Boolean.FALSE;
                case 2 -> {
                    require(p + 1 <= to, name);
                    value = buffer[p];
                    p += 1;
                }
                case 3 -> {
                    require(p + 2 <= to, name);
                    value = (short) readU16(p);
                    p += 2;
                }
                case 4 -> {
                    require(p + 4 <= to, name);
                    value = (int) readU32(p);
                    p += 4;
                }
                case 5, 8 -> {
                    require(p + 8 <= to, name);
                    long v = ByteBuffer.wrap(buffer, p, 8).getLong();
                    value = type == 5 ? (Object) v : Instant.ofEpochMilli(v);
                    p += 8;
                }
                case 6, 7 -> {
                    require(p + 2 <= to, name);
                    int length = readU16(p);
                    p += 2;
                    require(p + length <= to, name);
                    value = type == 7 ? new String(buffer, p, length, StandardCharsets.UTF_8)
                            : Arrays.copyOfRange(buffer, p, p + length);
                    p += length;
                }
                case 9 -> {
                    require(p + 16 <= to, name);
                    ByteBuffer b = ByteBuffer.wrap(buffer, p, 16);
                    value = new UUID(b.getLong(), b.getLong());
                    p += 16;
                }
                default -> throw corrupt("unknown header type " + type + " for '" + name + "'");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private void require(boolean condition, String what) {
        if (!condition) {
            throw corrupt("header '" + what + "' runs past the header section");
        }
    }

    private void append(ByteBuffer chunk) {
        int n = chunk.remaining();
        if (end + n > buffer.length) {
            compact();
            if (end + n > buffer.length) {
                // Grows with what has arrived, never with what a length field claims.
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, end + n));
            }
        }
        chunk.get(buffer, end, n);
        end += n;
    }

    private void compact() {
        if (start == 0) {
            return;
        }
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
    }

    private long crc(int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(buffer, from, length);
        return crc.getValue();
    }

    private long readU32(int at) {
        return ((buffer[at] & 0xffL) << 24) | ((buffer[at + 1] & 0xffL) << 16) | ((buffer[at + 2] & 0xffL) << 8)
                | (buffer[at + 3] & 0xffL);
    }

    private int readU16(int at) {
        return ((buffer[at] & 0xff) << 8) | (buffer[at + 1] & 0xff);
    }

    private static RouterException corrupt(String detail) {
        return new RouterException(ErrorType.API, 502,
                "The CodeWhisperer provider sent a corrupt event stream (" + detail + ")", null, null);
    }
}
