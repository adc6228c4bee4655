package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.LogCapture;
import dev.upbeat.testing.ProbedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of check against real local servers that go up and down. */
class CheckerTest {
    private final Checker checker = Checker.withDefaultTrust(Clock.systemUTC());
    private final ProbedServer upstream = new ProbedServer();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private static CheckSpec http(String url, List<Integer> expected, String contains, String path, String equals, Duration maxLatency) {
        return CheckSpec.builder().url(URI.create(url)).method("GET").headers(Map.of("X-Check", "1")).expectedStatus(expected)
                .bodyContains(contains).jsonPath(path).jsonEquals(equals).maxLatency(maxLatency)
                .timeout(Duration.ofSeconds(2)).build();
    }

    private static CheckSpec tcp(int port) {
        return CheckSpec.builder().url(URI.create("tcp://127.0.0.1:" + port)).timeout(Duration.ofSeconds(1)).build();
    }

    @Test
    void an_http_check_passes_on_a_2xx_and_fails_naming_the_status_when_the_upstream_goes_down() {
        CheckSpec spec = http(upstream.url("/health"), List.of(), null, null, null, null);
        assertThat(checker.run(spec).ok()).isTrue();

        upstream.down();
        CheckResult down = checker.run(spec);
        assertThat(down.ok()).isFalse();
        assertThat(down.error()).isEqualTo("HTTP 503, expected 200-399");

        upstream.up();
        assertThat(checker.run(spec).ok()).isTrue();
    }

    @Test
    void an_answer_whose_body_stalls_times_out_within_the_probes_timeout() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stream", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write("data: first\n\n".getBytes());
            exchange.getResponseBody().flush();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            CheckSpec spec = CheckSpec.builder().url(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream"))
                    .method("GET").timeout(Duration.ofSeconds(1)).build();
            long started = System.nanoTime();
            CheckResult result = checker.run(spec);
            assertThat(result.ok()).isFalse();
            assertThat(result.error()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void expected_status_codes_replace_the_default_range() {
        upstream.answer(404, "gone");
        assertThat(checker.run(http(upstream.url("/"), List.of(404), null, null, null, null)).ok()).isTrue();
        upstream.up();
        assertThat(checker.run(http(upstream.url("/"), List.of(404), null, null, null, null)).error()).contains("expected [404]");
    }

    @Test
    void the_body_must_contain_the_text_and_the_json_path_must_equal_the_value() {
        upstream.answer(200, "{\"data\":{\"items\":[{\"state\":\"green\",\"n\":3}]}}");
        assertThat(checker.run(http(upstream.url("/"), List.of(), "green", null, null, null)).ok()).isTrue();
        assertThat(checker.run(http(upstream.url("/"), List.of(), "red", null, null, null)).error())
                .isEqualTo("body does not contain 'red'");
        assertThat(checker.run(http(upstream.url("/"), List.of(), null, "data.items.0.state", "green", null)).ok()).isTrue();
        assertThat(checker.run(http(upstream.url("/"), List.of(), null, "data.items.0.n", "3", null)).ok()).isTrue();
        assertThat(checker.run(http(upstream.url("/"), List.of(), null, "data.items.0.state", "red", null)).error())
                .isEqualTo("data.items.0.state is not 'red'");
        assertThat(checker.run(http(upstream.url("/"), List.of(), null, "data.missing", "x", null)).error())
                .isEqualTo("no value at json_path data.missing");
    }

    @Test
    void an_answer_slower_than_max_latency_fails() {
        CheckResult r = checker.run(http(upstream.url("/"), List.of(), null, null, null, Duration.ofNanos(1)));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains("over max_latency");
    }

    @Test
    void a_refused_connection_fails_with_the_reason() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CheckResult r = checker.run(http("http://127.0.0.1:" + port + "/", List.of(), null, null, null, null));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).isEqualTo("connection refused");
    }

    @Test
    void a_failure_is_told_in_fixed_words_never_in_an_exceptions_text_that_could_quote_a_secret() {
        CheckSpec broken = CheckSpec.builder().url(URI.create(upstream.url("/"))).method("GET")
                .headers(Map.of("Authorization", "Bearer PRIVATE-KEY\n")).timeout(Duration.ofSeconds(2)).build();
        CheckResult r;
        try (LogCapture log = LogCapture.of(Checker.class.getName())) {
            r = checker.run(broken);
            assertThat(log.events()).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .isEqualTo("A check of 127.0.0.1 failed unexpectedly (java.lang.IllegalArgumentException)")
                    .doesNotContain("PRIVATE-KEY"));
        }
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).isEqualTo("check failed");
        CheckResult slow = checker.run(CheckSpec.builder().url(URI.create(upstream.url("/"))).method("GET")
                .timeout(Duration.ofMillis(1500)).maxLatency(Duration.ofNanos(1)).build());
        assertThat(slow.error()).matches("answered in \\d+ ms, over max_latency 0 ms");
    }

    @Test
    void a_tcp_check_passes_while_something_listens_and_fails_once_it_stops() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
            assertThat(checker.run(tcp(port)).ok()).isTrue();
        }
        CheckResult closed = checker.run(tcp(port));
        assertThat(closed.ok()).isFalse();
        assertThat(closed.error()).containsIgnoringCase("refused");
    }
}
