package dev.upbeat.simulator;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A target's connector, whose connections tell which selector serves them, so that a forward can
 * put its upstream connection on that same selector ({@link UpstreamLane}): the client's request,
 * the upstream's answer and the reply to the client then all happen on one thread, between two
 * selects, as in nginx's event loop.
 */
final class SelectorConnector extends ServerConnector {
    SelectorConnector(Server server, int acceptors, int selectors, ConnectionFactory factory) {
        super(server, acceptors, selectors, factory);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endPoint = new Bound(channel, selector, key, this);
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    /** The selector serving {@code request}'s connection, or null when it is not one of ours. */
    static ManagedSelector selectorOf(Request request) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        return endPoint instanceof Bound bound ? bound.selector : null;
    }

    /**
     * Runs {@code reply} (a reply to a client, written from a selector) and then, on the same
     * thread, whatever it asked {@link Threads} to run for a connection. Jetty hands the reading of
     * a connection's next request to a pool thread when a reply ends after its handler returned,
     * which would cost a thread wake-up per request; the selector can read it itself, without waiting.
     */
    static void replying(Runnable reply) {
        ArrayDeque<Runnable> later = new ArrayDeque<>(2);
        DEFERRED.set(later);
        try {
            reply.run();
        } finally {
            DEFERRED.remove();
            for (Runnable job = later.poll(); job != null; job = later.poll()) {
                runQuietly(job);
            }
        }
    }

    /** Runs a connection's job; one that fails (it should not: Jetty's own code catches everything) does not stop the others. */
    private static void runQuietly(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SelectorConnector.class).warn("A connection's job failed after a reply", e);
        }
    }

    private static final ThreadLocal<ArrayDeque<Runnable>> DEFERRED = new ThreadLocal<>();

    /** A target's threads: see {@link #replying}. Other jobs, and those from anywhere else, go to the pool. */
    static final class Threads extends QueuedThreadPool {
        Threads(String name) {
            super(200, 4);
            setName(name);
        }

        @Override
        public void execute(Runnable job) {
            ArrayDeque<Runnable> later = DEFERRED.get();
            if (later != null && job instanceof Connection) {
                later.add(job);
            } else {
                super.execute(job);
            }
        }
    }

    private static final class Bound extends SocketChannelEndPoint {
        private final ManagedSelector selector;

        Bound(SocketChannel channel, ManagedSelector selector, SelectionKey key, ServerConnector connector) {
            super(channel, selector, key, connector.getScheduler());
            this.selector = selector;
        }
    }
}
