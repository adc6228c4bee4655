package dev.upbeat.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Forwards one request to the upstream over a kept-alive connection and streams the answer back:
 * method, path, query, end-to-end headers plus X-Forwarded-For/Proto/Host, request and response
 * bodies as they come (a body of unknown length is re-chunked). Hop-by-hop headers, and those the
 * Connection header names, stay on their hop. {@link #quick} answers on the selector thread when
 * that costs it no real wait; {@link #forward} blocks, on a virtual thread.
 *
 * <p>A connection taken from the pool may have been closed by the upstream while idle; as nginx
 * does, a request that fails on one before any answer is tried once more on a fresh connection,
 * only when it is idempotent and has no body (nothing of it is lost).
 */
final class Upstream implements AutoCloseable {
    /** RFC 9110 section 7.6.1, plus Host (the upstream's own is sent). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);
    /** The longest a selector thread waits for an answer; past it, the forward goes on a virtual thread. */
    private static final int QUICK_WAIT_MILLIS = 5;
    private static final long QUICK_LATENCY_NANOS = 2_000_000;
    private static final int PROBE_EVERY = 31;

    private final UpstreamPool pool;
    private final String host;
    private final String basePath;
    private final ProxyMetrics metrics;
    /**
     * A rough moving average of the quick tries' time to the answer's head (a try that ran out of
     * time counts double its wait; lost updates do not matter). While it is high, only one request
     * in {@link #PROBE_EVERY} + 1 tries, so that an upstream that turns fast again is noticed.
     */
    private volatile long quickLatencyNanos;
    private int skipped;

    Upstream(URI base, ProxyMetrics metrics) {
        this.pool = new UpstreamPool(base);
        this.host = base.getRawAuthority();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.metrics = metrics;
    }

    /** A forward begun by {@link #quick}: the request is sent on {@code connection}; {@code answer} is its head if already read. */
    record Begun(UpstreamConnection connection, UpstreamAnswer answer, long started) {
    }

    /**
     * Tries to answer on the calling (selector) thread without ever making it wait long: only an
     * idempotent request without a body, on an idle kept-alive connection, to an upstream that
     * lately answered fast. It sends the request and waits at most {@link #QUICK_WAIT_MILLIS} for
     * the answer; a whole small answer is written out asynchronously, anything else is handed to
     * {@code resume} to finish elsewhere. False when it did not start (the caller forwards as usual).
     * The price: while it waits, the selector's other connections wait too, so an upstream taking
     * about a millisecond to answer holds a target to a few thousand requests a second per selector.
     */
    boolean quick(Request in, Response out, Callback done, Consumer<Begun> resume) {
        if (hasBody(in) || !IDEMPOTENT.contains(in.getMethod())
                || quickLatencyNanos > QUICK_LATENCY_NANOS && (++skipped & PROBE_EVERY) != 0) {
            return false;
        }
        UpstreamConnection c = pool.poll();
        if (c == null) {
            return false;
        }
        long started = System.nanoTime();
        UpstreamAnswer answer;
        try {
            c.timeout(QUICK_WAIT_MILLIS);
            writeHead(c, in);
            if (!awaited(c)) {
                quickLatencyNanos += (2L * QUICK_WAIT_MILLIS * 1_000_000 - quickLatencyNanos) / 8;
                resume.accept(new Begun(c, null, started));
                return true;
            }
            answer = UpstreamAnswer.read(c, "HEAD".equals(in.getMethod()));
        } catch (IOException e) {
            // Nothing reached the client and the request may be sent again: the usual forward does, with its retry.
            pool.release(c, false);
            return false;
        }
        long took = took(started);
        quickLatencyNanos += (took - quickLatencyNanos) / 8;
        byte[] whole = answer.buffered(c);
        if (whole == null) {
            resume.accept(new Begun(c, answer, started));
            return true;
        }
        copyHead(answer, out);
        pool.release(c, answer.keepAlive());
        out.write(true, ByteBuffer.wrap(whole), done);
        return true;
    }

    /** Whether the answer's head arrived within the quick wait; a closed connection is an IOException. */
    private static boolean awaited(UpstreamConnection c) throws IOException {
        try {
            if (!c.awaitHead()) {
                throw new java.io.EOFException("upstream closed the connection");
            }
            return true;
        } catch (java.net.SocketTimeoutException slow) {
            return false;
        }
    }

    private long took(long started) {
        long took = System.nanoTime() - started;
        metrics.upstream(Duration.ofNanos(took));
        return took;
    }

    /**
     * Relays the answer through {@code body}, on a new exchange or on one {@link #quick} began. An
     * IOException with the response not yet committed means the upstream could not be reached or
     * answered nothing usable.
     */
    void forward(Request in, Response out, BodyWriter body, Begun begun) throws IOException, InterruptedException {
        if (begun != null) {
            continueBegun(in, out, body, begun);
            return;
        }
        UpstreamConnection c = pool.take();
        boolean reusable = false;
        try {
            UpstreamAnswer answer;
            try {
                answer = exchange(c, in);
            } catch (IOException stale) {
                if (!c.reused() || !IDEMPOTENT.contains(in.getMethod()) || hasBody(in)) {
                    throw stale;
                }
                pool.release(c, false);
                c = pool.connect();
                answer = exchange(c, in);
            }
            copyHead(answer, out);
            reusable = answer.relayBody(c, body);
        } finally {
            pool.release(c, reusable);
        }
    }

    private void continueBegun(Request in, Response out, BodyWriter body, Begun begun) throws IOException, InterruptedException {
        UpstreamConnection c = begun.connection();
        boolean reusable = false;
        try {
            UpstreamAnswer answer = begun.answer();
            if (answer == null) {
                c.timeout((int) HEADERS_TIMEOUT.toMillis());
                answer = UpstreamAnswer.read(c, "HEAD".equals(in.getMethod()));
                took(begun.started());
            }
            c.timeout((int) UpstreamPool.IDLE_TIMEOUT.toMillis());
            copyHead(answer, out);
            reusable = answer.relayBody(c, body);
        } finally {
            pool.release(c, reusable);
        }
    }

    private UpstreamAnswer exchange(UpstreamConnection c, Request in) throws IOException {
        long started = System.nanoTime();
        c.timeout((int) HEADERS_TIMEOUT.toMillis());
        writeHead(c, in);
        if (hasBody(in)) {
            sendBody(c.output(), in);
        }
        UpstreamAnswer answer = UpstreamAnswer.read(c, "HEAD".equals(in.getMethod()));
        took(started);
        c.timeout((int) UpstreamPool.IDLE_TIMEOUT.toMillis());
        return answer;
    }

    private void writeHead(UpstreamConnection c, Request in) throws IOException {
        c.startHead();
        c.append(in.getMethod());
        c.append(" ");
        c.append(basePath);
        c.append(in.getHttpURI().getPath());
        String query = in.getHttpURI().getQuery();
        if (query != null) {
            c.append("?");
            c.append(query);
        }
        c.append(" HTTP/1.1\r\nHost: ");
        c.append(host);
        c.append("\r\n");
        HttpFields fields = in.getHeaders();
        String connection = fields.get(HttpHeader.CONNECTION);
        String forwardedHost = fields.get(HttpHeader.HOST);
        for (HttpField f : fields) {
            String name = f.getLowerCaseName();
            if (!HOP_BY_HOP.contains(name) && !named(connection, name) && !ours(name, forwardedHost != null)) {
                header(c, f.getName(), f.getValue());
            }
        }
        String forwardedFor = fields.get("X-Forwarded-For");
        String client = address(in.getConnectionMetaData().getRemoteSocketAddress());
        header(c, "X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        header(c, "X-Forwarded-Proto", in.getHttpURI().getScheme() == null ? "http" : in.getHttpURI().getScheme());
        if (forwardedHost != null) {
            header(c, "X-Forwarded-Host", forwardedHost);
        }
        if (in.getLength() < 0 && fields.contains(HttpHeader.TRANSFER_ENCODING)) {
            c.append("Transfer-Encoding: chunked\r\n");
        }
        c.append("\r\n");
        c.sendHead();
    }

    private static void header(UpstreamConnection c, String name, String value) {
        c.append(name);
        c.append(": ");
        c.append(value == null ? "" : value);
        c.append("\r\n");
    }

    /** The X-Forwarded-* headers this hop writes itself (a client's X-Forwarded-For is extended, not dropped). */
    private static boolean ours(String name, boolean hostKnown) {
        return name.equals("x-forwarded-for") || name.equals("x-forwarded-proto") || hostKnown && name.equals("x-forwarded-host");
    }

    /** Whether the Connection header lists {@code name}, as a whole token. */
    private static boolean named(String connection, String name) {
        if (connection == null) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.strip().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The request body, as it came when its length is known, else re-chunked. */
    private static void sendBody(OutputStream socket, Request in) throws IOException {
        boolean chunked = in.getLength() < 0;
        OutputStream out = new java.io.BufferedOutputStream(socket, 16 * 1024);
        InputStream body = Content.Source.asInputStream(in);
        byte[] buffer = new byte[16 * 1024];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            if (n == 0) {
                continue;
            }
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(buffer, 0, n);
            if (chunked) {
                out.write(CRLF);
            }
        }
        if (chunked) {
            out.write(LAST_CHUNK);
        }
        out.flush();
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static void copyHead(UpstreamAnswer answer, Response out) {
        out.setStatus(answer.status);
        String connection = null;
        for (int i = 0; i < answer.headers.size(); i += 2) {
            if (answer.headers.get(i).equalsIgnoreCase("connection")) {
                connection = answer.headers.get(i + 1);
            }
        }
        HttpFields.Mutable headers = out.getHeaders();
        for (int i = 0; i < answer.headers.size(); i += 2) {
            String name = answer.headers.get(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !named(connection, lower) && (answer.sized() || !lower.equals("content-length"))) {
                headers.add(name, answer.headers.get(i + 1));
            }
        }
    }

    private static boolean hasBody(Request in) {
        return in.getLength() > 0 || in.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private static String address(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    @Override
    public void close() {
        pool.close();
    }
}
