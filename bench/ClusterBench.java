import dev.upbeat.testing.TestDatabases;
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

/**
 * Three `upbeat serve` processes on one embedded PostgreSQL; N status changes written through the
 * first; for each, the time from the write's 2xx until the second and third answer
 * /api/v1/components with the write's ETag (polled every millisecond). The snapshot timer is
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
            for (int i = 0; i < 5; i++) {
                measure(nodes, i); // warm-up, not counted
            }
            double[] millis = new double[n];
            for (int i = 0; i < n; i++) {
                millis[i] = measure(nodes, i);
            }
            Arrays.sort(millis);
            System.out.printf("%d writes through A, visible on B and C (ms): p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", n,
                    at(millis, 0.50), at(millis, 0.90), at(millis, 0.99), millis[n - 1]);
        } finally {
            processes.forEach(Process::destroy);
            for (Process p : processes) {
                p.waitFor();
            }
        }
    }

    /** One write through A; milliseconds from its answer until both B and C serve its version. */
    static double measure(List<String> nodes, int i) throws Exception {
        String status = i % 2 == 0 ? "degraded_performance" : "operational";
        send("PATCH", nodes.get(0) + "/api/v1/components/bench", "{\"status\":\"" + status + "\"}");
        long written = System.nanoTime();
        String etag = get(nodes.get(0)).headers().firstValue("ETag").orElseThrow();
        for (String node : nodes.subList(1, 3)) {
            while (!etag.equals(get(node).headers().firstValue("ETag").orElse(""))) {
                Thread.sleep(1);
            }
        }
        return (System.nanoTime() - written) / 1e6;
    }

    static double at(double[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static HttpResponse<String> get(String node) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node + "/api/v1/components")).build(), HttpResponse.BodyHandlers.ofString());
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
