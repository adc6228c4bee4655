package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.RawHttp;
import dev.upbeat.testing.TestUpstream;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault-free forward against upstreams that misbehave on purpose, written byte by byte on real
 * sockets: connection reuse, stale connections, every way an answer may be framed, and upstreams
 * that die mid-answer.
 */
class PassThroughTest {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    FaultProxy proxy;
    ScriptedUpstream upstream;

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    private int proxy(String upstreamUrl) {
        Target target = new Target("platform-api", new Listen("127.0.0.1", 0), URI.create(upstreamUrl), Instant.now());
        proxy = FaultProxy.start(target, () -> "https://status.example.test", new SimpleMeterRegistry());
        return proxy.port();
    }

    private HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sequential_requests_reuse_one_upstream_connection() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        int port = proxy(upstream.url());
        for (int i = 0; i < 20; i++) {
            assertThat(send(port, "GET", "/n/" + i, null).body()).isEqualTo("ok");
        }
        assertThat(upstream.accepted.get()).as("connections the upstream accepted").isEqualTo(1);
        assertThat(upstream.requests).hasSize(20);
    }

    @Test
    void slow_answers_are_waited_for_on_the_kept_connection_and_each_request_is_sent_once() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            for (String request = c.read(); request != null; request = c.read()) {
                if (request.startsWith("GET /slow")) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone");
            }
        });
        int port = proxy(upstream.url());
        assertThat(send(port, "GET", "/fast", null).body()).isEqualTo("done");
        for (int i = 0; i < 3; i++) {
            assertThat(send(port, "GET", "/slow/" + i, null).body()).isEqualTo("done");
            assertThat(send(port, "GET", "/fast", null).body()).isEqualTo("done");
        }
        assertThat(upstream.requests).as("each request sent once").hasSize(7);
        assertThat(upstream.accepted.get()).isEqualTo(1);
    }

    @Test
    void an_answer_still_awaited_holds_up_no_other_request() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        upstream = new ScriptedUpstream(c -> {
            for (String request = c.read(); request != null; request = c.read()) {
                if (request.startsWith("GET /held")) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone");
            }
        });
        int port = proxy(upstream.url());
        try (Socket held = new Socket("127.0.0.1", port)) {
            held.setSoTimeout(10_000);
            held.getOutputStream().write("GET /held HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            await().until(() -> upstream.requests.size() == 1);
            for (int i = 0; i < 8; i++) {   // each on a connection of its own, so on every selector of the target
                assertThat(RawHttp.get(port, "/other/" + i, 5_000).body()).isEqualTo("done");
            }
            assertThat(held.getInputStream().available()).as("the held answer has not come yet").isZero();
            release.countDown();
            assertThat(readUntil(held.getInputStream(), "done")).startsWith("HTTP/1.1 200 ");
        }
        assertThat(upstream.requests).as("each request sent once").hasSize(9);
    }

    @Test
    void an_upstream_silent_past_the_headers_limit_gets_a_502_and_loses_its_connection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        upstream = new ScriptedUpstream(c -> {
            boolean silent = connections.incrementAndGet() == 1;
            for (String request = c.read(); request != null; request = c.read()) {
                if (!silent) {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            }
        });
        Target target = new Target("platform-api", new Listen("127.0.0.1", 0), URI.create(upstream.url()), Instant.now());
        proxy = FaultProxy.start(target, () -> "https://status.example.test", new SimpleMeterRegistry(),
                new Upstream.Limits(Upstream.Limits.DEFAULT.send(), Duration.ofSeconds(1)));
        HttpResponse<String> timedOut = send(proxy.port(), "GET", "/silent", null);
        assertThat(timedOut.statusCode()).isEqualTo(502);
        assertThat(timedOut.body()).contains("bad_gateway");
        await().until(() -> upstream.closed.get() == 1);
        assertThat(send(proxy.port(), "GET", "/answered", null).body()).isEqualTo("ok");
        assertThat(upstream.accepted.get()).as("the silent connection was not used again").isEqualTo(2);
    }

    @Test
    void stopping_the_target_ends_the_requests_waiting_on_its_upstream() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            while (c.read() != null) {
                // answers nothing
            }
        });
        int port = proxy(upstream.url());
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(5_000);
            client.getOutputStream().write("GET /waits HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            await().until(() -> upstream.requests.size() == 1);
            proxy.close();
            byte[] answer = client.getInputStream().readAllBytes();   // a 502, or the connection closed: not a hang
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).satisfiesAnyOf(
                    text -> assertThat(text).isEmpty(), text -> assertThat(text).startsWith("HTTP/1.1 502 "));
        }
        await().until(() -> upstream.closed.get() == 1);
    }

    @Test
    void a_stale_pooled_connection_is_retried_for_get_but_not_for_post() throws Exception {
        // Each connection answers its first request keep-alive. Then the upstream closes it: at once
        // (as if idle too long) after a path ending in /then-close, else on reading the next request
        // (as if it had timed out just as that request came).
        upstream = new ScriptedUpstream(c -> {
            String first = c.read();
            if (first != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                if (!first.lines().findFirst().orElseThrow().contains("/then-close")) {
                    c.read();
                }
            }
        });
        int port = proxy(upstream.url());
        assertThat(send(port, "GET", "/first/then-close", null).body()).isEqualTo("ok");
        await().until(() -> upstream.closed.get() == 1);

        assertThat(send(port, "GET", "/second", null).statusCode()).isEqualTo(200);
        assertThat(upstream.accepted.get()).as("the GET went on a fresh connection").isEqualTo(2);

        assertThat(send(port, "GET", "/third", null).statusCode()).isEqualTo(200);
        assertThat(upstream.accepted.get()).as("the GET the upstream dropped went again, on a fresh connection").isEqualTo(3);

        assertThat(send(port, "POST", "/fourth", "once").statusCode()).isEqualTo(200);
        assertThat(upstream.accepted.get()).isEqualTo(4);
        HttpResponse<String> posted = send(port, "POST", "/fifth", "not twice");
        assertThat(posted.statusCode()).isEqualTo(502);
        assertThat(posted.body()).contains("bad_gateway");
        assertThat(upstream.accepted.get()).as("the POST was not sent again").isEqualTo(4);
        assertThat(upstream.requests).extracting(r -> r.lines().findFirst().orElseThrow()).containsExactly(
                "GET /first/then-close HTTP/1.1", "GET /second HTTP/1.1", "GET /third HTTP/1.1", "GET /third HTTP/1.1",
                "POST /fourth HTTP/1.1", "POST /fifth HTTP/1.1");
    }

    @Test
    void chunked_answers_with_extensions_and_trailers_and_close_delimited_answers_are_relayed() throws Exception {
        AtomicInteger mostChunkedOnOneConnection = new AtomicInteger();
        upstream = new ScriptedUpstream(c -> {
            String request = c.read();
            int chunked = 0;
            while (request != null && request.startsWith("GET /chunked")) {
                mostChunkedOnOneConnection.accumulateAndGet(++chunked, Math::max);
                c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;name=value\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: t\r\n\r\n");
                request = c.read();
            }
            if (request != null) {
                c.write("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end");
            }
        });
        int port = proxy(upstream.url());
        RawHttp.Exchange chunked = RawHttp.get(port, "/chunked", 5_000);
        assertThat(chunked.text()).startsWith("HTTP/1.1 200 ").doesNotContain("X-Trailer").doesNotContain("name=value");
        assertThat(send(port, "GET", "/chunked", null).body()).isEqualTo("hello world");
        assertThat(send(port, "GET", "/chunked", null).body()).isEqualTo("hello world");
        // Those two came on one client connection, so one selector forwarded both: on one kept-alive connection.
        assertThat(mostChunkedOnOneConnection.get()).as("a chunked answer kept its connection").isGreaterThanOrEqualTo(2);

        int before = upstream.accepted.get();
        HttpResponse<String> closeDelimited = send(port, "GET", "/close", null);
        assertThat(closeDelimited.body()).isEqualTo("until the end");
        assertThat(closeDelimited.headers().firstValue("Connection")).isEmpty();
        assertThat(send(port, "GET", "/close", null).body()).as("on a new connection").isEqualTo("until the end");
        assertThat(upstream.accepted.get() - before).as("the second close-delimited answer came on a connection of its own").isEqualTo(1);
    }

    @Test
    void head_204_and_304_answers_have_no_body_and_keep_the_connection() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            for (String request = c.read(); request != null; request = c.read()) {
                String status = request.startsWith("GET /204") ? "204 No Content" : request.startsWith("GET /304") ? "304 Not Modified" : "200 OK";
                String interim = request.startsWith("HEAD") ? "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" : "";
                c.write(interim + "HTTP/1.1 " + status + "\r\nContent-Length: 5000\r\nX-Status: " + status + "\r\n\r\n");
            }
        });
        int port = proxy(upstream.url());
        HttpResponse<String> head = send(port, "HEAD", "/thing", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("5000");
        assertThat(send(port, "GET", "/204", null).statusCode()).isEqualTo(204);
        assertThat(send(port, "GET", "/304", null).statusCode()).isEqualTo(304);
        assertThat(upstream.accepted.get()).isEqualTo(1);
    }

    @Test
    void hop_by_hop_headers_of_the_answer_stay_on_their_hop() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            if (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nConnection: keep-alive, X-Secret\r\nX-Secret: 1\r\nKeep-Alive: timeout=5\r\n"
                        + "X-Kept: yes\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        RawHttp.Exchange r = RawHttp.get(proxy(upstream.url()), "/", 5_000);
        assertThat(r.text()).contains("X-Kept: yes").doesNotContain("X-Secret").doesNotContain("Keep-Alive");
    }

    @Test
    void answers_over_a_megabyte_stream_through_with_a_length_or_chunked() throws Exception {
        try (TestUpstream real = new TestUpstream()) {
            int port = proxy(real.url());
            HttpResponse<byte[]> sized = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bytes?n=3000000")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(sized.headers().firstValue("Content-Length")).hasValue("3000000");
            assertThat(sized.body()).isEqualTo(TestUpstream.pattern(3_000_000));
            HttpResponse<byte[]> chunked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/chunked?n=1500000")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(chunked.body()).isEqualTo(TestUpstream.pattern(1_500_000));
        }
    }

    @Test
    void an_upstream_dying_mid_body_closes_the_client_connection() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            String request = c.read();
            if (request != null && request.startsWith("GET /sized")) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(1000));
            } else if (request != null) {
                c.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + "y".repeat(1000) + "\r\n");
            }
        });
        int port = proxy(upstream.url());
        for (String path : List.of("/sized", "/chunked")) {
            RawHttp.Exchange r = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n", 10_000);
            assertThat(r.end()).as(path).isEqualTo(RawHttp.End.CLOSED);
            assertThat(r.text()).as(path).startsWith("HTTP/1.1 200 ").doesNotContain("\r\n0\r\n\r\n");
            assertThat(r.body().length()).as(path).isBetween(1000, 5000);
        }
    }

    @Test
    void requests_waiting_on_a_silent_upstream_are_not_capped_by_the_listeners_thread_pool() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            if (c.read() != null) {
                c.read();   // answers nothing: the proxy waits until this connection ends
            }
        });
        int port = proxy(upstream.url());
        List<Socket> clients = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {   // more than the 200 platform threads of a listener
                Socket client = new Socket("127.0.0.1", port);
                client.getOutputStream().write(("GET /wait/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                clients.add(client);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> upstream.requests.size() == 300);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    void a_request_whose_answer_has_begun_is_never_sent_twice_whatever_the_answer() throws Exception {
        String bigHead = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "X-Pad-" + i + ": " + "p".repeat(500) + "\r\n")
                .collect(java.util.stream.Collectors.joining());
        upstream = new ScriptedUpstream(c -> {
            for (String request = c.read(); request != null; request = c.read()) {
                if (request.startsWith("GET /hints")) {   // an interim answer, the final one later than the selector waits
                    c.write("HTTP/1.1 103 Early Hints\r\nLink: </app.css>; rel=preload\r\n\r\n");
                    sleep(50);
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhints");
                } else if (request.startsWith("GET /big-head")) {   // a head larger than the connection's buffer
                    c.write("HTTP/1.1 200 OK\r\n" + bigHead + "Content-Length: 3\r\n\r\nbig");
                } else if (request.startsWith("GET /malformed")) {
                    c.write("HTTP/2 200 OK\r\nContent-Length: 2\r\n\r\nno");
                    return;
                } else {
                    c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
                }
            }
        });
        int port = proxy(upstream.url());
        for (String path : List.of("/hints", "/big-head", "/malformed")) {
            assertThat(send(port, "GET", "/warm", null).body()).as("a kept-alive connection for the selector to try").isEqualTo("ok");
            HttpResponse<String> answer = send(port, "GET", path, null);
            if (path.equals("/malformed")) {
                assertThat(answer.statusCode()).isEqualTo(502);
            } else {
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(answer.body()).as(path).isEqualTo(path.equals("/hints") ? "hints" : "big");
            }
            assertThat(upstream.requests).as("requests the upstream read for " + path)
                    .filteredOn(r -> r.startsWith("GET " + path + " ")).hasSize(1);
        }
    }

    @Test
    void bytes_past_the_end_of_an_answer_are_never_taken_for_the_next_one() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            if (c.read() != null) {   // one answer, and a whole second one nobody asked for
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nWRONG");
            }
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        int port = proxy(upstream.url());
        for (int i = 0; i < 3; i++) {
            assertThat(send(port, "GET", "/n/" + i, null).body()).isEqualTo("ok");
        }
    }

    @Test
    void answers_framed_two_ways_or_with_codings_it_cannot_relay_get_502_and_equal_lengths_pass() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            for (String request = c.read(); request != null; request = c.read()) {
                String path = request.substring(4, request.indexOf(' ', 4));
                c.write(switch (path) {
                    case "/two-lengths" -> "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok";
                    case "/signed-length" -> "HTTP/1.1 200 OK\r\nContent-Length: +2\r\n\r\nok";
                    case "/gzip-chunked" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n";
                    case "/negative-chunk" -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\nok\r\n0\r\n\r\n";
                    default -> "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok";
                });
                if (!path.equals("/equal-lengths")) {
                    return;
                }
            }
        });
        int port = proxy(upstream.url());
        for (String path : List.of("/two-lengths", "/signed-length", "/gzip-chunked")) {
            HttpResponse<String> answer = send(port, "GET", path, null);
            assertThat(answer.statusCode()).as(path).isEqualTo(502);
            assertThat(answer.body()).as(path).contains("bad_gateway");
        }
        RawHttp.Exchange negative = RawHttp.send(port, "GET /negative-chunk HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10_000);
        assertThat(negative.text()).as("a chunk size with a sign").doesNotContain("\r\n\r\nok");
        HttpResponse<String> equal = send(port, "GET", "/equal-lengths", null);
        assertThat(equal.statusCode()).isEqualTo(200);
        assertThat(equal.body()).isEqualTo("ok");
    }

    @Test
    void a_connection_is_not_kept_longer_than_the_upstream_says_it_keeps_it() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        int port = proxy(upstream.url());
        for (int i = 0; i < 3; i++) {
            assertThat(send(port, "GET", "/n/" + i, null).body()).isEqualTo("ok");
        }
        assertThat(upstream.accepted.get()).as("connections: one second kept, less one, is none").isEqualTo(3);
    }

    @Test
    void headers_sent_on_several_lines_are_read_whole() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            while (c.read() != null) {
                c.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
            }
        });
        int port = proxy(upstream.url());
        RawHttp.Exchange r = RawHttp.send(port, "GET /h HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nConnection: X-Hop\r\n"
                + "X-Hop: secret\r\nX-Forwarded-For: 198.51.100.1\r\nX-Forwarded-For: 198.51.100.2\r\nConnection: close\r\n\r\n", 10_000);
        assertThat(r.text()).startsWith("HTTP/1.1 200 ");
        String forwarded = upstream.requests.get(0);
        assertThat(forwarded).doesNotContainIgnoringCase("x-hop")
                .contains("X-Forwarded-For: 198.51.100.1, 198.51.100.2, 127.0.0.1\r\n");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void an_upstream_that_stops_taking_a_request_body_fails_the_forward_with_502_and_loses_its_connection() throws Exception {
        java.util.concurrent.CountDownLatch look = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        upstream = new ScriptedUpstream(c -> {
            try {
                look.await();   // reads nothing meanwhile: its socket buffers fill and the proxy's write blocks
            } catch (InterruptedException e) {
                return;
            }
            if (c.drainedToEnd()) {
                ended.countDown();
            }
        });
        Target target = new Target("platform-api", new Listen("127.0.0.1", 0), URI.create(upstream.url()), Instant.now());
        proxy = FaultProxy.start(target, () -> "https://status.example.test", new SimpleMeterRegistry(),
                new Upstream.Limits(Duration.ofSeconds(1), Upstream.Limits.DEFAULT.headers()));
        try (Socket client = new Socket("127.0.0.1", proxy.port())) {
            client.setSoTimeout(30_000);
            upload(client, HUGE);
            String answer = readUntil(client.getInputStream(), "}");
            assertThat(answer).startsWith("HTTP/1.1 502 ").contains("\"id\":\"bad_gateway\"");
        }
        look.countDown();
        assertThat(ended.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
    }

    @Test
    void an_upstream_refusing_a_body_early_has_its_answer_relayed_instead_of_a_502() throws Exception {
        upstream = new ScriptedUpstream(c -> {
            c.readHead();   // and none of the body: it answers at once and hangs up on the rest
            c.write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: text/plain\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoo big!");
        });
        int port = proxy(upstream.url());
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(30_000);
            upload(client, HUGE);
            String answer = readUntil(client.getInputStream(), "too big!");
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("Content-Length: 8");
        }
    }

    /** A request body far larger than the socket buffers between the proxy and the upstream hold. */
    private static final int HUGE = 64 << 20;

    /** Starts a POST of {@code length} bytes on {@code client}, its body sent from another thread until done or refused. */
    private static void upload(Socket client, int length) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: " + length
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        Thread.ofVirtual().start(() -> {
            byte[] piece = new byte[64 * 1024];
            try {
                for (int sent = 0; sent < length; sent += piece.length) {
                    out.write(piece);
                }
            } catch (IOException closed) {
                // the proxy answered and closed the connection before the whole body was sent
            }
        });
    }

    /** What arrives on {@code in} up to and including the first {@code end}; fails if the connection ends first. */
    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            got.write(b);
            if (got.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
                return got.toString(StandardCharsets.ISO_8859_1);
            }
        }
        throw new java.io.EOFException("the connection ended after: " + got.toString(StandardCharsets.ISO_8859_1));
    }

    /** An upstream whose every connection runs {@code script}, counting connections and the requests read. */
    static final class ScriptedUpstream implements AutoCloseable {
        interface Script {
            void run(ScriptedUpstream.Connection c) throws IOException;
        }

        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        private final ServerSocket server;
        private final java.util.concurrent.ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        ScriptedUpstream(Script script) throws IOException {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        accepted.incrementAndGet();
                        threads.execute(() -> {
                            try (s) {
                                script.run(new Connection(s));
                            } catch (IOException ignored) {
                                // the proxy went away: the script ends with its connection
                            }
                            closed.incrementAndGet();
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        /** One connection as the script sees it. */
        final class Connection {
            private final Socket socket;

            Connection(Socket socket) {
                this.socket = socket;
            }

            /** Reads one request (head and any Content-Length body), recording it; null once the connection ends. */
            String read() throws IOException {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    head.write(b);
                    String text = head.toString(StandardCharsets.ISO_8859_1);
                    if (text.endsWith("\r\n\r\n")) {
                        int length = text.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                                .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
                        String request = text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
                        requests.add(request);
                        return request;
                    }
                }
                return null;
            }

            /** Reads a request's head only, up to its blank line; null once the connection ends. */
            String readHead() throws IOException {
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                for (int b = in.read(); b >= 0; b = in.read()) {
                    head.write(b);
                    if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        requests.add(head.toString(StandardCharsets.ISO_8859_1));
                        return head.toString(StandardCharsets.ISO_8859_1);
                    }
                }
                return null;
            }

            /** Reads and drops everything until the other side closes; true at a clean end or a reset. */
            boolean drainedToEnd() {
                byte[] buffer = new byte[64 * 1024];
                try {
                    while (socket.getInputStream().read(buffer) >= 0) {
                        // what the proxy had sent before it gave up
                    }
                    return true;
                } catch (java.net.SocketException reset) {
                    return true;
                } catch (IOException other) {
                    return false;
                }
            }

            void write(String bytes) throws IOException {
                OutputStream out = socket.getOutputStream();
                out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
