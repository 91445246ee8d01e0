package dev.ccr.ingress;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Host} values the router answers to. A page on {@code evil.example} whose name an attacker re-points at
 * 127.0.0.1 (DNS rebinding) reaches the router with {@code Host: evil.example}, so any name the router was not told
 * about is refused.
 * <ul>
 *   <li>Loopback names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) with any port or none: no attacker can
 *   make a browser send them for a page of its own, and a port differs legitimately behind an SSH tunnel
 *   ({@code ssh -L 9000:127.0.0.1:3456}).</li>
 *   <li>The bound address ({@code ccr.host}) with the router's port, unless it is a wildcard (0.0.0.0, ::), which no
 *   client uses as a name.</li>
 *   <li>Each {@code ccr.allowed-hosts} entry: {@code name} (any port) or {@code name:port}.</li>
 * </ul>
 */
public final class HostAllowList {
    static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    /** A DNS name or IPv4 address, or an IPv6 literal in brackets; then an optional port. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9a-f:.]+]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\\d{1,5}))?");
    private static final int ANY_PORT = -1;

    private record Entry(String name, int port) {
        boolean accepts(String name, int port) {
            return this.name.equals(name) && (this.port == ANY_PORT || this.port == port);
        }
    }

    private final List<Entry> entries;

    private HostAllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** From {@code ccr.host}, {@code ccr.port} and {@code ccr.allowed-hosts}; a malformed entry stops the start. */
    public static HostAllowList from(Settings settings) {
        List<Entry> entries = new ArrayList<>();
        LOOPBACK_NAMES.forEach(name -> entries.add(new Entry(name, ANY_PORT)));
        String bound = settings.string("ccr.host", "127.0.0.1").toLowerCase(Locale.ROOT);
        if (!isWildcard(bound)) {
            entries.add(new Entry(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound,
                    settings.integer("ccr.port", 3456)));
        }
        for (String configured : settings.list("ccr.allowed-hosts")) {
            Matcher m = HOST.matcher(configured.toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new ConfigException(settings.source(), "ccr.allowed-hosts", "'" + configured
                        + "' is not a host name, IP address or [IPv6] address, with an optional :port");
            }
            entries.add(new Entry(m.group(1), m.group(2) == null ? ANY_PORT : Integer.parseInt(m.group(2))));
        }
        return new HostAllowList(entries);
    }

    /** Whether a request's {@code Host} header names this router; null or malformed values never do. */
    public boolean accepts(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        Matcher m = HOST.matcher(hostHeader.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return false;
        }
        int port = m.group(2) == null ? ANY_PORT : Integer.parseInt(m.group(2));
        return entries.stream().anyMatch(e -> e.accepts(m.group(1), port));
    }

    /** The accepted names, for the start-up log. */
    public List<String> describe() {
        return entries.stream().map(e -> e.port == ANY_PORT ? e.name : e.name + ":" + e.port).toList();
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
