package dev.ccr.e2e;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RawHttp;
import dev.ccr.testing.RouterHarness;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 9: the endpoint table of the README's Security section says what the code does. Each row's request
 * is sent without the router key to a router that has one: "yes" rows must answer 401, "no" rows must answer; rows
 * whose body must be JSON must refuse text/plain with 415. And every HTTP route of the running router has a row.
 */
class SecurityTableTest {
    static final String KEY = "router-key-for-the-security-table";
    /** A concrete request for the rows that name a family of paths. */
    static final Map<String, String> EXAMPLES = Map.of("/ui/<file>", "/ui/panel.js",
            "/admin/keys/<name>", "/admin/keys/alice", "any other path", "/not-an-endpoint",
            "/stats/sessions/<id>", "/stats/sessions/5d1f0c6e-0000-4000-8000-000000000001");

    record Row(List<String> requests, boolean needsKey, boolean jsonBody) {
    }

    static MockUpstream upstream;
    static RouterHarness router;
    static List<Row> table;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstream.answeringMessages();
        router = RouterHarness.start(Map.of(
                "ccr.api-key", KEY,
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"));
        table = readTable(Files.readString(Path.of("README.md")));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    /** The rows of the table under "## Security" whose first column names endpoints. */
    static List<Row> readTable(String readme) {
        String section = readme.substring(readme.indexOf("\n## Security"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        List<Row> rows = new ArrayList<>();
        Pattern request = Pattern.compile("`([A-Z]+ /[^`]*)`");
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `") && !line.startsWith("| any other path")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> requests = new ArrayList<>();
            Matcher m = request.matcher(cells[1]);
            while (m.find()) {
                requests.add(m.group(1));
            }
            if (cells[1].trim().equals("any other path")) {
                requests.add("GET any other path");
            }
            rows.add(new Row(requests, cells[2].trim().startsWith("yes"), cells[4].contains("`application/json`")));
        }
        return rows;
    }

    static RawHttp.Response send(String request, String contentType) throws Exception {
        String method = request.substring(0, request.indexOf(' '));
        String path = request.substring(request.indexOf(' ') + 1);
        path = EXAMPLES.getOrDefault(path, path);
        boolean withBody = method.equals("POST") || method.equals("PUT");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + router.port());
        if (withBody) {
            headers.put("Content-Type", contentType);
        }
        return RawHttp.send(router.port(), method, path, headers, withBody ? (path.startsWith("/v1") ? CrossSiteRequestsTest.MESSAGE : "{}") : null);
    }

    @Test
    void eachRowSaysWhetherTheRouterKeyIsNeeded() throws Exception {
        assertThat(table).hasSizeGreaterThanOrEqualTo(10);
        for (Row row : table) {
            assertThat(row.requests()).as("a row without a request").isNotEmpty();
            for (String request : row.requests()) {
                RawHttp.Response response = send(request, "application/json");
                if (row.needsKey()) {
                    assertThat(response.status()).as("%s without the key: %s", request, response.body()).isEqualTo(401);
                } else {
                    assertThat(response.status()).as("%s without the key: %s", request, response.body()).isEqualTo(200);
                }
            }
        }
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void rowsThatTakeJsonRefuseOtherBodies() throws Exception {
        List<String> jsonRows = table.stream().filter(Row::jsonBody).flatMap(r -> r.requests().stream())
                .filter(r -> r.startsWith("POST") || r.startsWith("PUT")).toList();
        assertThat(jsonRows).contains("POST /v1/messages", "PUT /admin/routing");
        for (String request : jsonRows) {
            assertThat(send(request, "text/plain").status()).as(request).isEqualTo(415);
        }
    }

    @Test
    void everyHttpRouteHasARow() {
        List<String> documented = table.stream().flatMap(r -> r.requests().stream())
                .map(r -> r.substring(r.indexOf(' ') + 1)).toList();
        Pattern path = Pattern.compile("netty-http://https?://[^/]+(/[^?]*)");
        for (Route route : router.context().getRoutes()) {
            Matcher m = path.matcher(route.getEndpoint().getEndpointUri());
            if (m.find()) {
                assertThat(documented).as("README Security table row for route %s", route.getRouteId())
                        .contains(m.group(1));
            }
        }
    }
}
