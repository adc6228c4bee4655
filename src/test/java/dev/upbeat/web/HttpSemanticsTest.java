package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestUpbeat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HEAD, 405 and the server's own refusals, seen on the wire (raw sockets, so no client rewrites the request). */
class HttpSemanticsTest {
    static TestUpbeat t;
    static Http http;
    static int port;
    static final String TOKEN = "Authorization: Bearer " + TestUpbeat.ADMIN_TOKEN + "\r\n";

    /** One concrete path per kind of GET route: pages, native and compatible APIs, feeds, badges, operations. */
    static final List<String> GET_PATHS = List.of("/", "/uptime", "/history", "/incidents/1", "/components/api/uptime",
            "/api/v1/status", "/api/v1/components", "/api/v1/components/api", "/api/v1/incidents", "/api/v1/incidents/1",
            "/api/v1/uptime", "/api/v2/summary.json", "/api/v4/current-status", "/api/v3/issues", "/history.atom",
            "/history.rss", "/badge.svg", "/components/api/badge.svg", "/assets/brand.css", "/healthz", "/api/v1/nope");

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        port = t.upbeat.port();
        http.post("/api/v1/components", "{\"name\":\"API\"}");
        http.post("/api/v1/incidents", "{\"title\":\"Errors\",\"message\":\"Looking.\",\"components\":{\"api\":\"major_outage\"}}");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void head_answers_every_get_route_with_the_status_and_headers_of_get_and_no_body() throws Exception {
        for (String path : GET_PATHS) {
            Answer get = Answer.of(RawHttp.send(port, request("GET", path, ""), 5_000));
            Answer head = Answer.of(RawHttp.send(port, request("HEAD", path, ""), 5_000));
            assertThat(head.status).as("HEAD " + path).isEqualTo(get.status);
            for (String name : List.of("etag", "content-type", "content-length", "cache-control", "access-control-allow-origin")) {
                assertThat(head.headers.get(name)).as("HEAD %s %s", path, name).isEqualTo(get.headers.get(name));
            }
            assertThat(head.body).as("HEAD " + path).isEmpty();
        }
        RawHttp.Exchange events = RawHttp.send(port, request("HEAD", "/events", "Accept: text/event-stream\r\n"), 5_000);
        assertThat(events.end()).as("HEAD opens no stream").isEqualTo(RawHttp.End.CLOSED);
        assertThat(Answer.of(events).headers.get("content-type")).startsWith("text/event-stream");
        assertThat(events.body()).isEmpty();
    }

    @Test
    void head_on_a_token_route_still_demands_the_token() throws Exception {
        Answer without = Answer.of(RawHttp.send(port, request("HEAD", "/api/v1/simulator/targets", ""), 5_000));
        assertThat(without.status).isEqualTo(401);
        assertThat(without.headers).containsKey("www-authenticate");
        assertThat(without.body).isEmpty();
        Answer with = Answer.of(RawHttp.send(port, request("HEAD", "/api/v1/simulator/targets", TOKEN), 5_000));
        assertThat(with.status).isEqualTo(200);
        assertThat(with.headers.get("content-type")).startsWith("application/json");
    }

    @Test
    void a_method_the_path_does_not_have_is_405_with_allow_listing_the_methods_it_has() {
        Http.Response status = http.delete("/api/v1/status");
        assertThat(status.status()).as(status.toString()).isEqualTo(405);
        assertThat(status.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(status.json().get("id").asText()).isEqualTo("method_not_allowed");

        Http.Response component = http.post("/api/v1/components/api", "{}");
        assertThat(component.status()).isEqualTo(405);
        assertThat(component.header("Allow")).isEqualTo("GET, HEAD, PATCH, DELETE");
        assertThat(component.json().get("message").asText()).contains("POST").contains("/api/v1/components/api");

        assertThat(http.delete("/api/v1/no-such-thing").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/components/nope").json().get("id").asText()).isEqualTo("not_found");
    }

    @Test
    void the_servers_own_refusals_of_a_bad_request_are_in_the_one_error_shape() throws Exception {
        for (String odd : List.of("/a%zz", "/%2e%2e/x", "/..;/x", "/a/../../x", "/%00")) {
            assertJsonError(RawHttp.send(port, request("GET", odd, ""), 5_000), 400, "bad_request");
        }
        assertJsonError(RawHttp.send(port, request("GET", "/%2F", ""), 5_000), 404, "not_found");
        assertJsonError(RawHttp.send(port, request("GET", "/" + "a".repeat(20_000), ""), 5_000), 414, "uri_too_long");
        assertJsonError(RawHttp.send(port, request("GET", "/", "X-Big: " + "b".repeat(20_000) + "\r\n"), 5_000), 431,
                "headers_too_large");
        assertJsonError(RawHttp.send(port, "NOT HTTP AT ALL\r\n\r\n", 5_000), 400, "bad_request");
    }

    private static void assertJsonError(RawHttp.Exchange exchange, int status, String id) throws Exception {
        Answer answer = Answer.of(exchange);
        assertThat(answer.status).as(exchange.text()).isEqualTo(status);
        assertThat(answer.headers.get("content-type")).startsWith("application/json");
        // Refused before any route ran, and still named, so a report of it can be found.
        assertThat(answer.headers.get("x-request-id")).as(exchange.text()).matches("[0-9a-f]{16}");
        JsonNode body = Json.mapper().readTree(answer.body);
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(body.has("field")).isTrue();
    }

    static String request(String method, String path, String headers) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n\r\n";
    }

    /** A response as bytes on the wire: status line, headers by lower-case name, body as sent (not de-chunked). */
    record Answer(int status, Map<String, String> headers, String body) {
        static Answer of(RawHttp.Exchange exchange) {
            String text = exchange.text();
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(), lines[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, exchange.body());
        }
    }
}
