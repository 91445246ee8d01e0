package dev.ccr.ingress;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.netty.http.NettyHttpMessage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps web pages from driving the router, which holds the user's provider keys on a loopback port any page can
 * send requests to. Runs first on every netty-http request (the {@code interceptFrom} of the shared route
 * configuration), before the router key is checked or anything else happens:
 * <ol>
 *   <li>{@code Host} must be one of {@link HostAllowList} (DNS rebinding), else 421;</li>
 *   <li>an {@code Origin}, which browsers send and Claude Code, the SDKs and curl do not, must be the router's own
 *   ({@code http(s)://} + the accepted Host: the control panel) or listed in {@code ccr.allowed-origins}, else 403;</li>
 *   <li>a POST, PUT or PATCH body must be declared {@code application/json}, else 415: the types a page may send
 *   cross-site without a CORS preflight (text/plain, forms, none) are thereby refused even if step 2 were bypassed.</li>
 * </ol>
 */
public final class CrossSiteGuard implements Processor {
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.\\-\\[\\]:]+");
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final HostAllowList hosts;
    private final Set<String> origins;

    CrossSiteGuard(HostAllowList hosts, Set<String> origins) {
        this.hosts = hosts;
        this.origins = Set.copyOf(origins);
    }

    /** From {@code ccr.host}, {@code ccr.port}, {@code ccr.allowed-hosts} and {@code ccr.allowed-origins}. */
    public static CrossSiteGuard from(Settings settings) {
        List<String> origins = settings.list("ccr.allowed-origins").stream()
                .map(o -> o.toLowerCase(Locale.ROOT).replaceFirst("/$", "")).toList();
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin).matches()) {
                throw new ConfigException(settings.source(), "ccr.allowed-origins",
                        "'" + origin + "' is not an origin such as https://example.com or http://localhost:8080");
            }
        }
        return new CrossSiteGuard(HostAllowList.from(settings), Set.copyOf(origins));
    }

    public HostAllowList hosts() {
        return hosts;
    }

    @Override
    public void process(Exchange exchange) {
        NettyHttpMessage message = exchange.getIn(NettyHttpMessage.class);
        if (message == null) {
            throw new IllegalStateException("CrossSiteGuard guards netty-http requests only");
        }
        HttpRequest request = message.getHttpRequest();
        HttpHeaders headers = request.headers();
        String host = single(headers, HttpHeaderNames.HOST);
        if (!hosts.accepts(host)) {
            throw new RouterException(ErrorType.MISDIRECTED_REQUEST, "This router does not answer to that Host name;"
                    + " add the name clients use to ccr.allowed-hosts");
        }
        if (headers.contains(HttpHeaderNames.ORIGIN) && !originAllowed(single(headers, HttpHeaderNames.ORIGIN), host)) {
            throw new RouterException(ErrorType.PERMISSION, "Requests from web pages of other origins are refused;"
                    + " add the origin to ccr.allowed-origins to allow it");
        }
        if (METHODS_WITH_BODY.contains(request.method().name()) && !declaresJson(headers, request)) {
            throw new RouterException(ErrorType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json");
        }
    }

    private boolean originAllowed(String origin, String host) {
        if (origin == null) {
            return false;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        String ownHost = host.trim().toLowerCase(Locale.ROOT);
        return normalized.equals("http://" + ownHost) || normalized.equals("https://" + ownHost)
                || origins.contains(normalized);
    }

    private static boolean declaresJson(HttpHeaders headers, HttpRequest request) {
        if (headers.getAll(HttpHeaderNames.CONTENT_TYPE).size() != 1) {
            return false;
        }
        CharSequence mime = HttpUtil.getMimeType(request);
        return mime != null && "application/json".equalsIgnoreCase(mime.toString().trim());
    }

    /** The header's value when sent exactly once; repeated values are ambiguous and count as none. */
    private static String single(HttpHeaders headers, CharSequence name) {
        List<String> values = headers.getAll(name);
        return values.size() == 1 ? values.get(0) : null;
    }
}
