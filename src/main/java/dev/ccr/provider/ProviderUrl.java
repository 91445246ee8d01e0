package dev.ccr.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a provider call goes: the configured base URL joined with a protocol path. Base URLs are written two ways in
 * the wild — without the API version ({@code https://api.openai.com}) and, as the OpenAI SDKs, Ollama, OpenRouter,
 * Groq and Gemini's own documentation write them, with it ({@code https://api.openai.com/v1},
 * {@code http://localhost:11434/v1}, {@code https://openrouter.ai/api/v1}, {@code …/v1beta}). Both must work, so when
 * the base URL already ends in a version segment the protocol path's leading version segment is left out: the
 * base URL's version wins ({@code …/v1beta} + {@code /v1beta/models/x} and {@code …/v1alpha} +
 * {@code /v1beta/models/x} give {@code …/v1beta/models/x} and {@code …/v1alpha/models/x}).
 */
public final class ProviderUrl {
    /** An API version segment: v1, v2, v4, v1beta, v1alpha, v1beta2… */
    private static final Pattern VERSION = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?", Pattern.CASE_INSENSITIVE);

    private ProviderUrl() {
    }

    /** The URL of {@code path} (which starts with {@code /} and may carry a query) below {@code base}. */
    public static URI resolve(URI base, String path) {
        return URI.create(join(base, path));
    }

    /**
     * What {@link #resolve} would call, as it may be logged: without the base URL's user info, query or fragment, and
     * with placeholders such as {@code {model}} left as they are.
     */
    public static String describe(URI base, String path) {
        return join(URI.create(shown(base)), path);
    }

    private static String join(URI base, String path) {
        String root = base.toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        String baseVersion = basePath.substring(basePath.lastIndexOf('/') + 1);
        if (VERSION.matcher(baseVersion).matches()) {
            path = withoutLeadingVersion(path);
        }
        return root + path;
    }

    private static String withoutLeadingVersion(String path) {
        int end = 1;
        while (end < path.length() && "/?".indexOf(path.charAt(end)) < 0) {
            end++;
        }
        return path.length() > 1 && VERSION.matcher(path.substring(1, end)).matches() ? path.substring(end) : path;
    }

    /** The URL as it may be shown in logs and the admin API: without user info, query or fragment. */
    public static String shown(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }
}
