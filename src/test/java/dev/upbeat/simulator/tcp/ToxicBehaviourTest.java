package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.simulator.tcp.ToxiproxyClientTest.Wire;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.toxic.Latency;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client of a proxied service sees, measured on real sockets against a local echo server,
 * with the toxics set through the real Toxiproxy Java client.
 */
class ToxicBehaviourTest {
    private TcpProxies proxies;
    private ToxiproxyApi api;
    private EchoServer echo;
    private Proxy proxy;

    @BeforeEach
    void start() throws Exception {
        proxies = new TcpProxies(new Random(7));
        api = ToxiproxyApi.start(proxies, "127.0.0.1", 0);
        echo = new EchoServer();
        proxy = new ToxiproxyClient("127.0.0.1", api.port()).createProxy("echo", "127.0.0.1:0", echo.address());
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
        proxies.close();
        echo.close();
    }

    /**
     * Every answer waits at least the latency; the least of five round trips is the toxic's own
     * delay, since a busy machine can only add to it, and lands within 10 ms of the latency.
     */
    @ParameterizedTest
    @ValueSource(ints = {100, 200})
    void latency_delays_each_answer_by_its_milliseconds_within_ten(int latency) throws Exception {
        proxy.toxics().latency("latency", ToxicDirection.DOWNSTREAM, latency);
        List<Double> rounds = new ArrayList<>();
        try (Socket s = Wire.connect(proxy.getListen())) {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                echoOnce(s, "ping" + i);
                rounds.add(millisSince(start));
            }
        }
        assertThat(rounds).allSatisfy(ms -> assertThat(ms).isGreaterThanOrEqualTo(latency));
        assertThat(rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isBetween((double) latency, latency + 10.0);
    }

    @Test
    void a_toxic_added_or_removed_applies_to_a_connection_already_open() throws Exception {
        try (Socket s = Wire.connect(proxy.getListen())) {
            echoOnce(s, "before");
            Latency latency = proxy.toxics().latency("latency", ToxicDirection.UPSTREAM, 150);
            long start = System.nanoTime();
            echoOnce(s, "during");
            assertThat(millisSince(start)).as("the open connection is delayed now").isBetween(150.0, 300.0);
            latency.remove();
            start = System.nanoTime();
            echoOnce(s, "after");
            assertThat(millisSince(start)).isLessThan(100.0);
        }
    }

    @Test
    void bandwidth_paces_the_bytes_at_its_rate_within_ten_percent() throws Exception {
        proxy.toxics().bandwidth("bandwidth", ToxicDirection.DOWNSTREAM, 100); // 100 KB/s: 200,000 bytes take 2 s
        byte[] payload = new byte[200_000];
        new Random(1).nextBytes(payload);
        try (Socket s = Wire.connect(proxy.getListen())) {
            long start = System.nanoTime();
            Thread.ofVirtual().start(() -> {
                try {
                    s.getOutputStream().write(payload);
                    s.shutdownOutput();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] echoed = s.getInputStream().readAllBytes();
            assertThat(echoed).isEqualTo(payload);
            assertThat(millisSince(start)).isBetween(1800.0, 2200.0);
        }
    }

    @Test
    void reset_peer_ends_the_connection_with_a_reset() throws Exception {
        proxy.toxics().resetPeer("reset", ToxicDirection.UPSTREAM, 0);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write("hello".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
        }
    }

    @Test
    void timeout_zero_holds_the_connection_silent_until_the_toxic_goes() throws Exception {
        var timeout = proxy.toxics().timeout("timeout", ToxicDirection.DOWNSTREAM, 0);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.setSoTimeout(1000);
            s.getOutputStream().write("hello".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read()).as("no answer, no close")
                    .isInstanceOf(SocketTimeoutException.class);
            timeout.remove();
            assertThat(s.getInputStream().read()).as("removing the toxic closes the connection, as in Toxiproxy").isEqualTo(-1);
        }
    }

    @Test
    void timeout_closes_the_connection_after_its_milliseconds() throws Exception {
        proxy.toxics().timeout("timeout", ToxicDirection.UPSTREAM, 300);
        try (Socket s = Wire.connect(proxy.getListen())) {
            long start = System.nanoTime();
            s.getOutputStream().write("hello".getBytes());
            assertThat(s.getInputStream().read()).as("the data was dropped, then the connection closed").isEqualTo(-1);
            assertThat(millisSince(start)).isBetween(290.0, 600.0);
        }
    }

    @Test
    void limit_data_closes_after_that_many_bytes() throws Exception {
        proxy.toxics().limitData("limit", ToxicDirection.DOWNSTREAM, 10);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write("0123456789abcdefghij".getBytes());
            assertThat(new String(s.getInputStream().readAllBytes())).isEqualTo("0123456789");
        }
    }

    @Test
    void slow_close_holds_the_close_back() throws Exception {
        proxy.toxics().slowClose("slow", ToxicDirection.DOWNSTREAM, 300);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write("bye".getBytes());
            s.shutdownOutput();
            long start = System.nanoTime();
            assertThat(new String(s.getInputStream().readAllBytes())).isEqualTo("bye");
            assertThat(millisSince(start)).isGreaterThanOrEqualTo(300.0);
        }
    }

    @Test
    void slicer_delivers_every_byte_in_small_pieces() throws Exception {
        proxy.toxics().slicer("slicer", ToxicDirection.DOWNSTREAM, 10, 20_000).setSizeVariation(3);
        byte[] payload = new byte[200];
        new Random(2).nextBytes(payload);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write(payload);
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            int reads = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                got.write(buffer, 0, n);
                reads++;
            }
            assertThat(got.toByteArray()).isEqualTo(payload);
            assertThat(reads).as("pieces 20 ms apart arrive one by one").isGreaterThanOrEqualTo(10);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,0", "0,500", "4,100000"})
    void slicer_attributes_at_their_edges_still_deliver_every_byte(String sizes) throws Exception {
        String[] averageAndVariation = sizes.split(",");
        proxy.toxics().slicer("slicer", ToxicDirection.DOWNSTREAM, Long.parseLong(averageAndVariation[0]), 0)
                .setSizeVariation(Long.parseLong(averageAndVariation[1]));
        byte[] payload = new byte[1000];
        new Random(3).nextBytes(payload);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write(payload);
            s.shutdownOutput();
            assertThat(s.getInputStream().readAllBytes()).isEqualTo(payload);
        }
    }

    @Test
    void a_negative_reset_timeout_resets_at_once() throws Exception {
        proxy.toxics().resetPeer("reset", ToxicDirection.DOWNSTREAM, -5);
        try (Socket s = Wire.connect(proxy.getListen())) {
            s.getOutputStream().write("hello".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
        }
    }

    @Test
    void a_half_closed_client_still_reads_the_answer() throws Exception {
        assertThat(Wire.roundTrip(proxy.getListen(), "half")).isEqualTo("half");
    }

    @Test
    void many_connections_are_relayed_at_once() throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String text = "connection " + i;
                answers.add(pool.submit((Callable<String>) () -> Wire.roundTrip(proxy.getListen(), text)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).isEqualTo("connection " + i);
            }
        }
    }

    @Test
    void disabling_closes_the_listener_and_every_open_connection() throws Exception {
        try (Socket s = Wire.connect(proxy.getListen())) {
            echoOnce(s, "alive");
            proxy.disable();
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
            assertThatThrownBy(() -> Wire.connect(proxy.getListen())).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void a_new_upstream_restarts_the_proxy_and_drops_its_connections() throws Exception {
        try (EchoServer other = new EchoServer(); Socket s = Wire.connect(proxy.getListen())) {
            echoOnce(s, "old");
            proxy.setUpstream(other.address());
            int read;
            try {
                read = s.getInputStream().read();
            } catch (SocketException reset) {
                read = -1;
            }
            assertThat(read).as("the open connection was dropped").isEqualTo(-1);
            assertThat(Wire.roundTrip(proxy.getListen(), "new")).as("same address, new upstream").isEqualTo("new");
            assertThat(proxies.get("echo").upstream()).isEqualTo(other.address());
        }
    }

    private static void echoOnce(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes());
        byte[] answer = s.getInputStream().readNBytes(text.length());
        assertThat(new String(answer)).isEqualTo(text);
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
