package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.DependentApp;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.testing.TestUpstream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TCP proxies as simulator targets of kind {@code tcp}, through Upbeat's API and Toxiproxy's on
 * one served instance: one object either way, stored, driven by simulations, schedules and
 * drills, exported per target. Round trips go over real sockets to an echo server.
 */
class TcpTargetTest {
    private static final String[] AUTH = {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN};

    private String database;
    private TestUpbeat t;
    private Http http;
    private Http toxiproxy;
    private EchoServer echo;

    @BeforeEach
    void start() throws IOException {
        database = TestDatabases.sqlite();
        serve();
        echo = new EchoServer();
    }

    private void serve() {
        t = TestUpbeat.started(database, Map.of("UPBEAT_TOXIPROXY_LISTEN", "127.0.0.1:0"));
        http = t.http;
        toxiproxy = new Http("http://127.0.0.1:" + t.upbeat.toxiproxyPort());
    }

    @AfterEach
    void stop() throws IOException {
        t.close();
        echo.close();
    }

    private int createTcpTarget(String name, String upstream) {
        Http.Response r = http.post("/api/v1/simulator/targets",
                "{\"name\":\"" + name + "\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream + "\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String listen = r.json().get("listen").asText();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Writes a line and reads it back through the proxy. */
    private static String roundTrip(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        byte[] back = s.getInputStream().readNBytes(text.length());
        return new String(back, StandardCharsets.UTF_8);
    }

    private JsonNode run(long id) {
        return http.get("/api/v1/simulator/simulations/" + id, AUTH).json();
    }

    @Test
    void a_tcp_target_is_created_listed_read_and_deleted_and_is_the_toxiproxy_apis_proxy() throws IOException {
        int port = createTcpTarget("cache", echo.address());
        try (Socket s = connect(port)) {
            assertThat(roundTrip(s, "hello")).isEqualTo("hello");
        }
        JsonNode listed = StreamSupport.stream(http.get("/api/v1/simulator/targets", AUTH).json().spliterator(), false)
                .filter(n -> n.get("name").asText().equals("cache")).findFirst().orElseThrow();
        assertThat(listed.get("kind").asText()).isEqualTo("tcp");
        assertThat(listed.get("upstream").asText()).isEqualTo(echo.address());
        assertThat(listed.get("listen").asText()).isEqualTo("127.0.0.1:" + port);
        assertThat(listed.get("listeners").get(0).get("state").asText()).isEqualTo("listening");
        assertThat(http.get("/api/v1/simulator/targets/cache", AUTH).json().get("kind").asText()).isEqualTo("tcp");

        JsonNode proxy = toxiproxy.get("/proxies/cache").json();
        assertThat(proxy.get("listen").asText()).isEqualTo("127.0.0.1:" + port);
        assertThat(proxy.get("upstream").asText()).isEqualTo(echo.address());
        assertThat(proxy.get("enabled").asBoolean()).isTrue();

        assertThat(http.delete("/api/v1/simulator/targets/cache").status()).isEqualTo(204);
        assertThat(toxiproxy.get("/proxies/cache").status()).isEqualTo(404);
        assertThatThrownBy(() -> connect(port).close()).as("the listener is closed").isInstanceOf(IOException.class);
    }

    @Test
    void a_proxy_made_through_the_toxiproxy_api_is_a_stored_target_that_survives_a_restart() throws IOException {
        Http.Response made = toxiproxy.post("/proxies", "{\"name\":\"postgres\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + echo.address() + "\"}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String listen = made.json().get("listen").asText();
        JsonNode target = http.get("/api/v1/simulator/targets/postgres", AUTH).json();
        assertThat(target.get("kind").asText()).isEqualTo("tcp");
        assertThat(target.get("listen").asText()).isEqualTo(listen);
        assertThat(target.get("upstream").asText()).isEqualTo(echo.address());
        assertThat(toxiproxy.post("/proxies", "{\"name\":\"postgres\",\"upstream\":\"" + echo.address() + "\"}").status())
                .as("the same name, either way").isEqualTo(409);
        assertThat(http.post("/api/v1/simulator/targets", "{\"name\":\"postgres\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"" + echo.address() + "\"}").status()).isEqualTo(409);
        createTcpTarget("redis", echo.address());
        Http.Response populated = toxiproxy.post("/populate", "[{\"name\":\"mq\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}]");
        assertThat(populated.status()).as(populated.toString()).isEqualTo(201);
        assertThat(toxiproxy.patch("/proxies/mq", "{\"upstream\":\"" + echo.address() + "\"}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/simulator/targets/mq", AUTH).json().get("upstream").asText()).as("moved, stored")
                .isEqualTo(echo.address());
        assertThat(toxiproxy.delete("/proxies/mq").status()).isEqualTo(204);

        t.close();
        serve();
        assertThat(toxiproxy.get("/proxies").json().fieldNames()).toIterable().containsExactly("postgres", "redis");
        int port = Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
        try (Socket s = connect(port)) {
            assertThat(roundTrip(s, "after restart")).isEqualTo("after restart");
        }
        assertThat(toxiproxy.delete("/proxies/postgres").status()).isEqualTo(204);
        assertThat(http.get("/api/v1/simulator/targets/postgres", AUTH).status()).isEqualTo(404);
    }

    @Test
    void refusals_name_the_field() {
        assertField(http.post("/api/v1/simulator/targets", "{\"name\":\"x\",\"kind\":\"udp\",\"listen\":\"127.0.0.1:0\"}"), "kind");
        assertField(http.post("/api/v1/simulator/targets",
                "{\"name\":\"x\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"http://db:5432\"}"), "upstream");
        assertField(http.post("/api/v1/simulator/targets", "{\"name\":\"x\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:0\"}"), "upstream");
        createTcpTarget("db", echo.address());
        assertThat(http.post("/api/v1/simulator/targets", "{\"name\":\"web\",\"listen\":\"127.0.0.1:0\"}").status()).isEqualTo(201);

        assertField(http.post("/api/v1/simulator/targets/db/simulations",
                "{\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT1M\"}"), "faults");
        assertField(http.post("/api/v1/simulator/targets/db/simulations", "{\"duration\":\"PT1M\"}"), "toxics");
        assertField(http.post("/api/v1/simulator/targets/web/simulations",
                "{\"toxics\":[{\"type\":\"latency\"}],\"duration\":\"PT1M\"}"), "toxics");
        assertField(http.post("/api/v1/simulator/targets/db/simulations",
                "{\"toxics\":[{\"type\":\"packet_loss\"}],\"duration\":\"PT1M\"}"), "toxics[0].type");
        assertField(http.post("/api/v1/simulator/targets/db/simulations",
                "{\"toxics\":[{\"type\":\"latency\",\"attributes\":{\"delay\":5}}],\"duration\":\"PT1M\"}"), "toxics[0].attributes.delay");
        assertField(http.post("/api/v1/simulator/targets/db/simulations",
                "{\"toxics\":[{\"type\":\"latency\",\"stream\":\"sideways\"}],\"duration\":\"PT1M\"}"), "toxics[0].stream");
        assertField(http.post("/api/v1/simulator/targets/db/simulations",
                "{\"toxics\":[{\"type\":\"latency\"},{\"type\":\"latency\"}],\"duration\":\"PT1M\"}"), "toxics[1].name");
        assertField(http.post("/api/v1/simulator/targets/db/schedules", "{\"cron\":\"0 10 * * 2\",\"time_zone\":\"Europe/Paris\","
                + "\"duration\":\"PT1M\",\"faults\":[{\"type\":\"maintenance\"}]}"), "faults");
        assertField(http.post("/api/v1/drills", "{\"target\":\"db\",\"faults\":[{\"type\":\"maintenance\"}],\"duration\":\"PT1M\","
                + "\"checks\":[{\"url\":\"http://127.0.0.1:1/health\"}]}"), "faults");
    }

    private static void assertField(Http.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    }

    @Test
    void a_simulation_delays_then_resets_real_connections_and_its_toxics_go_when_it_ends() throws IOException {
        int port = createTcpTarget("queue", echo.address());
        Http.Response started = http.post("/api/v1/simulator/targets/queue/simulations",
                "{\"toxics\":[{\"type\":\"latency\",\"attributes\":{\"latency\":60000}}],\"duration\":\"PT15M\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().get("toxics").get(0).get("name").asText()).as("Toxiproxy's default name").isEqualTo("latency_downstream");
        long slow = started.json().get("id").asLong();
        assertThat(http.get("/api/v1/simulator/targets/queue", AUTH).json().get("live_simulation").get("id").asLong()).isEqualTo(slow);
        assertThat(toxiproxy.get("/proxies/queue/toxics").json()).as("a simulation's toxics are not the API's to change").isEmpty();
        try (Socket s = connect(port)) {
            s.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).as("held back by a minute").isInstanceOf(SocketTimeoutException.class);
            s.setSoTimeout(10_000);
            assertThat(http.delete("/api/v1/simulator/simulations/" + slow).status()).isEqualTo(200);
            assertThat(new String(s.getInputStream().readNBytes(4), StandardCharsets.UTF_8)).as("let go when the run ends").isEqualTo("ping");
            assertThat(roundTrip(s, "pong")).isEqualTo("pong");
        }
        JsonNode ended = run(slow);
        assertThat(ended.get("end_reason").asText()).isEqualTo("stopped");
        assertThat(ended.get("requests").asLong()).as("connections").isEqualTo(1);
        assertThat(ended.get("injected").get("latency").asLong()).isGreaterThanOrEqualTo(1);

        long reset = http.post("/api/v1/simulator/targets/queue/simulations",
                "{\"toxics\":[{\"type\":\"reset_peer\",\"stream\":\"upstream\",\"attributes\":{\"timeout\":0}}],\"duration\":\"PT15M\"}")
                .json().get("id").asLong();
        try (Socket s = connect(port)) {
            s.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        t.clock.advance(Duration.ofMinutes(16));
        await().atMost(Duration.ofSeconds(10)).until(() -> !run(reset).get("end_reason").isNull());
        assertThat(run(reset).get("end_reason").asText()).isEqualTo("expired");
        assertThat(run(reset).get("injected").get("reset_peer").asLong()).isEqualTo(1);
        try (Socket s = connect(port)) {
            assertThat(roundTrip(s, "back")).isEqualTo("back");
        }

        String metrics = http.get("/metrics", AUTH).body();
        assertThat(metrics).contains("upbeat_tcp_bytes_total{direction=\"upstream\",proxy=\"queue\"}")
                .contains("upbeat_tcp_bytes_total{direction=\"downstream\",proxy=\"queue\"}")
                .contains("upbeat_tcp_connections_total{proxy=\"queue\"} 3.0")
                .contains("upbeat_tcp_toxics_applied_total{proxy=\"queue\",type=\"reset_peer\"} 1.0")
                .contains("upbeat_tcp_toxics_applied_total{proxy=\"queue\",type=\"latency\"}");
    }

    @Test
    void a_schedule_in_a_time_zone_applies_its_toxics_at_its_time() throws IOException {
        int port = createTcpTarget("broker", echo.address());
        Http.Response made = http.post("/api/v1/simulator/targets/broker/schedules", "{\"cron\":\"30 4 * * *\",\"time_zone\":\"Asia/Kolkata\","
                + "\"duration\":\"PT10M\",\"toxics\":[{\"type\":\"reset_peer\",\"stream\":\"upstream\"}]}");
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("toxics").get(0).get("type").asText()).isEqualTo("reset_peer");
        Instant next = Instant.parse(made.json().get("next_at").asText());
        assertThat(next.atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalTime()).isEqualTo(java.time.LocalTime.of(4, 30));

        t.clock.advance(Duration.between(t.clock.instant(), next).plusSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/api/v1/simulator/targets/broker", AUTH).json()
                .get("live_simulation").isObject());
        JsonNode live = http.get("/api/v1/simulator/targets/broker", AUTH).json().get("live_simulation");
        assertThat(live.get("origin").asText()).isEqualTo("schedule");
        assertThat(live.get("toxics").get(0).get("name").asText()).isEqualTo("reset_peer_upstream");
        try (Socket s = connect(port)) {
            s.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void drills_on_a_tcp_target_check_the_app_and_give_verdicts() throws Exception {
        try (TestUpstream upstream = new TestUpstream()) {
            int port = createTcpTarget("api-socket", upstream.url().replaceFirst("^http://", "").replaceAll("/$", ""));
            String through = "http://127.0.0.1:" + port + "/bytes?n=12";
            try (DependentApp cached = new DependentApp(through, true); DependentApp bare = new DependentApp(through, false)) {
                JsonNode pass = drill("api-socket", cached);
                assertThat(pass.get("verdict").asText()).as(pass.toString()).isEqualTo("pass");
                assertThat(pass.get("toxics").get(0).get("type").asText()).isEqualTo("reset_peer");
                assertThat(pass.get("faults_injected").get("reset_peer").asLong()).isGreaterThanOrEqualTo(1);
                JsonNode fail = drill("api-socket", bare);
                assertThat(fail.get("verdict").asText()).as(fail.toString()).isEqualTo("fail");
                assertThat(fail.get("checks").get(0).get("phases").get("during").get("successes").asInt()).isZero();
                assertThat(http.get("/api/v1/drills/" + fail.get("id").asLong() + "/report.md", AUTH).body())
                        .contains("- Toxics: `reset_peer`");
            }
        }
    }

    private JsonNode drill(String target, DependentApp app) {
        Http.Response r = http.post("/api/v1/drills", """
                {"target":"%s","toxics":[{"type":"reset_peer","stream":"upstream"}],"duration":"PT2S","interval":"PT0.25S",
                 "recovery":"PT2S","checks":[{"url":"%s","expect_status":[200],"max_latency":"PT1S"}]}"""
                .formatted(target, app.healthUrl()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !http.get("/api/v1/drills/" + id, AUTH).json().get("verdict").asText().equals("running"));
        return http.get("/api/v1/drills/" + id, AUTH).json();
    }

}
