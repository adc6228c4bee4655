package dev.upbeat.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest SMTP server that accepts mail (no TLS, no AUTH): it counts messages per recipient
 * and can take a while over each one, to stand in for a slow provider. A message counts once its
 * data is in, before the 250 reply, as a real server would already have it.
 */
public final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final Duration delay;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, AtomicInteger> perRecipient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicLong lastAt = new AtomicLong();

    public SmtpSink(Duration delay) {
        this.delay = delay;
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public int total() {
        return total.get();
    }

    /** When the last message came in (epoch millis), 0 before the first. */
    public long lastAt() {
        return lastAt.get();
    }

    public Map<String, Integer> perRecipient() {
        Map<String, Integer> copy = new java.util.HashMap<>();
        perRecipient.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                threads.submit(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ready");
            List<String> recipients = new java.util.ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> { recipients.clear(); reply(out, "250 ok"); }
                    case "RCPT" -> { recipients.add(line.replaceAll("(?i).*<([^>]*)>.*", "$1").toLowerCase()); reply(out, "250 ok"); }
                    case "DATA" -> {
                        reply(out, "354 go on");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        recipients.forEach(r -> perRecipient.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet());
                        total.addAndGet(recipients.size());
                        lastAt.set(System.currentTimeMillis());
                        if (!delay.isZero()) {
                            Thread.sleep(delay.toMillis());
                        }
                        reply(out, "250 queued");
                    }
                    case "QUIT" -> { reply(out, "221 bye"); return; }
                    default -> reply(out, "250 ok");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away (or was killed): that is what this sink is for
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
