package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.upbeat.config.ConfigException;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Toxiproxy-compatible API as an operator starts it: {@code upbeat sim toxiproxy}, or beside the status page. */
class SimToxiproxyProcessTest {

    @Test
    void sim_toxiproxy_serves_the_api_in_its_own_process_without_a_database() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Started server = CliRun.start("jdbc:sqlite:/nonexistent/never-opened.db", Map.of(),
                "sim", "toxiproxy", "--listen", "127.0.0.1:" + port);
        try (ServerSocket upstream = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> client.version().contains("2.12.0"));

            Proxy proxy = client.createProxy("db", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            proxy.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 3);
            String host = proxy.getListen().substring(0, proxy.getListen().lastIndexOf(':'));
            int listen = Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
            try (Socket s = new Socket(host, listen); Socket served = upstream.accept()) {
                s.setSoTimeout(5_000);
                served.getOutputStream().write("hello".getBytes());
                assertThat(new String(s.getInputStream().readAllBytes())).isEqualTo("hel");
            }
        } finally {
            server.process().destroy();
            server.process().waitFor();
        }
    }

    @Test
    void upbeat_serves_the_api_beside_the_status_page_and_counts_each_proxy_in_its_metrics() throws Exception {
        try (TestUpbeat t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_TOXIPROXY_LISTEN", "127.0.0.1:0"));
                ServerSocket upstream = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", t.upbeat.toxiproxyPort());
            assertThat(client.version()).contains("2.12.0");
            Proxy redis = client.createProxy("redis", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            redis.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 1);
            String listen = redis.getListen();
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1)));
                    Socket served = upstream.accept()) {
                s.getOutputStream().write("PING\r\n".getBytes());
                assertThat(served.getInputStream().readNBytes(6)).isEqualTo("PING\r\n".getBytes());
                served.getOutputStream().write("+PONG\r\n".getBytes());
                assertThat(s.getInputStream().readNBytes(7)).isEqualTo("+PONG\r\n".getBytes());
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + t.upbeat.port() + "/metrics"))
                    .header("Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).build();
            assertThat(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body())
                    .contains("upbeat_tcp_bytes_total{direction=\"upstream\",proxy=\"redis\"} 6.0")
                    .contains("upbeat_tcp_bytes_total{direction=\"downstream\",proxy=\"redis\"} 7.0")
                    .contains("upbeat_tcp_connections_total{proxy=\"redis\"} 1.0")
                    .contains("upbeat_tcp_toxics_applied_total{proxy=\"redis\",type=\"latency\"} 1.0");
            redis.delete();
            assertThatThrownBy(() -> client.createProxy("refused", "127.0.0.1:" + upstream.getLocalPort(), "127.0.0.1:1"))
                    .as("its address is taken").hasMessageContaining("[500]");
            assertThat(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body()).as("deleted or refused: no series")
                    .doesNotContain("proxy=\"redis\"").doesNotContain("proxy=\"refused\"");
        }
        try (TestUpbeat t = TestUpbeat.started()) {
            assertThat(t.upbeat.toxiproxyPort()).as("off unless set").isEqualTo(-1);
        }
    }

    @Test
    void a_taken_toxiproxy_address_stops_startup_naming_the_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                TestUpbeat t = TestUpbeat.services(TestDatabases.sqlite(),
                        Map.of("UPBEAT_TOXIPROXY_LISTEN", "127.0.0.1:" + taken.getLocalPort()))) {
            assertThatThrownBy(t.upbeat::start).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort()).hasMessageContaining("UPBEAT_TOXIPROXY_LISTEN");
        }
    }
}
