package dev.upbeat.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real local HTTP server a probe can check, which the test makes healthy or failing: it answers
 * every path with the current status and body, and counts the requests it saw.
 */
public final class ProbedServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "{\"status\":\"ok\"}"));
    private final AtomicInteger requests = new AtomicInteger();

    /** What the server answers. */
    public record Answer(int status, String body) {
    }

    public ProbedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Answer a = answer.get();
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void up() {
        answer.set(new Answer(200, "{\"status\":\"ok\"}"));
    }

    public void down() {
        answer.set(new Answer(503, "{\"status\":\"unavailable\"}"));
    }

    public void answer(int status, String body) {
        answer.set(new Answer(status, body));
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
