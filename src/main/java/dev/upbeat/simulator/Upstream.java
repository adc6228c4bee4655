package dev.upbeat.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Forwards one request to the upstream over a kept-alive connection ({@link UpstreamRequest}) and
 * streams the answer back, hop-by-hop headers left out. {@link #async} forwards on the selector
 * that read the request, never waiting; {@link #forward} blocks, on a virtual thread.
 *
 * <p>A connection taken from the pool may have been closed by the upstream while idle; as nginx
 * does, a request that fails on one before any answer is tried once more on a fresh connection,
 * only when it is idempotent and has no body (nothing of it is lost).
 */
final class Upstream implements AutoCloseable {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    /**
     * How long an upstream may take none of a request body ({@code send}), and how long it may
     * stay silent before the head of its answer ({@code headers}), before the forward fails.
     */
    record Limits(Duration send, Duration headers) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), Duration.ofMinutes(2));
    }

    /** How long an upstream that stopped reading a request body gets for the answer it may have sent. */
    private static final int EARLY_ANSWER_WAIT_MILLIS = 1_000;
    private static final Duration RESOLVE_EVERY = Duration.ofSeconds(30);
    /** Runs every upstream's {@link #tick}; one thread, as a tick only submits work and resolves names. */
    private static final ScheduledThreadPoolExecutor TICKS = ticks();

    private final UpstreamPool pool;
    private final UpstreamRequest request;
    private final ProxyMetrics metrics;
    private final Limits limits;
    private final Map<ManagedSelector, UpstreamLane> lanes = new ConcurrentHashMap<>();
    private final String host;
    private final int port;
    private volatile InetSocketAddress address;
    private volatile boolean closed;
    private long resolvedAt = System.nanoTime() - RESOLVE_EVERY.toNanos();
    private final ScheduledFuture<?> ticking;

    Upstream(URI base, ProxyMetrics metrics, Limits limits) {
        this.pool = new UpstreamPool(base);
        this.request = new UpstreamRequest(base);
        this.metrics = metrics;
        this.limits = limits;
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : pool.tls() ? 443 : 80;
        this.ticking = TICKS.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    private static ScheduledThreadPoolExecutor ticks() {
        var timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("upstream-ticks").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /**
     * A forward begun on a selector ({@link #async}): either the request was sent on
     * {@code connection} and {@code answer} is its head if already read, or there is no connection
     * and {@code failure} says why no answer can be relayed.
     */
    record Begun(UpstreamConnection connection, UpstreamAnswer answer, long started, IOException failure) {
    }

    /**
     * Forwards on the selector that read the request ({@link UpstreamLane}), without a thread
     * hand-off: only an idempotent request without a body, to a plain-http upstream whose address
     * is known. What cannot be finished there goes to {@code elsewhere}. False when it did not
     * start (the caller forwards as usual).
     */
    boolean async(Request in, Response out, Callback done, Consumer<Begun> elsewhere) {
        if (closed || pool.tls() || address == null || UpstreamRequest.hasBody(in) || !IDEMPOTENT.contains(in.getMethod())) {
            return false;
        }
        ManagedSelector selector = SelectorConnector.selectorOf(in);
        if (selector == null) {
            return false;
        }
        lanes.computeIfAbsent(selector, s -> new UpstreamLane(s, this)).submit(new UpstreamLane.Exchange(in, out, done, elsewhere));
        return true;
    }

    UpstreamRequest request() {
        return request;
    }

    Limits limits() {
        return limits;
    }

    /** The upstream's address as last resolved, or null before the first resolution succeeded. */
    InetSocketAddress address() {
        return address;
    }

    void adopt(UpstreamConnection c) {
        pool.adopt(c);
    }

    /**
     * Every second: lets the lanes time out what waits too long. Every 30 s: resolves the
     * upstream's name again, here rather than on a selector, where a slow lookup would stall it.
     */
    private void tick() {
        long now = System.nanoTime();
        if (now - resolvedAt >= RESOLVE_EVERY.toNanos()) {
            resolvedAt = now;
            Thread.ofVirtual().start(this::resolve);   // a slow lookup delays no target's timeouts
        }
        lanes.values().forEach(UpstreamLane::tick);
    }

    private void resolve() {
        InetSocketAddress resolved = new InetSocketAddress(host, port);
        if (!resolved.isUnresolved()) {
            address = resolved;
        }
    }

    long took(long started) {
        long took = System.nanoTime() - started;
        metrics.upstream(took);
        return took;
    }

    /**
     * Relays the answer through {@code body}, on a new exchange or on one {@link #async} began. An
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
        if (c == null) {
            throw begun.failure();
        }
        boolean reusable = false;
        try {
            c.becomeBlocking();
            UpstreamAnswer answer = begun.answer();
            if (answer == null) {
                c.timeout((int) limits.headers().toMillis());
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
        c.timeout((int) limits.headers().toMillis());
        request.writeHead(c, in);
        if (UpstreamRequest.hasBody(in)) {
            try {
                UpstreamRequest.sendBody(c.output(limits.send()), in);
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

    static void copyHead(UpstreamAnswer answer, Response out) {
        out.setStatus(answer.status);
        HttpFields.Mutable headers = out.getHeaders();
        for (int i = 0; i < answer.headers.size(); i += 2) {
            String name = answer.headers.get(i);
            if (!UpstreamRequest.hopByHop(name) && !answer.connectionNames(name) && !name.equalsIgnoreCase("content-length")) {
                headers.add(name, answer.headers.get(i + 1));
            }
        }
        if (answer.sized() && answer.contentLength != null) {
            headers.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, answer.contentLength, answer.declaredLength()));
        }
    }

    @Override
    public void close() {
        closed = true;
        ticking.cancel(false);
        lanes.values().forEach(UpstreamLane::close);
        pool.close();
    }
}
