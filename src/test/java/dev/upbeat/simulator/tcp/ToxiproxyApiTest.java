package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control API on the wire: Toxiproxy 2.12's statuses, bodies and headers, byte for byte where clients read them. */
class ToxiproxyApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private TcpProxies proxies;
    private ToxiproxyApi api;
    private EchoServer echo;

    @BeforeEach
    void start() throws Exception {
        proxies = new TcpProxies(new Random(7));
        api = ToxiproxyApi.start(proxies, "127.0.0.1", 0);
        echo = new EchoServer();
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        proxies.close();
        echo.close();
    }

    @Test
    void creating_answers_201_with_the_proxy_and_listing_answers_an_object_keyed_by_name() throws Exception {
        HttpResponse<String> created = call("POST", "/proxies", "{\"name\":\"pg\",\"listen\":\"localhost:0\",\"upstream\":\""
                + echo.address() + "\",\"ignored\":true}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode proxy = Json.mapper().readTree(created.body());
        assertThat(proxy.get("name").asText()).isEqualTo("pg");
        assertThat(proxy.get("listen").asText()).as("the real address and port").matches("127\\.0\\.0\\.1:[1-9]\\d*");
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics").isArray()).isTrue();
        JsonNode all = Json.mapper().readTree(call("GET", "/proxies", null).body());
        assertThat(all.isObject()).isTrue();
        assertThat(all.get("pg").get("upstream").asText()).isEqualTo(echo.address());
    }

    @Test
    void errors_are_go_http_errors_with_a_json_body() throws Exception {
        HttpResponse<String> missing = call("GET", "/proxies/nope", null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"proxy not found\",\"status\":404}\n");
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(missing.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(call("POST", "/proxies", "{\"upstream\":\"x:1\"}").body())
                .isEqualTo("{\"error\":\"missing required field: name\",\"status\":400}\n");
        assertThat(call("POST", "/proxies", "{\"name\":\"x\"}").body())
                .isEqualTo("{\"error\":\"missing required field: upstream\",\"status\":400}\n");
        HttpResponse<String> bad = call("POST", "/proxies", "not json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).startsWith("{\"error\":\"bad request body: ");
        assertThat(call("DELETE", "/proxies/nope", null).statusCode()).isEqualTo(404);
    }

    @Test
    void every_answer_carries_a_request_id_and_browsers_are_turned_away() throws Exception {
        HttpResponse<String> version = call("GET", "/version", null);
        assertThat(version.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
        assertThat(version.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(version.headers().firstValue("X-Toxiproxy-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-v]{20}"));

        HttpResponse<String> browser = http.send(HttpRequest.newBuilder(uri("/proxies"))
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.statusCode()).isEqualTo(403);
        assertThat(browser.body()).isEqualTo("User agent not allowed\n");
        assertThat(call("GET", "/nothing", null).statusCode()).isEqualTo(404);
        assertThat(call("PUT", "/proxies", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void populate_checks_every_entry_first_then_adds_or_keeps_each() throws Exception {
        String body = "[{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"},"
                + "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\",\"enabled\":false}]";
        HttpResponse<String> populated = call("POST", "/populate", body);

        assertThat(populated.statusCode()).isEqualTo(201);
        JsonNode list = Json.mapper().readTree(populated.body()).get("proxies");
        assertThat(list).extracting(p -> p.get("name").asText() + "=" + p.get("enabled").asBoolean()).containsExactly("a=true", "b=false");
        String aListen = list.get(0).get("listen").asText();

        String again = "[{\"name\":\"a\",\"listen\":\"" + aListen + "\",\"upstream\":\"" + echo.address() + "\"}]";
        assertThat(Json.mapper().readTree(call("POST", "/populate", again).body()).get("proxies").get(0).get("listen").asText())
                .as("same listen and upstream: kept as it is").isEqualTo(aListen);

        HttpResponse<String> invalid = call("POST", "/populate", "[{\"name\":\"c\",\"upstream\":\"x:1\"},{\"upstream\":\"x:1\"}]");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"error\":\"missing required field: name at proxy 2\",\"status\":400}\n");
        assertThat(proxies.all()).extracting(TcpProxy::name).containsExactly("a", "b");

        HttpResponse<String> clash = call("POST", "/populate", "[{\"name\":\"d\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"x:1\"},"
                + "{\"name\":\"e\",\"listen\":\"" + aListen + "\",\"upstream\":\"x:1\"}]");
        assertThat(clash.statusCode()).isEqualTo(500);
        JsonNode partial = Json.mapper().readTree(clash.body());
        assertThat(partial.get("error").asText()).isEqualTo("listen tcp " + aListen + ": bind: address already in use");
        assertThat(partial.get("status").asInt()).isEqualTo(500);
        assertThat(partial.get("proxies")).extracting(p -> p.get("name").asText()).containsExactly("d");
    }

    @Test
    void an_update_changes_only_the_fields_given_by_post_or_patch() throws Exception {
        call("POST", "/proxies", "{\"name\":\"pg\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}");

        JsonNode disabled = Json.mapper().readTree(call("PATCH", "/proxies/pg", "{\"enabled\":false}").body());
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("upstream").asText()).isEqualTo(echo.address());
        JsonNode moved = Json.mapper().readTree(call("POST", "/proxies/pg", "{\"upstream\":\"127.0.0.1:1\",\"enabled\":true}").body());
        assertThat(moved.get("upstream").asText()).isEqualTo("127.0.0.1:1");
        assertThat(moved.get("enabled").asBoolean()).isTrue();
        assertThat(call("DELETE", "/proxies/pg", null).statusCode()).isEqualTo(204);
    }

    @Test
    void a_toxic_takes_toxiproxy_defaults_and_is_refused_as_toxiproxy_refuses() throws Exception {
        call("POST", "/proxies", "{\"name\":\"pg\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}");

        HttpResponse<String> created = call("POST", "/proxies/pg/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":50}}");
        assertThat(created.statusCode()).as("200, not 201").isEqualTo(200);
        JsonNode toxic = Json.mapper().readTree(created.body());
        assertThat(toxic.get("name").asText()).isEqualTo("latency_downstream");
        assertThat(toxic.get("stream").asText()).isEqualTo("downstream");
        assertThat(toxic.get("toxicity").asDouble()).isEqualTo(1.0);
        assertThat(toxic.get("attributes").toString()).as("every attribute, zeros too").isEqualTo("{\"latency\":50,\"jitter\":0}");

        assertThat(call("POST", "/proxies/pg/toxics", "{\"type\":\"latency\"}").body())
                .isEqualTo("{\"error\":\"toxic already exists\",\"status\":409}\n");
        assertThat(call("POST", "/proxies/pg/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}").body())
                .isEqualTo("{\"error\":\"stream was invalid, can be either upstream or downstream\",\"status\":400}\n");
        assertThat(call("POST", "/proxies/pg/toxics", "{\"type\":\"packet_storm\"}").body())
                .isEqualTo("{\"error\":\"invalid toxic type\",\"status\":400}\n");
        assertThat(call("POST", "/proxies/nope/toxics", "{\"type\":\"latency\"}").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/proxies/pg/toxics/nope", null).body()).isEqualTo("{\"error\":\"toxic not found\",\"status\":404}\n");

        JsonNode patched = Json.mapper().readTree(call("PATCH", "/proxies/pg/toxics/latency_downstream",
                "{\"attributes\":{\"jitter\":5},\"toxicity\":0.25}").body());
        assertThat(patched.get("attributes").toString()).isEqualTo("{\"latency\":50,\"jitter\":5}");
        assertThat(patched.get("toxicity").asDouble()).isEqualTo(0.25);
        assertThat(call("DELETE", "/proxies/pg/toxics/latency_downstream", null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/proxies/pg/toxics", null).body()).isEqualTo("[]");
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(204);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("User-Agent", "toxiproxy-cli")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }
}
