import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens N live-update streams (/events) against a running Upbeat, posts one incident, and measures
 * how long until every stream has heard the new snapshot version. Loopback only.
 * Usage: java bench/LiveFanOut.java BASE_URL TOKEN N
 */
public class LiveFanOut {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int n = Integer.parseInt(args[2]);
        HttpClient client = HttpClient.newHttpClient();
        List<BufferedReader> streams = new ArrayList<>();
        long baseline = 0;
        long openStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            baseline = Math.max(baseline, Long.parseLong(nextId(reader)));
            streams.add(reader);
        }
        System.out.printf("opened %d streams in %d ms%n", n, (System.nanoTime() - openStart) / 1_000_000);
        CountDownLatch heard = new CountDownLatch(n);
        AtomicLong last = new AtomicLong();
        AtomicLong version = new AtomicLong();
        long before = baseline;
        for (BufferedReader reader : streams) {
            Thread.ofVirtual().start(() -> {
                try {
                    long id;
                    do {
                        id = Long.parseLong(nextId(reader));
                    } while (id <= before);
                    version.accumulateAndGet(id, Math::max);
                    last.accumulateAndGet(System.nanoTime(), Math::max);
                    heard.countDown();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
        long posted = System.nanoTime();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/incidents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Fan-out benchmark\",\"message\":\"m\",\"status\":\"resolved\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        heard.await();
        System.out.printf("POST answered %d in %.1f ms; all %d streams heard version %d %.1f ms after the POST was sent%n",
                r.statusCode(), (answered - posted) / 1e6, n, version.get(), (last.get() - posted) / 1e6);
        System.exit(0);
    }

    private static String nextId(BufferedReader reader) throws Exception {
        String line;
        String event = null;
        String id = null;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if ("status".equals(event) && id != null) {
                    return id;
                }
                event = null;
                id = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            }
        }
        throw new IllegalStateException("stream ended");
    }
}
