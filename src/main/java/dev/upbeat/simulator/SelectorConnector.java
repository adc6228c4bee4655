package dev.upbeat.simulator;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

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

    private static final class Bound extends SocketChannelEndPoint {
        private final ManagedSelector selector;

        Bound(SocketChannel channel, ManagedSelector selector, SelectionKey key, ServerConnector connector) {
            super(channel, selector, key, connector.getScheduler());
            this.selector = selector;
        }
    }
}
