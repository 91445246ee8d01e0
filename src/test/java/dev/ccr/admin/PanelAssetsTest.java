package dev.ccr.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel's static files, served from the jar by the real router. */
class PanelAssetsTest extends AdminRouterTest {
    @ParameterizedTest
    @CsvSource({
            "/ui, text/html; charset=utf-8",
            "/ui/, text/html; charset=utf-8",
            "/ui/index.html, text/html; charset=utf-8",
            "/ui/panel.js, text/javascript; charset=utf-8",
            "/ui/panel.css, text/css; charset=utf-8",
            "/ui/panel.js?v=2, text/javascript; charset=utf-8"})
    void servesThePanelWithItsContentType(String path, String type) throws Exception {
        HttpResponse<String> response = admin.router.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(type);
        assertThat(response.body()).isNotBlank();
    }

    @Test
    void thePageNeedsNoKeyButHoldsNoSecret() throws Exception {
        String page = admin.router.get("/ui").body();

        assertThat(page).contains("<title>").doesNotContain(AdminTestRouter.KEY)
                .doesNotContain(AdminTestRouter.PROVIDER_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/missing.js", "/ui/../config/application.properties", "/ui/%2e%2e/pom.xml",
            "/ui/panel", "/uix", "/ui/panel.js/"})
    void anythingElseIsNotFound(String path) throws Exception {
        HttpResponse<String> response = admin.router.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("not_found_error");
    }

    @Test
    void onlyGetIsServed() throws Exception {
        assertThat(admin.router.post("/ui/index.html", "{}", Map.of()).statusCode()).isEqualTo(405);
    }
}
