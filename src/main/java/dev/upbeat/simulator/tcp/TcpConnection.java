package dev.upbeat.simulator.tcp;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A client's connection and the upstream one dialled for it. Each side's EOF is passed on as a
 * half-close, so a client that shuts its output still reads the answer; the pair closes once
 * both directions ended, or at once when a toxic or the proxy closes it.
 */
final class TcpConnection {
    private final Socket client;
    private final Socket server;
    private final Consumer<TcpConnection> onClosed;
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();

    TcpConnection(Socket client, Socket server, Consumer<TcpConnection> onClosed) {
        this.client = client;
        this.server = server;
        this.onClosed = onClosed;
    }

    void start(ToxicChain toxics, Random random, TcpMetrics metrics) {
        if (toxics.has(ToxicType.RESET_PEER)) {
            // As Toxiproxy's link does: with reset_peer in the chain, every close is a reset, whatever the toxicity.
            lingerZero();
        }
        metrics.connected();
        toxics.connected();
        new Link(Direction.UPSTREAM, client, server, toxics, this, random, metrics).start();
        new Link(Direction.DOWNSTREAM, server, client, toxics, this, random, metrics).start();
    }

    void halfClosed() {
        if (openDirections.decrementAndGet() == 0) {
            close();
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            quietly(client);
            quietly(server);
            onClosed.accept(this);
        }
    }

    /** Closes both sockets with a TCP RST rather than a FIN. */
    void reset() {
        lingerZero();
        close();
    }

    private void lingerZero() {
        try {
            client.setSoLinger(true, 0);
            server.setSoLinger(true, 0);
        } catch (SocketException alreadyClosed) {
            // nothing left to reset
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
