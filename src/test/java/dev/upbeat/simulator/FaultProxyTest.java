package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault on a real socket, observed as a client sees it. */
class FaultProxyTest {
    static TestUpstream upstream;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    FaultProxy proxy;

    @BeforeAll
    static void startUpstream() {
        upstream = new TestUpstream();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.close();
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private int proxy(String upstreamUrl, Fault... faults) {
        Target target = new Target("platform-api", new Listen("127.0.0.1", 0), upstreamUrl == null ? null : URI.create(upstreamUrl),
                Instant.now());
        proxy = FaultProxy.start(target, () -> "https://status.example.test", new SimpleMeterRegistry());
        if (faults.length > 0) {
            proxy.swap(new ActiveRun(1, List.of(faults), null, java.time.Clock.systemUTC()));
        }
        return proxy.port();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void faults_stop_at_the_runs_end_time_even_before_anything_ends_the_run() throws Exception {
        int port = proxy(upstream.url());
        dev.upbeat.app.AdjustableClock clock = dev.upbeat.app.AdjustableClock.system();
        proxy.swap(new ActiveRun(7, List.of(MaintenanceFault.always()),
                clock.instant().plus(Duration.ofMinutes(5)), clock));
        assertThat(get(port, "/echo").statusCode()).isEqualTo(503);

        clock.advance(Duration.ofMinutes(6));   // no tick runs here: the proxy itself sees the time is up
        assertThat(get(port, "/echo").statusCode()).isEqualTo(201);
    }

    @Test
    void with_no_fault_it_forwards_method_path_query_headers_and_body_and_adds_forwarded_headers() throws Exception {
        int port = proxy(upstream.url());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo/a%20b?x=1&y=%2F"))
                .header("X-Custom", "kept").header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("hello body")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Upstream")).hasValue("yes");
        assertThat(r.body()).startsWith("PATCH /echo/a%20b?x=1&y=%2F\n")
                .contains("x-custom: kept").contains("x-forwarded-for: 127.0.0.1").contains("x-forwarded-proto: http")
                .contains("x-forwarded-host: 127.0.0.1:" + port).contains("host: 127.0.0.1:" + URI.create(upstream.url()).getPort())
                .endsWith("\nhello body");
    }

    @Test
    void chunked_request_and_response_bodies_stream_through_on_one_kept_alive_connection() throws Exception {
        int port = proxy(upstream.url());
        InputStream chunks = new java.io.ByteArrayInputStream(TestUpstream.pattern(70_000));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> chunks)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.body()).contains("transfer-encoding: chunked").endsWith(new String(TestUpstream.pattern(70_000)));

        String twoRequests = "GET /chunked?n=5000 HTTP/1.1\r\nHost: x\r\n\r\nGET /bytes?n=10 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        RawHttp.Exchange both = RawHttp.send(port, twoRequests, 5_000);
        assertThat(both.text()).contains("Transfer-Encoding: chunked").contains("Content-Length: 10")
                .endsWith("abcdefghij");
        assertThat(both.text().split("HTTP/1.1 200", -1)).as("two answers on one connection").hasSize(3);
    }

    @Test
    void an_unreachable_upstream_is_a_502_naming_the_target() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = proxy("http://127.0.0.1:" + closed);
        HttpResponse<String> r = get(port, "/echo");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("bad_gateway").contains("platform-api");
    }

    @Test
    void a_target_without_upstream_answers_as_in_maintenance_naming_itself() throws Exception {
        int port = proxy(null);
        HttpResponse<String> r = get(port, "/apps");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.body()).isEqualTo("{ \"id\": \"maintenance\", \"message\": \"platform-api is temporarily unavailable.\\n"
                + "For more information, visit: https://status.example.test\" }");
    }

    @Test
    void odd_paths_get_the_live_maintenance_and_readable_ones_pass_to_the_upstream_as_sent() throws Exception {
        List<String> odd = List.of("/%2F", "/%2e%2e/x", "/..;/x", "/a%zz", "/../x", "/" + "a".repeat(20_000));
        int port = proxy(upstream.url(), MaintenanceFault.always());
        for (String path : odd) {
            RawHttp.Exchange r = RawHttp.get(port, path, 5_000);
            assertThat(r.text()).as(path).startsWith("HTTP/1.1 503 ").contains("Content-Type: application/json");
            assertThat(r.body()).as(path).contains("platform-api is temporarily unavailable");
        }
        proxy.close();
        port = proxy(null);
        for (String path : odd) {
            assertThat(RawHttp.get(port, path, 5_000).body()).as(path).contains("platform-api is temporarily unavailable");
        }
        proxy.close();
        port = proxy(upstream.url());
        RawHttp.Exchange passed = RawHttp.get(port, "/echo/x/%2e%2e/..;/%2F", 5_000);
        assertThat(passed.text()).startsWith("HTTP/1.1 201 ");
        assertThat(passed.body()).startsWith("GET /echo/x/%2e%2e/..;/%2F\n");
        RawHttp.Exchange unreadable = RawHttp.get(port, "/../x", 5_000);
        assertThat(unreadable.text()).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json");
        assertThat(unreadable.body()).contains("bad_request").contains("platform-api");
    }

    @Test
    void maintenance_takes_body_headers_and_retry_after() throws Exception {
        int port = proxy(upstream.url(), MaintenanceFault.always().withBody("{\"id\":\"maintenance\"}")
                .withHeaders(Map.of("X-Why", "drill")).withRetryAfter(120));
        HttpResponse<String> r = get(port, "/echo");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("{\"id\":\"maintenance\"}");
        assertThat(r.headers().firstValue("Retry-After")).hasValue("120");
        assertThat(r.headers().firstValue("X-Why")).hasValue("drill");
    }

    @Test
    void status_answers_the_given_code_with_body_and_headers_only_where_it_matches() throws Exception {
        int port = proxy(upstream.url(), StatusFault.of(429).withBody("slow down").withHeaders(Map.of("Retry-After", "7"))
                .withMatch(Match.ANY.withMethod("GET").withPath("/apps/*")));
        HttpResponse<String> hit = get(port, "/apps/123");
        assertThat(hit.statusCode()).isEqualTo(429);
        assertThat(hit.body()).isEqualTo("slow down");
        assertThat(hit.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(get(port, "/apps/123/dynos").statusCode()).as("* stays within a segment").isEqualTo(201);
    }

    @Test
    void latency_delays_the_answer() throws Exception {
        int port = proxy(upstream.url(), LatencyFault.of(Duration.ofMillis(300)).withJitter(Duration.ofMillis(20)));
        long started = System.nanoTime();
        assertThat(get(port, "/echo").statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(280), Duration.ofMillis(2_000));
    }

    @Test
    void timeout_never_answers_so_the_client_times_out() throws Exception {
        int port = proxy(upstream.url(), TimeoutFault.always().closingAfter(Duration.ofSeconds(30)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo")).timeout(Duration.ofMillis(400)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void timeout_closes_the_connection_at_its_cap() throws Exception {
        int port = proxy(upstream.url(), TimeoutFault.always().closingAfter(Duration.ofMillis(300)));
        RawHttp.Exchange x = RawHttp.get(port, "/echo", 5_000);
        assertThat(x.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(x.bytes()).isEmpty();
    }

    @Test
    void reset_is_a_tcp_reset() throws Exception {
        int port = proxy(upstream.url(), ResetFault.always());
        RawHttp.Exchange x = RawHttp.get(port, "/echo", 5_000);
        assertThat(x.end()).isEqualTo(RawHttp.End.RESET);
        assertThat(x.bytes()).isEmpty();
        assertThatThrownBy(() -> get(port, "/echo")).isInstanceOf(IOException.class);
    }

    @Test
    void empty_response_closes_without_a_byte() throws Exception {
        int port = proxy(upstream.url(), EmptyResponseFault.always());
        RawHttp.Exchange x = RawHttp.get(port, "/echo", 5_000);
        assertThat(x.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(x.bytes()).isEmpty();
    }

    @Test
    void malformed_response_sends_a_status_line_then_garbage_and_http_clients_fail() throws Exception {
        int port = proxy(upstream.url(), MalformedResponseFault.always());
        RawHttp.Exchange x = RawHttp.get(port, "/echo", 5_000);
        assertThat(x.text()).startsWith("HTTP/1.1 200 OK\r\n").contains("garbage");
        assertThat(x.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThatThrownBy(() -> get(port, "/echo")).isInstanceOf(IOException.class);
    }

    @Test
    void truncate_cuts_the_body_after_the_given_bytes_with_a_length_or_chunked() throws Exception {
        int port = proxy(upstream.url(), TruncateFault.after(100));
        RawHttp.Exchange sized = RawHttp.get(port, "/bytes?n=1000", 5_000);
        assertThat(sized.text()).contains("Content-Length: 1000");
        assertThat(sized.body()).isEqualTo(new String(TestUpstream.pattern(100)));
        assertThat(sized.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThatThrownBy(() -> get(port, "/bytes?n=1000")).isInstanceOf(IOException.class);

        // Kept alive, so Jetty must frame the body: chunked, and the cut leaves out the last chunk.
        RawHttp.Exchange chunked = RawHttp.send(port, "GET /chunked?n=5000 HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
        assertThat(chunked.end()).isEqualTo(RawHttp.End.CLOSED);
        assertThat(chunked.text()).contains("Transfer-Encoding: chunked").doesNotContain("\r\n0\r\n\r\n");
        assertThat(dechunk(chunked.body())).isEqualTo(new String(TestUpstream.pattern(100)));
    }

    @Test
    void slow_body_delivers_the_body_within_20_percent_of_its_rate() throws Exception {
        int port = proxy(upstream.url(), SlowBodyFault.at(10_000));
        long started = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bytes?n=8000")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] body = r.body().readAllBytes();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(body).isEqualTo(TestUpstream.pattern(8000));
        assertThat(body.length / seconds).as("bytes per second").isBetween(8_000.0, 12_000.0);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        String rest = chunked;
        while (!rest.isEmpty()) {
            int eol = rest.indexOf("\r\n");
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(rest.substring(0, eol).strip(), 16);
            int end = Math.min(rest.length(), eol + 2 + size);
            out.append(rest, eol + 2, end);
            rest = end + 2 <= rest.length() ? rest.substring(end + 2) : "";
        }
        return out.toString();
    }
}
