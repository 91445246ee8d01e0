package dev.ccr.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 6: what a browser needs to keep the panel and the admin API safe — a Content-Security-Policy that
 * allows only the router's own files and no framing, no content sniffing, no referrer, and no cached copies of
 * anything describing providers — on the panel's files (errors included) and on every JSON answer of the real router.
 */
class BrowserSafetyHeadersTest extends AdminRouterTest {
    static HttpResponse<String> get(String path, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(admin.router.uri(path)).timeout(Duration.ofSeconds(10));
        if (withKey) {
            request.header("x-api-key", AdminTestRouter.KEY);
        }
        return admin.router.client().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertBrowserSafe(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri().getPath() + " ("
                + response.statusCode() + ")";
        assertThat(response.headers().firstValue("content-security-policy")).as(what).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("x-content-type-options")).as(what).hasValue("nosniff");
        assertThat(response.headers().firstValue("referrer-policy")).as(what).hasValue("no-referrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui", "/ui/index.html", "/ui/panel.js", "/ui/panel.css", "/ui/icon.svg", "/ui/missing.js"})
    void thePanelsFilesAndErrorsCarryThem(String path) throws Exception {
        HttpResponse<String> response = get(path, false);

        assertThat(response.statusCode()).isIn(200, 404);
        assertBrowserSafe(response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/routing", "/health/providers", "/stats", "/v1/models", "/metrics"})
    void answersDescribingProvidersAreNeverStored(String path) throws Exception {
        HttpResponse<String> response = get(path, true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isNotBlank();
        assertBrowserSafe(response);
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    }

    @Test
    void adminErrorsCarryThemToo() throws Exception {
        HttpResponse<String> refused = get("/admin/routing", false);
        HttpResponse<String> invalid = admin.put("{\"providers\":{\"primary\":{\"weight\":-1}}}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertBrowserSafe(refused);
        assertBrowserSafe(invalid);
        assertThat(invalid.headers().firstValue("cache-control")).hasValue("no-store");
    }

    /** Under default-src 'self' a browser would not run inline code: the page must keep all of it in files. */
    @Test
    void thePageHasNoInlineScriptOrStyle() throws Exception {
        String page = get("/ui", false).body();

        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).as("inline <script>").isFalse();
        assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContain("javascript:")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(page).doesNotContain("data:");
    }
}
