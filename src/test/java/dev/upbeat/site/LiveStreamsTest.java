package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.TestUpbeat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /events under clients that misbehave: ones that never read, ones that leave, ones that send no Accept. */
class LiveStreamsTest {
    static TestUpbeat t;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** A raw connection to /events; {@code receiveBuffer} small makes a client that stops reading stall its writes soon. */
    private static Socket open(String accept, int receiveBuffer) throws Exception {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        s.connect(new InetSocketAddress("127.0.0.1", t.upbeat.port()), 5000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (accept == null ? "" : "Accept: " + accept + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    private static BufferedReader reader(Socket s) throws Exception {
        s.setSoTimeout(10_000);
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads until an event with an id at least {@code atLeast}, returning that id. */
    private static long heard(BufferedReader r, long atLeast) throws Exception {
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("id:") && Long.parseLong(line.substring(3).strip()) >= atLeast) {
                return Long.parseLong(line.substring(3).strip());
            }
        }
        throw new AssertionError("stream ended");
    }

    private static double connected() {
        String metrics = t.http.get("/metrics", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).body();
        return metrics.lines().filter(l -> l.startsWith("upbeat_live_clients")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow();
    }

    @Test
    void events_stream_whatever_the_accept_header_says() throws Exception {
        for (String accept : new String[] {null, "*/*", "text/plain"}) {
            try (Socket s = open(accept, 0)) {
                BufferedReader r = reader(s);
                List<String> head = new ArrayList<>();
                for (String line = r.readLine(); !line.isEmpty(); line = r.readLine()) {
                    head.add(line.toLowerCase());
                }
                assertThat(head.get(0)).as("Accept: %s", accept).contains(" 200 ");
                assertThat(head).as("Accept: %s", accept).anyMatch(h -> h.startsWith("content-type: text/event-stream"));
                assertThat(heard(r, t.upbeat.snapshots().current().version())).isPositive();
            }
        }
    }

    @Test
    void a_client_that_never_reads_does_not_delay_two_hundred_others() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            stalled.add(open("text/event-stream", 1024));
        }
        List<Socket> sockets = new ArrayList<>();
        List<BufferedReader> pages = new ArrayList<>();
        long before = t.upbeat.snapshots().current().version();
        for (int i = 0; i < 200; i++) {
            Socket s = open("text/event-stream", 0);
            sockets.add(s);
            pages.add(reader(s));
            heard(pages.getLast(), before);
        }
        try {
            for (int i = 0; i < 20; i++) {
                t.http.post("/api/v1/components", "{\"name\":\"Stall " + i + "\"}");
            }
            long after = t.upbeat.snapshots().current().version();
            List<CompletableFuture<Long>> all = pages.stream().map(r -> CompletableFuture.supplyAsync(() -> {
                try {
                    return heard(r, after);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            })).toList();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(all).allSatisfy(f -> assertThat(f.join()).isEqualTo(after));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void a_client_that_leaves_is_released_without_waiting_for_a_write() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> connected() == 0);
        Socket s = open("text/event-stream", 0);
        heard(reader(s), t.upbeat.snapshots().current().version());
        assertThat(connected()).isEqualTo(1);
        s.close();
        // Well inside the 20-second heartbeat: the close itself must be noticed.
        await().atMost(Duration.ofSeconds(5)).until(() -> connected() == 0);
    }
}
