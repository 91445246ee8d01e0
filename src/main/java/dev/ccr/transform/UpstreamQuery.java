package dev.ccr.transform;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The query string a provider call carries: only the parameters its protocol needs, taken from the client's raw
 * (still encoded) query and encoded again. Everything else is dropped, so a client cannot smuggle parameters to a
 * provider ({@code ?x=a%26api_key%3Dz} must never become {@code &api_key=z} upstream), and a pair that does not
 * decode is dropped instead of failing the call.
 */
public final class UpstreamQuery {
    private UpstreamQuery() {
    }

    /** {@code ""}, or {@code "?"} and the allowed parameters in the client's order. */
    public static String of(String rawQuery, Set<String> allowed) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&", "?", "").setEmptyValue("");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name != null && value != null && allowed.contains(name)) {
                kept.add(encode(name) + (equals < 0 ? "" : "=" + encode(value)));
            }
        }
        return kept.toString();
    }

    /** The decoded text, or null when it is not valid percent-encoding. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
