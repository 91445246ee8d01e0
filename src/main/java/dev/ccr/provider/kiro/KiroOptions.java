package dev.ccr.provider.kiro;

import dev.ccr.config.ConfigException;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A Kiro provider's token options ({@code ccr.providers.NAME.option.KEY}):
 * {@code token-path} (default {@value #DEFAULT_TOKEN_PATH}, a leading {@code ~/} is the user's home),
 * {@code refresh-url} (social logins, default {@value #DEFAULT_REFRESH_URL}),
 * {@code idc-refresh-url} (IAM Identity Center / Builder ID, default {@value #DEFAULT_IDC_REFRESH_URL}),
 * {@code refresh-margin} (refresh this long before expiry; seconds or 30s/10m/1h/ISO-8601, default 600s) and
 * {@code profile-arn} (overrides the token file's profileArn). {@code {region}} in a URL is the token's region.
 */
record KiroOptions(Path tokenPath, String refreshUrl, String idcRefreshUrl, Duration refreshMargin, String profileArn) {
    static final String DEFAULT_TOKEN_PATH = "~/.aws/sso/cache/kiro-auth-token.json";
    static final String DEFAULT_REFRESH_URL = "https://prod.{region}.auth.desktop.kiro.dev/refreshToken";
    static final String DEFAULT_IDC_REFRESH_URL = "https://oidc.{region}.amazonaws.com/token";
    static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofSeconds(600);

    static KiroOptions of(ProviderSettings provider) {
        String profileArn = provider.option("profile-arn", null);
        return new KiroOptions(
                expandHome(provider.option("token-path", DEFAULT_TOKEN_PATH).strip()),
                provider.option("refresh-url", DEFAULT_REFRESH_URL).strip(),
                provider.option("idc-refresh-url", DEFAULT_IDC_REFRESH_URL).strip(),
                margin(provider),
                profileArn == null || profileArn.isBlank() ? null : profileArn.strip());
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(path);
    }

    private static Duration margin(ProviderSettings provider) {
        String value = provider.option("refresh-margin", null);
        if (value == null || value.isBlank()) {
            return DEFAULT_REFRESH_MARGIN;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.startsWith("p")) {
                d = Duration.parse(value.strip());
            } else if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (Character.isDigit(v.charAt(v.length() - 1))) {
                d = Duration.ofSeconds(Long.parseLong(v));
            } else {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                d = switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new NumberFormatException();
                };
            }
            if (!d.isNegative()) {
                return d;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new ConfigException("provider '" + provider.name() + "'",
                ProviderConfigReader.PREFIX + provider.name() + ".option.refresh-margin",
                "must be a duration such as 600s or 10m, not '" + value + "'");
    }

    /** A refresh URL for a token's region. */
    static String forRegion(String template, String region) {
        return template.replace("{region}", region);
    }
}
