package dev.upbeat.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * A real upstream on loopback for the simulator's tests. {@code /echo} answers with what it
 * received (method, path, query, headers, body); {@code /bytes?n=N} sends N bytes with a length;
 * {@code /chunked?n=N} sends N bytes chunked, in pieces.
 */
public final class TestUpstream implements AutoCloseable {
    private final HttpServer server;

    public TestUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::answer);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        int n = x.getRequestURI().getQuery() != null && x.getRequestURI().getQuery().startsWith("n=")
                ? Integer.parseInt(x.getRequestURI().getQuery().substring(2)) : 0;
        try (x) {
            if (path.startsWith("/bytes")) {
                x.getResponseHeaders().add("Content-Type", "application/octet-stream");
                x.sendResponseHeaders(200, n);
                x.getResponseBody().write(pattern(n));
            } else if (path.startsWith("/chunked")) {
                x.sendResponseHeaders(200, 0);
                OutputStream out = x.getResponseBody();
                byte[] all = pattern(n);
                for (int at = 0; at < n; at += 1000) {
                    out.write(all, at, Math.min(1000, n - at));
                    out.flush();
                }
            } else {
                echo(x);
            }
        }
    }

    private static void echo(HttpExchange x) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(x.getRequestMethod()).append(' ').append(x.getRequestURI().getRawPath());
        if (x.getRequestURI().getRawQuery() != null) {
            s.append('?').append(x.getRequestURI().getRawQuery());
        }
        s.append('\n');
        new TreeMap<>(x.getRequestHeaders()).forEach((k, v) -> s.append(k.toLowerCase()).append(": ").append(String.join(",", v)).append('\n'));
        s.append('\n').append(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        byte[] body = s.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "text/plain");
        x.getResponseHeaders().add("X-Upstream", "yes");
        x.sendResponseHeaders(201, body.length);
        x.getResponseBody().write(body);
    }

    /** N bytes of a repeating, recognisable pattern. */
    public static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
