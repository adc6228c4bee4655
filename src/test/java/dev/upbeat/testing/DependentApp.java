package dev.upbeat.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A small app that depends on another service, as drills see it: {@code /health} fetches from
 * the dependency. One that caches serves its last good answer when the dependency fails; one
 * that does not answers 502.
 */
public final class DependentApp implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private volatile String cached;

    public DependentApp(String dependencyUrl, boolean servesFromCache) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/health", x -> {
            String body;
            int status;
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(dependencyUrl)).timeout(Duration.ofSeconds(1)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() >= 400) {
                    throw new IOException("dependency answered " + r.statusCode());
                }
                cached = r.body();
                status = 200;
                body = "fresh: " + r.body();
            } catch (IOException | InterruptedException e) {
                status = servesFromCache && cached != null ? 200 : 502;
                body = status == 200 ? "cached: " + cached : "dependency down";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
        server.start();
    }

    public String healthUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
