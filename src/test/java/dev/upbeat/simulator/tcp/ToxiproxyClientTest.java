package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Bandwidth;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import eu.rekawek.toxiproxy.model.toxic.LimitData;
import eu.rekawek.toxiproxy.model.toxic.ResetPeer;
import eu.rekawek.toxiproxy.model.toxic.Slicer;
import eu.rekawek.toxiproxy.model.toxic.SlowClose;
import eu.rekawek.toxiproxy.model.toxic.Timeout;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Toxiproxy Java client (eu.rekawek.toxiproxy:toxiproxy-java) driving Upbeat's compatible API. */
class ToxiproxyClientTest {
    private TcpProxies proxies;
    private ToxiproxyApi api;
    private EchoServer echo;
    private ToxiproxyClient client;

    @BeforeEach
    void start() throws Exception {
        proxies = new TcpProxies(new Random(7));
        api = ToxiproxyApi.start(proxies, "127.0.0.1", 0);
        echo = new EchoServer();
        client = new ToxiproxyClient("127.0.0.1", api.port());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        proxies.close();
        echo.close();
    }

    @Test
    void a_proxy_is_created_listed_read_toggled_and_deleted() throws Exception {
        Proxy created = client.createProxy("echo", "127.0.0.1:0", echo.address());

        assertThat(created.getListen()).matches("127\\.0\\.0\\.1:[1-9]\\d*");
        assertThat(created.isEnabled()).isTrue();
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("echo");
        assertThat(client.getProxy("echo").getUpstream()).isEqualTo(echo.address());
        assertThat(Wire.roundTrip(created.getListen(), "ping")).isEqualTo("ping");

        created.disable();
        assertThat(client.getProxy("echo").isEnabled()).isFalse();
        assertThatThrownBy(() -> Wire.connect(created.getListen())).isInstanceOf(ConnectException.class);

        created.enable();
        assertThat(client.getProxy("echo").isEnabled()).isTrue();
        assertThat(Wire.roundTrip(created.getListen(), "pong")).isEqualTo("pong");

        created.delete();
        assertThat(client.getProxyOrNull("echo")).isNull();
        assertThat(client.getProxies()).isEmpty();
    }

    @Test
    void the_errors_read_as_toxiproxy_words_them() throws Exception {
        client.createProxy("echo", "127.0.0.1:0", echo.address());

        assertThatThrownBy(() -> client.createProxy("echo", "127.0.0.1:0", echo.address()))
                .isInstanceOf(IOException.class).hasMessage("[409] proxy already exists");
        assertThatThrownBy(() -> client.getProxy("missing")).isInstanceOf(IOException.class).hasMessage("[404] proxy not found");
        Proxy proxy = client.getProxy("echo");
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
        assertThatThrownBy(() -> proxy.toxics().latency("slow", ToxicDirection.UPSTREAM, 10))
                .isInstanceOf(IOException.class).hasMessage("[409] toxic already exists");
        assertThatThrownBy(() -> proxy.toxics().get("missing")).isInstanceOf(IOException.class).hasMessage("[404] toxic not found");
    }

    @Test
    void a_listen_address_in_use_is_refused_with_the_system_words() throws Exception {
        Proxy first = client.createProxy("first", "127.0.0.1:0", echo.address());

        assertThatThrownBy(() -> client.createProxy("second", first.getListen(), echo.address()))
                .isInstanceOf(IOException.class)
                .hasMessage("[500] listen tcp " + first.getListen() + ": bind: address already in use");
        assertThat(client.getProxyOrNull("second")).isNull();
    }

    @Test
    void each_toxic_is_added_read_back_changed_and_removed() throws Exception {
        Proxy proxy = client.createProxy("echo", "127.0.0.1:0", echo.address());

        Latency latency = proxy.toxics().latency("latency", ToxicDirection.DOWNSTREAM, 100).setJitter(15);
        Bandwidth bandwidth = proxy.toxics().bandwidth("bandwidth", ToxicDirection.UPSTREAM, 64);
        SlowClose slowClose = proxy.toxics().slowClose("slow_close", ToxicDirection.DOWNSTREAM, 250);
        Timeout timeout = proxy.toxics().timeout("timeout", ToxicDirection.UPSTREAM, 0);
        ResetPeer reset = proxy.toxics().resetPeer("reset", ToxicDirection.DOWNSTREAM, 30);
        Slicer slicer = proxy.toxics().slicer("slicer", ToxicDirection.UPSTREAM, 100, 40).setSizeVariation(20);
        LimitData limit = proxy.toxics().limitData("limit", ToxicDirection.DOWNSTREAM, 1000);

        assertThat(proxy.toxics().getAll()).extracting(t -> t.getName() + ":" + t.getStream())
                .containsExactly("bandwidth:UPSTREAM", "timeout:UPSTREAM", "slicer:UPSTREAM", "latency:DOWNSTREAM",
                        "slow_close:DOWNSTREAM", "reset:DOWNSTREAM", "limit:DOWNSTREAM");
        Latency readLatency = proxy.toxics().get("latency", Latency.class);
        assertThat(readLatency.getLatency()).isEqualTo(100);
        assertThat(readLatency.getJitter()).isEqualTo(15);
        assertThat(readLatency.getToxicity()).isEqualTo(1.0f);
        assertThat(proxy.toxics().get("bandwidth", Bandwidth.class).getRate()).isEqualTo(64);
        assertThat(proxy.toxics().get("slow_close", SlowClose.class).getDelay()).isEqualTo(250);
        assertThat(proxy.toxics().get("timeout", Timeout.class).getTimeout()).isZero();
        assertThat(proxy.toxics().get("reset", ResetPeer.class).getTimeout()).isEqualTo(30);
        Slicer readSlicer = proxy.toxics().get("slicer", Slicer.class);
        assertThat(readSlicer.getAverageSize()).isEqualTo(100);
        assertThat(readSlicer.getSizeVariation()).isEqualTo(20);
        assertThat(readSlicer.getDelay()).isEqualTo(40);
        assertThat(proxy.toxics().get("limit", LimitData.class).getBytes()).isEqualTo(1000);

        latency.setLatency(200);
        latency.setToxicity(0.5f);
        Latency changed = proxy.toxics().get("latency", Latency.class);
        assertThat(changed.getLatency()).as("latency changed").isEqualTo(200);
        assertThat(changed.getJitter()).as("jitter kept: attributes are merged").isEqualTo(15);
        assertThat(changed.getToxicity()).isEqualTo(0.5f);
        bandwidth.setRate(128);
        slowClose.setDelay(10);
        timeout.setTimeout(5);
        reset.setTimeout(1);
        slicer.setDelay(7);
        limit.setBytes(5);
        assertThat(proxy.toxics().get("slicer", Slicer.class).getAverageSize()).isEqualTo(100);
        assertThat(proxy.toxics().get("limit", LimitData.class).getBytes()).isEqualTo(5);

        for (var t : proxy.toxics().getAll()) {
            t.remove();
        }
        assertThat(proxy.toxics().getAll()).isEmpty();
    }

    @Test
    void reset_enables_every_proxy_and_removes_every_toxic() throws Exception {
        Proxy a = client.createProxy("a", "127.0.0.1:0", echo.address());
        Proxy b = client.createProxy("b", "127.0.0.1:0", echo.address());
        a.toxics().latency("latency", ToxicDirection.DOWNSTREAM, 1000);
        b.disable();

        client.reset();

        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactlyInAnyOrder("a", "b");
        assertThat(client.getProxy("b").isEnabled()).isTrue();
        assertThat(client.getProxy("a").toxics().getAll()).isEmpty();
        assertThat(Wire.roundTrip(client.getProxy("b").getListen(), "back")).isEqualTo("back");
    }

    @Test
    void the_version_is_the_toxiproxy_release_it_answers_as() throws Exception {
        assertThat(client.version()).isEqualTo("{\"version\": \"2.12.0\"}");
    }

    /** Plain socket helpers shared by the tests of this package. */
    static final class Wire {
        static Socket connect(String hostPort) throws IOException {
            int colon = hostPort.lastIndexOf(':');
            Socket s = new Socket();
            s.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 2000);
            s.setTcpNoDelay(true);
            s.setSoTimeout(5000);
            return s;
        }

        static String roundTrip(String hostPort, String text) throws IOException {
            try (Socket s = connect(hostPort)) {
                s.getOutputStream().write(text.getBytes());
                s.shutdownOutput();
                return new String(s.getInputStream().readAllBytes());
            }
        }
    }
}
