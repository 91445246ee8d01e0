package dev.ccr.launch;

import dev.ccr.config.Settings;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.net.URI;
import java.util.Optional;

/**
 * Where the router listens and the key clients must send, read from the same configuration the router reads (the
 * file, {@code {{env:…}}} placeholders and environment overrides such as {@code CCR_PORT}, {@code CCR_API_KEY}).
 *
 * @param baseUrl the URL Claude Code is pointed at, e.g. {@code http://127.0.0.1:3456}
 * @param key     the router key, or null when the router has none
 */
record RouterAddress(URI baseUrl, String key) {

    static RouterAddress fromConfig(String configFile) {
        // Camel's own properties component, never started: the same placeholders and overrides as the running router
        PropertiesComponent properties = new DefaultCamelContext(false).getPropertiesComponent();
        properties.setLocation("file:" + configFile);
        Settings settings = new Settings(properties::resolveProperty, configFile);
        String host = settings.string("ccr.host", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1"; // listening everywhere: this machine reaches it on loopback
        }
        String authority = host.contains(":") ? "[" + host + "]" : host;
        URI url = URI.create("http://" + authority + ":" + settings.integer("ccr.port", 3456));
        return new RouterAddress(url, settings.get("ccr.api-key").orElse(null));
    }

    /** What a client sends as its key: the router key, or a placeholder Claude Code needs when the router has none. */
    String clientToken() {
        return Optional.ofNullable(key).orElse("no-router-key");
    }
}
