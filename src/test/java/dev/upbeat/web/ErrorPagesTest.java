package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.LogCapture;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The one error mapping decides between a page and JSON: a browser (Accept: text/html) gets the
 * page outside /api/, every API path and every other client the JSON body, for an unexpected
 * failure as for any other error. The site's own pages are checked through the real server in
 * SitePagesTest.
 */
class ErrorPagesTest {
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void an_unexpected_failure_is_a_500_page_for_a_browser_and_the_json_body_for_api_clients() {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            RouteTable table = new RouteTable(config.routes, new PublicReads((method, route, status, nanos, id) -> { }, seen -> { }));
            ErrorMapping.install(config.routes, table::allowed,
                    (status, message) -> ("<!DOCTYPE html><h1>Error " + status + "</h1><p>" + message + "</p>").getBytes(StandardCharsets.UTF_8));
            table.get("/boom", ctx -> {
                throw new IllegalStateException("a detail that must not reach the visitor");
            }, Access.PUBLIC);
            table.get("/api/v1/boom", ctx -> {
                throw new IllegalStateException("a detail that must not reach the client");
            }, Access.PUBLIC);
        });
        try (LogCapture log = LogCapture.of(ErrorMapping.class.getName())) {
            app.start("127.0.0.1", 0);
            Http http = Http.unchecked("http://127.0.0.1:" + app.port());

            Http.Response page = http.get("/boom", "Accept", BROWSER);
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("<h1>Error 500</h1>").contains("Something went wrong on our side").doesNotContain("detail");

            for (String[] request : new String[][] {{"/api/v1/boom", BROWSER}, {"/boom", "application/json"}, {"/boom", "*/*"}}) {
                Http.Response json = http.get(request[0], "Accept", request[1]);
                assertThat(json.status()).as(request[0] + " " + request[1]).isEqualTo(500);
                assertThat(json.header("Content-Type")).as(request[0] + " " + request[1]).startsWith("application/json");
                assertThat(json.json().get("id").asText()).isEqualTo("internal_error");
            }
            assertThat(log.errors()).as("each failure logged once, with its cause").hasSize(4)
                    .allSatisfy(e -> assertThat(LogCapture.causedBy(e, "IllegalStateException")).isTrue());
        } finally {
            app.stop();
        }
    }
}
