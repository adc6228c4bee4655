package dev.upbeat.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The idle connections to one upstream, most recently used first: under load the same few stay
 * warm and the rest age out. A connection idle longer than the idle timeout is closed instead of
 * used; https upstreams get the JDK's TLS with its default trust and host name check.
 */
final class UpstreamPool implements AutoCloseable {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_IDLE = 1024;

    private final String host;
    private final int port;
    private final boolean tls;
    private final ConcurrentLinkedDeque<UpstreamConnection> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    /** Connections carrying an exchange, closed with the pool so that no forward outlives its target. */
    private final java.util.Set<UpstreamConnection> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    UpstreamPool(URI base) {
        this.host = base.getHost();
        this.tls = "https".equalsIgnoreCase(base.getScheme());
        this.port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
    }

    /** An idle connection if one is fresh enough, else a new one. */
    UpstreamConnection take() throws IOException {
        UpstreamConnection c = poll();
        return c != null ? c : connect();
    }

    boolean tls() {
        return tls;
    }

    /** An idle connection fresh enough to use, or null (never connects). */
    UpstreamConnection poll() {
        long now = System.nanoTime();
        UpstreamConnection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            if (now - c.idleSince() < idleLimit(c)) {
                busy.add(c);
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Counts a connection a selector handed over as busy, so that closing the pool aborts it. */
    void adopt(UpstreamConnection c) {
        busy.add(c);
        if (closed) {
            c.abort();
        }
    }

    UpstreamConnection connect() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            UpstreamConnection c = new UpstreamConnection(tls ? secure(socket) : socket, socket);
            busy.add(c);
            if (closed) {
                close();
            }
            return c;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Socket secure(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
        socket.startHandshake();
        return socket;
    }

    /** How long {@code c} may stay idle: ours, or less when the upstream said it keeps connections for less. */
    static long idleLimit(UpstreamConnection c) {
        return Math.min(IDLE_TIMEOUT.toNanos(), c.keepAliveNanos());
    }

    /**
     * Ends an exchange: keeps the connection if it ended cleanly ({@code reusable}) with nothing
     * more sent after the answer (bytes past an answer's end would be read as the next one's), else closes it.
     */
    void release(UpstreamConnection c, boolean kept) {
        busy.remove(c);
        boolean reusable = kept && !c.retired();
        if (reusable && c.buffered() == 0 && c.lane() != null && !closed) {
            c.lane().takeBack(c);   // a selector's connection, borrowed for an answer it could not finish
        } else if (reusable && c.buffered() == 0) {
            giveBack(c);
        } else {
            c.close();
        }
    }

    /** Keeps a connection whose exchange ended cleanly, and retires the oldest if it has aged out. */
    private void giveBack(UpstreamConnection c) {
        long now = System.nanoTime();
        c.idle(now);
        if (closed || idleCount.get() >= MAX_IDLE) {
            c.close();
            return;
        }
        idle.offerFirst(c);
        idleCount.incrementAndGet();
        UpstreamConnection oldest = idle.peekLast();
        if (oldest != null && now - oldest.idleSince() >= idleLimit(oldest) && idle.removeLastOccurrence(oldest)) {
            idleCount.decrementAndGet();
            oldest.close();
        }
        if (closed) {
            close();
        }
    }

    @Override
    public void close() {
        closed = true;
        UpstreamConnection c;
        while ((c = idle.pollFirst()) != null) {
            idleCount.decrementAndGet();
            c.close();
        }
        busy.forEach(UpstreamConnection::abort);
    }
}
