package dev.upbeat.simulator.tcp;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy: a name, a listen address and an upstream {@code host:port}. Each accepted client
 * gets its own upstream connection, dialled then; if that fails the client is simply closed.
 * Disabling closes the listener (new clients are refused) and every open connection.
 */
public final class TcpProxy {
    private static final int DIAL_TIMEOUT_MS = 10_000;

    private final String name;
    private final ToxicChain toxics = new ToxicChain();
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();
    private final Random random;
    private final TcpMetrics metrics;
    private String listen;
    private String upstream;
    private ServerSocket listener;
    private Thread accepting;

    TcpProxy(String name, String listen, String upstream, Random random, MeterRegistry registry) {
        this.name = name;
        this.listen = listen == null || listen.isBlank() ? "127.0.0.1:0" : listen;
        this.upstream = upstream;
        this.random = random;
        this.metrics = new TcpMetrics(registry, name);
    }

    public String name() {
        return name;
    }

    public synchronized String listen() {
        return listen;
    }

    public synchronized String upstream() {
        return upstream;
    }

    public synchronized boolean enabled() {
        return listener != null;
    }

    public ToxicChain toxics() {
        return toxics;
    }

    public int openConnections() {
        return connections.size();
    }

    /** Opens the listener; the listen address then shows the real port. Already started: nothing to do. */
    synchronized void start() {
        if (listener != null) {
            return;
        }
        ServerSocket socket = null;
        try {
            InetSocketAddress address = address(listen);
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(address, 1024);
        } catch (BindException e) {
            quietly(socket);
            throw ToxiproxyError.listenFailed(listen, "bind: " + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT)
                    .replaceAll(" \\(bind failed\\)", ""));
        } catch (IOException | IllegalArgumentException e) {
            quietly(socket);
            throw ToxiproxyError.listenFailed(listen, String.valueOf(e.getMessage()));
        }
        listener = socket;
        listen = format(socket.getInetAddress(), socket.getLocalPort());
        ServerSocket bound = socket;
        accepting = Thread.ofVirtual().name("tcp-proxy-" + name).start(() -> accept(bound));
    }

    /** Closes the listener and every connection. */
    synchronized void stop() {
        quietly(listener);
        listener = null;
        if (accepting != null) {
            // The socket is only really closed once the thread blocked in accept has left it; until
            // then a client could still connect, and be reset instead of refused.
            try {
                accepting.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            accepting = null;
        }
        connections.forEach(TcpConnection::close);
    }

    /** Stops it for good: also its counters go. */
    synchronized void remove() {
        stop();
        metrics.remove();
    }

    synchronized void retarget(String newListen, String newUpstream) {
        listen = newListen == null || newListen.isBlank() ? "127.0.0.1:0" : newListen;
        upstream = newUpstream;
    }

    /** Whether the given addresses name another listener or upstream than this one's, after resolution. */
    synchronized boolean differs(String otherListen, String otherUpstream) {
        if (!upstream.equals(otherUpstream)) {
            return true;
        }
        try {
            InetSocketAddress other = address(otherListen == null || otherListen.isBlank() ? "127.0.0.1:0" : otherListen);
            return !format(other.getAddress(), other.getPort()).equals(listen);
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().name("tcp-proxy-" + name + "-dial").start(() -> dial(socket, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void dial(ServerSocket from, Socket client) {
        Socket server = new Socket();
        try {
            server.connect(address(upstream), DIAL_TIMEOUT_MS);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException | IllegalArgumentException e) {
            quietly(server);
            quietly(client);
            return;
        }
        TcpConnection connection = new TcpConnection(client, server, connections::remove);
        connections.add(connection);
        synchronized (this) {
            if (listener != from) { // disabled or moved while dialling
                connection.close();
                return;
            }
        }
        connection.start(toxics, random, metrics);
    }

    private static InetSocketAddress address(String hostPort) throws UnknownHostException {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("address " + hostPort + ": missing port in address");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("address " + hostPort + ": invalid port");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static String format(InetAddress address, int port) {
        String host = address.getHostAddress();
        if (address.isAnyLocalAddress()) {
            return "[::]:" + port;
        }
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    private static void quietly(ServerSocket s) {
        try {
            if (s != null) {
                s.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
