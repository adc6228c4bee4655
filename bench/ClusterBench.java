import dev.upbeat.testing.LiveEventReader;
import dev.upbeat.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Three `upbeat serve` processes on one embedded PostgreSQL; N status changes written through the
 * first; for each, the time from the write's 2xx until the second and third (a) answer
 * /api/v1/components with the write's ETag, (b) answer /api/v2/summary.json with it (both polled
 * every millisecond) and (c) send it on a live stream held open on each. The snapshot timer is
 * set to an hour, so only the change feed can deliver. Run with bench/cluster.sh.
 */
public class ClusterBench {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String TOKEN = "bench-token-0123456789";

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String database = TestDatabases.postgresql();
        List<Process> processes = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        Path logs = Files.createTempDirectory("upbeat-cluster");
        try {
            for (int i = 0; i < 3; i++) {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "dev.upbeat.Main", "serve");
                pb.environment().putAll(java.util.Map.of("DATABASE_URL", database, "PORT", Integer.toString(port),
                        "UPBEAT_ADMIN_TOKEN", TOKEN, "UPBEAT_SNAPSHOT_REFRESH", "PT1H", "UPBEAT_LOG_LEVEL", "WARN"));
                pb.redirectErrorStream(true).redirectOutput(logs.resolve("node" + i + ".log").toFile());
                processes.add(pb.start());
                nodes.add("http://127.0.0.1:" + port);
            }
            for (String node : nodes) {
                waitHealthy(node);
            }
            send("POST", nodes.get(0) + "/api/v1/components", "{\"id\":\"bench\",\"name\":\"Bench\"}");
            List<Stream> streams = List.of(new Stream(nodes.get(1)), new Stream(nodes.get(2)));
            for (int i = 0; i < 5; i++) {
                measure(nodes, streams, i); // warm-up, not counted
            }
            double[][] millis = new double[3][n];
            for (int i = 0; i < n; i++) {
                double[] one = measure(nodes, streams, i);
                for (int k = 0; k < 3; k++) {
                    millis[k][i] = one[k];
                }
            }
            String[] names = {"/api/v1/components", "/api/v2/summary.json", "live stream (/events)"};
            System.out.printf("%d writes through A; ms from the write's 2xx until both B and C have it:%n", n);
            for (int k = 0; k < 3; k++) {
                Arrays.sort(millis[k]);
                System.out.printf("  %-22s p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f%n", names[k],
                        at(millis[k], 0.50), at(millis[k], 0.90), at(millis[k], 0.99), millis[k][n - 1]);
            }
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                p.waitFor();
            }
        }
    }

    /**
     * One write through A; milliseconds from its answer until both B and C serve its version on
     * /api/v1/components, on /api/v2/summary.json, and on their live streams.
     */
    static double[] measure(List<String> nodes, List<Stream> streams, int i) throws Exception {
        String status = i % 2 == 0 ? "degraded_performance" : "operational";
        send("PATCH", nodes.get(0) + "/api/v1/components/bench", "{\"status\":\"" + status + "\"}");
        long written = System.nanoTime();
        String etag = get(nodes.get(0), "/api/v1/components").headers().firstValue("ETag").orElseThrow();
        long version = Long.parseLong(etag.replace("\"", ""));
        long components = 0;
        long summary = 0;
        for (String node : nodes.subList(1, 3)) {
            components = Math.max(components, untilServed(node, "/api/v1/components", etag));
            summary = Math.max(summary, untilServed(node, "/api/v2/summary.json", etag));
        }
        long live = 0;
        for (Stream stream : streams) {
            live = Math.max(live, stream.heardAt(version));
        }
        return new double[] {since(written, components), since(written, summary), since(written, live)};
    }

    static long untilServed(String node, String path, String etag) throws Exception {
        while (!etag.equals(get(node, path).headers().firstValue("ETag").orElse(""))) {
            Thread.sleep(1);
        }
        return System.nanoTime();
    }

    static double since(long start, long at) {
        return Math.max(0, at - start) / 1e6;
    }

    /** A live stream held open on one instance, noting when each version was first heard. */
    static final class Stream {
        private final ConcurrentSkipListMap<Long, Long> heard = new ConcurrentSkipListMap<>();

        Stream(String node) throws Exception {
            HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(node + "/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader reader = new BufferedReader(new InputStreamReader(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (true) {
                        heard.putIfAbsent(Long.parseLong(LiveEventReader.nextStatusId(reader)), System.nanoTime());
                    }
                } catch (Exception | AssertionError ended) {
                    // the run is over
                }
            });
        }

        /** When the stream first carried this version or a later one; waits for it. */
        long heardAt(long version) throws InterruptedException {
            while (true) {
                var at = heard.ceilingEntry(version);
                if (at != null) {
                    return at.getValue();
                }
                Thread.sleep(1);
            }
        }
    }

    static double at(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static HttpResponse<String> get(String node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void send(String method, String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static void waitHealthy(String node) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(node + "/healthz")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(node + " did not start");
    }
}
