import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens N live-update streams (/events) against a running Upbeat, then, ROUNDS times, posts one
 * incident and measures when each stream hears the new snapshot version: 50/90/99/100 % of the
 * streams, from the moment the POST was sent. With the server's PID it also reads the heap used
 * after a full GC (jcmd) with no stream open and with N open. Loopback only.
 *
 * Raw non-blocking sockets on one selector thread, so the client's own cost per stream is a read,
 * not a thread and an HTTP client's machinery: what is measured is mostly the server.
 * The first WARMUP rounds (3 by default) let the JIT compile the server's path; they are printed
 * too, as w1, w2, ..., and the rounds that count follow.
 * Usage: java bench/LiveFanOut.java BASE_URL TOKEN N [ROUNDS=5] [SERVER_PID] [WARMUP=3]
 */
public class LiveFanOut {
    static final Pattern ID = Pattern.compile("(?m)^id: ?(\\d+)$");

    /** One stream's state, read only by the selector thread. */
    static final class Stream {
        final StringBuilder pending = new StringBuilder();
        long lastId;
        long heardAt;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String token = args[1];
        int n = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String pid = args.length > 4 && !args[4].isEmpty() ? args[4] : null;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        long heapBefore = heapUsedKb(pid);
        Selector selector = Selector.open();
        List<Stream> streams = new ArrayList<>();
        byte[] request = ("GET /events HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        long openStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
            c.write(ByteBuffer.wrap(request));
            c.configureBlocking(false);
            Stream s = new Stream();
            c.register(selector, SelectionKey.OP_READ, s);
            streams.add(s);
            // Paced, so the server's accept queue never overflows (a dropped SYN costs a second).
            while (i - heard(streams, 1) > 500) {
                poll(selector, in, 1);
            }
        }
        while (heard(streams, 1) < n) {
            poll(selector, in, 1);
        }
        System.out.printf("opened %d streams in %.1f s%n", n, (System.nanoTime() - openStart) / 1e9);
        long heapOpen = heapUsedKb(pid);
        if (pid != null) {
            System.out.printf("heap used after GC: %d MiB with none open, %d MiB with %d open: %.1f KiB per stream%n",
                    heapBefore / 1024, heapOpen / 1024, n, (heapOpen - heapBefore) / (double) n);
        }
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("| Round | POST answered | first | 50 % | 90 % | 99 % | 100 % | heard |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int r = 1 - warmup; r <= rounds; r++) {
            long before = streams.stream().mapToLong(s -> s.lastId).max().orElse(0);
            streams.forEach(s -> s.heardAt = 0);
            long posted = System.nanoTime();
            Thread poster = Thread.ofPlatform().start(() -> post(http, base, token));
            long deadline = posted + 30_000_000_000L;
            while (heard(streams, before + 1) < n && System.nanoTime() < deadline) {
                poll(selector, in, 10);
            }
            poster.join();
            long[] ms = streams.stream().filter(s -> s.heardAt != 0).mapToLong(s -> (s.heardAt - posted) / 1_000_000).sorted().toArray();
            System.out.printf("| %s | %d ms | %s | %s | %s | %s | %s | %d of %d |%n", r < 1 ? "w" + (r + warmup) : Integer.toString(r), answered / 1_000_000 - posted / 1_000_000,
                    ms.length == 0 ? "none" : ms[0] + " ms", pct(ms, n, 50), pct(ms, n, 90), pct(ms, n, 99), pct(ms, n, 100), ms.length, n);
            Thread.sleep(2000);
        }
        System.exit(0);
    }

    static volatile long answered;

    static void post(HttpClient http, URI base, String token) {
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/api/v1/incidents"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Fan-out benchmark\",\"message\":\"m\",\"status\":\"resolved\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            answered = System.nanoTime();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams whose last id is at least {@code atLeast}. */
    static int heard(List<Stream> streams, long atLeast) {
        int count = 0;
        for (Stream s : streams) {
            if (s.lastId >= atLeast) {
                count++;
            }
        }
        return count;
    }

    static void poll(Selector selector, ByteBuffer in, long timeoutMs) throws Exception {
        selector.select(timeoutMs);
        long now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
            Stream s = (Stream) key.attachment();
            in.clear();
            int read = ((SocketChannel) key.channel()).read(in);
            if (read < 0) {
                throw new IllegalStateException("a stream was closed by the server");
            }
            s.pending.append(new String(in.array(), 0, read, StandardCharsets.UTF_8));
            int end = s.pending.lastIndexOf("\n\n");
            if (end >= 0) {
                Matcher m = ID.matcher(s.pending.substring(0, end));
                while (m.find()) {
                    long id = Long.parseLong(m.group(1));
                    if (id > s.lastId) {
                        s.lastId = id;
                        s.heardAt = now;
                    }
                }
                s.pending.delete(0, end + 2);
            }
        }
        selector.selectedKeys().clear();
    }

    /** Nearest-rank percentile over all N streams (one that never heard counts as missing). */
    static String pct(long[] sorted, int n, int p) {
        int rank = (int) Math.ceil(p / 100.0 * n);
        return rank > sorted.length ? "missing" : sorted[Math.max(rank, 1) - 1] + " ms";
    }

    /** Heap used after a full GC, in KiB, read with jcmd; 0 without a PID. */
    static long heapUsedKb(String pid) throws Exception {
        if (pid == null) {
            return 0;
        }
        new ProcessBuilder("jcmd", pid, "GC.run").redirectErrorStream(true).start().waitFor();
        Process p = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("used (\\d+)K").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
