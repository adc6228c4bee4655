package dev.upbeat.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public reads answered in front of the router (see {@link PublicReads}): the same answers,
 * headers and metrics as a routed read, compressed once per snapshot for clients that accept it.
 */
class PublicReadsTest {
    /** One path per feature that declares reads without parameters. */
    static final List<String> READS = List.of("/", "/uptime", "/api/v1/status", "/api/v1/components", "/api/v1/groups",
            "/api/v1/uptime", "/api/v2/summary.json", "/api/v2/status.json", "/api/v4/current-status",
            "/api/v3/current-status", "/badge.svg");

    static TestUpbeat t;
    static Http http;
    static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        http.post("/api/v1/components", "{\"name\":\"API\"}");
        http.post("/api/v1/incidents", "{\"title\":\"Errors\",\"message\":\"Looking.\",\"components\":{\"api\":\"major_outage\"}}");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void a_client_that_accepts_gzip_gets_the_same_bytes_compressed_and_every_answer_says_it_varies_by_that() throws Exception {
        for (String path : READS) {
            HttpResponse<byte[]> plain = get(path, "Accept-Encoding", "identity");
            HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Vary").orElse("")).as(path).contains("Accept-Encoding");
            assertThat(zipped.headers().firstValue("Vary")).as(path).isEqualTo(plain.headers().firstValue("Vary"));
            assertThat(zipped.headers().firstValue("ETag")).as(path).isEqualTo(plain.headers().firstValue("ETag"));
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            if (plain.body().length >= PublicReads.MIN_GZIP_BYTES) {
                assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
                assertThat(gunzip(zipped.body())).as(path).isEqualTo(plain.body());
            } else {
                assertThat(zipped.body()).as(path).isEqualTo(plain.body());
            }
        }
        assertThat(get("/api/v2/summary.json", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void routed_reads_that_may_be_compressed_say_so_too() throws Exception {
        for (String path : List.of("/history", "/api/v1/incidents", "/history.atom", "/components/api/badge.svg", "/assets/upbeat.css")) {
            HttpResponse<byte[]> r = get(path, "Accept-Encoding", "gzip");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Vary").orElse("")).as(path).contains("Accept-Encoding");
        }
        assertThat(get("/history").headers().firstValue("Vary").orElse("")).contains("X-Upbeat-Fragment");
    }

    @Test
    void a_client_that_has_the_version_gets_304_with_the_headers_of_a_routed_read() throws Exception {
        for (String path : READS) {
            HttpResponse<byte[]> first = get(path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<byte[]> again = get(path, "If-None-Match", "\"other\", W/" + etag);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            for (String name : List.of("ETag", "Cache-Control", "Access-Control-Allow-Origin", "Vary", "X-Content-Type-Options",
                    "Content-Security-Policy")) {
                assertThat(again.headers().firstValue(name)).as("%s %s", path, name).isEqualTo(first.headers().firstValue(name));
            }
            assertThat(again.headers().firstValue("X-Request-Id").orElseThrow()).isNotEqualTo(first.headers().firstValue("X-Request-Id")
                    .orElseThrow());
        }
    }

    @Test
    void the_reads_answer_as_routed_paths_do_with_a_trailing_slash_a_query_string_and_other_methods() throws Exception {
        byte[] summary = get("/api/v2/summary.json").body();
        assertThat(get("/api/v2/summary.json/").body()).isEqualTo(summary);
        assertThat(get("/api/v2/summary.json?cb=12345").body()).isEqualTo(summary);
        Http.Response post = http.post("/api/v2/summary.json", "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(http.get("/api/v2/summary.jsonx").status()).isEqualTo(404);
    }

    @Test
    void each_read_is_timed_under_its_path_as_routed_reads_are_under_their_template() {
        http.get("/api/v4/current-status");
        String metrics = http.get("/metrics", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).body();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v4/current-status\"[^}]*\\} [1-9]");
    }

    @Test
    void accept_encoding_is_read_by_its_rules() {
        assertThat(PublicReads.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(PublicReads.acceptsGzip("GZIP;q=0.5")).isTrue();
        assertThat(PublicReads.acceptsGzip("*")).isTrue();
        assertThat(PublicReads.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(PublicReads.acceptsGzip("gzip; q=0.000")).isFalse();
        assertThat(PublicReads.acceptsGzip("br, identity")).isFalse();
        assertThat(PublicReads.acceptsGzip(null)).isFalse();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.upbeat.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
