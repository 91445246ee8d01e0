package dev.ccr.testing;

import dev.ccr.stream.StreamTranslator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds a {@link StreamTranslator} a provider's body, whole or cut anywhere, and collects what the client gets. */
public final class TranslatorDriver {
    private TranslatorDriver() {
    }

    /** Feeds the body cut at the given byte offsets (ascending), then finishes; returns all output. */
    public static byte[] run(StreamTranslator translator, byte[] body, int... cuts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int from = 0;
        for (int cut : cuts) {
            out.writeBytes(translator.translate(ByteBuffer.wrap(body, from, cut - from).slice()));
            from = cut;
        }
        out.writeBytes(translator.translate(ByteBuffer.wrap(body, from, body.length - from).slice()));
        out.writeBytes(translator.finish());
        return out.toByteArray();
    }

    /** The body as UTF-8, fed as {@link #run(StreamTranslator, byte[], int...)} does. */
    public static byte[] run(StreamTranslator translator, String body, int... cuts) {
        return run(translator, body.getBytes(StandardCharsets.UTF_8), cuts);
    }

    /** Feeds each chunk in one call, then finishes; returns all output. */
    public static byte[] runChunks(StreamTranslator translator, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            out.writeBytes(translator.translate(ByteBuffer.wrap(chunk)));
        }
        out.writeBytes(translator.finish());
        return out.toByteArray();
    }

    /** Cuts between every two bytes of a body this long: it is fed one byte at a time. */
    public static int[] everyByte(int length) {
        int[] cuts = new int[Math.max(0, length - 1)];
        Arrays.setAll(cuts, i -> i + 1);
        return cuts;
    }

    /** Up to {@code count} distinct cuts, ascending, inside a body this long. */
    public static int[] randomCuts(Random random, int count, int length) {
        return random.ints(count, 1, length).sorted().distinct().toArray();
    }

    /** Each single cut inside a body this long: {1}, {2}, … {length - 1}. */
    public static List<int[]> singleCuts(int length) {
        List<int[]> cuts = new ArrayList<>();
        for (int cut = 1; cut < length; cut++) {
            cuts.add(new int[] {cut});
        }
        return cuts;
    }

    /**
     * Asserts that the body fed with each set of cuts, every time to a new translator, gives the expected view of
     * the output (the view of the output for the whole body, typically).
     */
    public static <T> void assertCutsGive(T expected, Supplier<StreamTranslator> translators, byte[] body,
                                          Function<byte[], T> view, List<int[]> cutSets, String label) {
        for (int[] cuts : cutSets) {
            assertThat(view.apply(run(translators.get(), body, cuts))).as("%s cut at %s", label,
                    Arrays.toString(cuts)).isEqualTo(expected);
        }
    }
}
