package dev.upbeat.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Forwards one request to the upstream over a kept-alive connection ({@link UpstreamRequest}) and
 * streams the answer back, hop-by-hop headers left out. {@link #quick} answers on the selector thread when
 * that costs it no real wait; {@link #forward} blocks, on a virtual thread.
 *
 * <p>A connection taken from the pool may have been closed by the upstream while idle; as nginx
 * does, a request that fails on one before any answer is tried once more on a fresh connection,
 * only when it is idempotent and has no body (nothing of it is lost).
 */
final class Upstream implements AutoCloseable {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(2);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);
    /** How long an upstream that stopped reading a request body gets for the answer it may have sent. */
    private static final int EARLY_ANSWER_WAIT_MILLIS = 1_000;
    /** The longest a selector thread waits for an answer; past it, the forward goes on a virtual thread. */
    private static final int QUICK_WAIT_MILLIS = 5;
    private static final long QUICK_LATENCY_NANOS = 2_000_000;
    private static final int PROBE_EVERY = 31;

    private final UpstreamPool pool;
    private final UpstreamRequest request;
    private final ProxyMetrics metrics;
    private final Duration sendTimeout;
    /**
     * A rough moving average of the quick tries' time to the answer's head (a try that ran out of
     * time counts double its wait; lost updates do not matter). While it is high, only one request
     * in {@link #PROBE_EVERY} + 1 tries, so that an upstream that turns fast again is noticed.
     */
    private volatile long quickLatencyNanos;
    private int skipped;

    Upstream(URI base, ProxyMetrics metrics, Duration sendTimeout) {
        this.pool = new UpstreamPool(base);
        this.request = new UpstreamRequest(base);
        this.metrics = metrics;
        this.sendTimeout = sendTimeout;
    }

    /**
     * A forward begun by {@link #quick}: the request is sent on {@code connection}; {@code answer}
     * is its head if already read, {@code failure} why the answer cannot be relayed if that is known.
     */
    record Begun(UpstreamConnection connection, UpstreamAnswer answer, long started, IOException failure) {
    }

    /**
     * Tries to answer on the calling (selector) thread without ever making it wait long: only an
     * idempotent request without a body, on an idle kept-alive plain-http connection, to an
     * upstream that lately answered fast. It sends the request and waits at most {@link #QUICK_WAIT_MILLIS} for
     * the answer; a whole small answer is written out asynchronously, anything else is handed to
     * {@code resume} to finish elsewhere. False when it did not start (the caller forwards as usual).
     * The price: while it waits, the selector's other connections wait too, so an upstream taking
     * about a millisecond to answer holds a target to a few thousand requests a second per selector.
     */
    boolean quick(Request in, Response out, Callback done, Consumer<Begun> resume) {
        // Not over TLS: a read that times out mid-record is not one to resume elsewhere.
        if (pool.tls() || UpstreamRequest.hasBody(in) || !IDEMPOTENT.contains(in.getMethod())
                || quickLatencyNanos > QUICK_LATENCY_NANOS && (++skipped & PROBE_EVERY) != 0) {
            return false;
        }
        UpstreamConnection c = pool.poll();
        if (c == null) {
            return false;
        }
        long started = System.nanoTime();
        long before = c.received();
        boolean headIn;
        try {
            c.timeout(QUICK_WAIT_MILLIS);
            request.writeHead(c, in);
            headIn = awaited(c);
        } catch (IOException e) {
            if (c.received() == before) {
                // Nothing of an answer came: a kept-alive connection the upstream had closed. The
                // usual forward sends the request again on a fresh one, as nginx does.
                pool.release(c, false);
                return false;
            }
            headIn = false;   // a head longer than the buffer, or one cut short: the forward reads it without that limit
        }
        if (!headIn) {
            quickLatencyNanos += (2L * QUICK_WAIT_MILLIS * 1_000_000 - quickLatencyNanos) / 8;
        }
        if (!headIn || c.interimHead()) {
            // The request went upstream, so it is never sent again from here: the rest is read elsewhere.
            resume.accept(new Begun(c, null, started, null));
            return true;
        }
        UpstreamAnswer answer;
        try {
            answer = UpstreamAnswer.read(c, "HEAD".equals(in.getMethod()));
        } catch (IOException malformed) {
            resume.accept(new Begun(c, null, started, malformed));
            return true;
        }
        long took = took(started);
        quickLatencyNanos += (took - quickLatencyNanos) / 8;
        byte[] whole = answer.buffered(c);
        if (whole == null) {
            resume.accept(new Begun(c, answer, started, null));
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
        long before = c.received();
        boolean reusable = false;
        try {
            UpstreamAnswer answer;
            try {
                answer = exchange(c, in);
            } catch (IOException e) {
                if (!stale(c, before, e) || !IDEMPOTENT.contains(in.getMethod()) || UpstreamRequest.hasBody(in)) {
                    throw e;
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

    /**
     * Whether {@code e} says only that a kept-alive connection had been closed by the upstream: it
     * had carried an exchange before and not a byte of this one's answer came. A timeout is not
     * that: the upstream may be working on the request.
     */
    private static boolean stale(UpstreamConnection c, long before, IOException e) {
        return c.reused() && c.received() == before && !(e instanceof java.net.SocketTimeoutException);
    }

    private void continueBegun(Request in, Response out, BodyWriter body, Begun begun) throws IOException, InterruptedException {
        UpstreamConnection c = begun.connection();
        boolean reusable = false;
        try {
            if (begun.failure() != null) {
                throw begun.failure();
            }
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
        request.writeHead(c, in);
        if (UpstreamRequest.hasBody(in)) {
            try {
                UpstreamRequest.sendBody(c.output(sendTimeout), in);
            } catch (UpstreamConnection.BodyRefused refused) {
                return earlyAnswer(c, in, refused);
            }
        }
        UpstreamAnswer answer = UpstreamAnswer.read(c, "HEAD".equals(in.getMethod()));
        took(started);
        c.timeout((int) UpstreamPool.IDLE_TIMEOUT.toMillis());
        return answer;
    }

    /**
     * The answer an upstream sent before it stopped reading the body (a 413 or a 401 sent early,
     * then the connection closed), which the client should get rather than a 502; the refusal
     * itself when none came. The connection is not reused: the upstream did not read the whole request.
     */
    private UpstreamAnswer earlyAnswer(UpstreamConnection c, Request in, UpstreamConnection.BodyRefused refused) throws IOException {
        try {
            c.timeout(EARLY_ANSWER_WAIT_MILLIS);
            return UpstreamAnswer.read(c, "HEAD".equals(in.getMethod())).closing();
        } catch (IOException none) {
            refused.addSuppressed(none);
            throw refused;
        }
    }

    private static void copyHead(UpstreamAnswer answer, Response out) {
        out.setStatus(answer.status);
        String connection = null;
        for (int i = 0; i < answer.headers.size(); i += 2) {
            if (answer.headers.get(i).equalsIgnoreCase("connection")) {
                connection = connection == null ? answer.headers.get(i + 1) : connection + "," + answer.headers.get(i + 1);
            }
        }
        HttpFields.Mutable headers = out.getHeaders();
        for (int i = 0; i < answer.headers.size(); i += 2) {
            String name = answer.headers.get(i);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!UpstreamRequest.HOP_BY_HOP.contains(lower) && !UpstreamRequest.named(connection, lower) && !lower.equals("content-length")) {
                headers.add(name, answer.headers.get(i + 1));
            }
        }
        if (answer.sized() && answer.contentLength != null) {
            headers.add(HttpHeader.CONTENT_LENGTH, answer.contentLength);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
