package dev.upbeat.simulator;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The upstream connections of one of a target's selectors, and the forwards on them. Everything
 * here runs on that selector's thread (in a submitted update or a selection), so nothing is
 * shared and nothing waits: the client's request is sent upstream between two selects, and the
 * answer, once the selector sees it, is written back to the client at once. Under load one
 * select then collects many answers, as nginx's event loop does, instead of a thread blocking
 * on each.
 *
 * <p>Only what can be answered from one buffer is finished here: a head and a body of known
 * length that fit in it. Anything else (an interim answer, a longer head or body, one of unknown
 * length) is handed to a thread that reads on blocking, with the connection taken off the selector.
 */
final class UpstreamLane {
    /**
     * Idle connections kept per selector, as many as {@link UpstreamPool} keeps: a herd of a
     * thousand clients needs about as many upstream connections, and with fewer kept, answers
     * arriving together closed the surplus only for the next requests to open new ones.
     */
    private static final int MAX_IDLE = 1024;

    private final ManagedSelector selector;
    private final Upstream upstream;
    /** Most recently used first, as in {@link UpstreamPool}: under load the same few stay warm. */
    private final ArrayDeque<Link> idle = new ArrayDeque<>();
    private final Set<Link> busy = new HashSet<>();
    private boolean closed;

    UpstreamLane(ManagedSelector selector, Upstream upstream) {
        this.selector = selector;
        this.upstream = upstream;
    }

    /** A request to forward, and where it goes when it cannot be finished here. */
    static final class Exchange {
        final Request in;
        final Response out;
        final Callback done;
        final Consumer<Upstream.Begun> elsewhere;
        final long started = System.nanoTime();
        private long receivedBefore;
        private boolean retried;

        Exchange(Request in, Response out, Callback done, Consumer<Upstream.Begun> elsewhere) {
            this.in = in;
            this.out = out;
            this.done = done;
            this.elsewhere = elsewhere;
        }

        void failed(IOException e) {
            elsewhere.accept(new Upstream.Begun(null, null, started, e));
        }
    }

    /** Forwards {@code exchange} on this lane's selector, between its selects. */
    void submit(Exchange exchange) {
        selector.submit(new Update(s -> start(exchange, s, false), () -> exchange.failed(new ClosedChannelException())));
    }

    /** Closes timed-out forwards and connections idle too long; runs about once a second. */
    void tick() {
        selector.submit(s -> expire(System.nanoTime()));
    }

    /** Closes every connection and fails the forwards on them; later forwards fail at once. */
    void close() {
        selector.submit(s -> closeAll());
    }

    /**
     * Keeps again a connection handed over for an answer it could finish here, once the thread
     * that finished it is done: kept-alive connections stay with the selector that made them.
     */
    void takeBack(UpstreamConnection c) {
        try {
            c.becomeSelectable();
        } catch (IOException e) {
            c.close();
            return;
        }
        selector.submit(new Update(s -> returned(c, s), c::close));
    }

    /** Keeps a connection a thread gave back, registered again on this selector. */
    private void returned(UpstreamConnection c, Selector s) {
        if (closed || idle.size() >= MAX_IDLE) {
            c.close();
            return;
        }
        Link link = new Link(c);
        try {
            link.key = c.channel().register(s, SelectionKey.OP_READ, link);
        } catch (IOException | RuntimeException stopped) {   // a selector closed meanwhile, too
            c.close();
            return;
        }
        c.idle(System.nanoTime());
        idle.offerFirst(link);
    }

    /**
     * Work for the selector's thread, and what to do instead when it never runs: Jetty closes the
     * updates its stopped selector is left with.
     */
    private record Update(Consumer<Selector> work, Runnable dropped) implements ManagedSelector.SelectorUpdate, Closeable {
        @Override
        public void update(Selector s) {
            work.accept(s);
        }

        @Override
        public void close() {
            dropped.run();
        }
    }

    private void start(Exchange exchange, Selector s, boolean fresh) {
        if (closed) {
            exchange.failed(new IOException("the target was stopped"));
            return;
        }
        Link link = fresh ? null : idleLink(System.nanoTime());
        try {
            if (link == null) {
                link = connect(s);
            }
        } catch (IOException e) {
            exchange.failed(e);
            return;
        } catch (java.nio.channels.ClosedSelectorException stopped) {
            exchange.failed(new IOException("the target was stopped"));
            return;
        } catch (RuntimeException unresolved) {
            exchange.failed(new IOException("the upstream's address cannot be used: " + unresolved, unresolved));
            return;
        }
        busy.add(link);
        link.exchange = exchange;
        link.active = System.nanoTime();
        if (!link.connecting) {
            send(link);
        }
    }

    private Link idleLink(long now) {
        Link link;
        while ((link = idle.pollFirst()) != null) {
            if (now - link.c.idleSince() < UpstreamPool.idleLimit(link.c)) {
                return link;
            }
            link.shut();
        }
        return null;
    }

    private Link connect(Selector s) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Link link = new Link(new UpstreamConnection(channel, this));
            link.connecting = !channel.connect(upstream.address());
            link.key = channel.register(s, link.connecting ? SelectionKey.OP_CONNECT : SelectionKey.OP_READ, link);
            return link;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void send(Link link) {
        Exchange exchange = link.exchange;
        exchange.receivedBefore = link.c.received();
        upstream.request().buildHead(link.c, exchange.in);
        link.unsent = link.c.headBytes();
        write(link);
    }

    private void write(Link link) {
        try {
            link.c.channel().write(link.unsent);
        } catch (IOException e) {
            lost(link, e);
            return;
        }
        if (link.unsent.hasRemaining()) {
            link.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            if (link.key.interestOps() != SelectionKey.OP_READ) {
                link.key.interestOps(SelectionKey.OP_READ);
            }
            link.unsent = null;
        }
    }

    private void selected(Link link) {
        if (!link.key.isValid()) {
            return;
        }
        int ready = link.key.readyOps();
        if (link.connecting) {
            connected(link);
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0 && link.unsent != null) {
            write(link);
        }
        if ((ready & SelectionKey.OP_READ) != 0 && link.key.isValid()) {
            read(link);
        }
    }

    private void connected(Link link) {
        try {
            link.c.channel().finishConnect();
        } catch (IOException e) {
            fail(link, e);
            return;
        }
        link.connecting = false;
        link.key.interestOps(SelectionKey.OP_READ);
        send(link);
    }

    private void read(Link link) {
        if (link.exchange == null) {
            // Idle: the upstream closed it, or sent what nobody asked for. Either way it is done.
            idle.remove(link);
            link.shut();
            return;
        }
        int n;
        try {
            n = link.c.readSome();
        } catch (IOException e) {
            lost(link, e);
            return;
        }
        if (n < 0) {
            lost(link, new EOFException("upstream closed the connection"));
            return;
        }
        link.active = System.nanoTime();
        progress(link);
    }

    private void progress(Link link) {
        UpstreamConnection c = link.c;
        Exchange exchange = link.exchange;
        if (link.answer == null) {
            if (!c.headBuffered()) {
                if (c.full()) {
                    handOver(link, null);
                }
                return;
            }
            if (c.interimHead()) {
                handOver(link, null);
                return;
            }
            try {
                link.answer = UpstreamAnswer.read(c, "HEAD".equals(exchange.in.getMethod()));
            } catch (IOException malformed) {
                fail(link, malformed);
                return;
            }
            upstream.took(exchange.started);
        }
        ByteBuffer body = link.answer.bufferedBody(c);
        if (body == null) {
            if (!link.answer.fitsIn(UpstreamConnection.capacity())) {
                handOver(link, link.answer);
            }
            return;   // else the rest of a small body is still to come
        }
        UpstreamAnswer answer = link.answer;
        // Not kept when the upstream answered before taking the whole request head: the rest would start the next request.
        boolean reusable = answer.keepAlive() && c.buffered() == 0 && link.unsent == null;
        busy.remove(link);
        link.exchange = null;
        link.answer = null;
        Upstream.copyHead(answer, exchange.out);
        // The body is written from the connection's own buffer, so the connection is kept only once it is written.
        Written written = new Written(link, reusable, exchange.done);
        SelectorConnector.replying(() -> exchange.out.write(true, body, written));
        written.inline = false;
    }

    /**
     * Completes a reply written from a connection's buffer, then keeps the connection if it may
     * carry another: at once when the write ended within the call that began it (on this lane's
     * thread, nearly always), else on the selector.
     */
    private final class Written implements Callback {
        private final Link link;
        private final boolean reusable;
        private final Callback done;
        private volatile boolean inline = true;

        Written(Link link, boolean reusable, Callback done) {
            this.link = link;
            this.reusable = reusable;
            this.done = done;
        }

        @Override
        public void succeeded() {
            release();
            done.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            release();   // the answer was read whole: the connection is as good as before
            done.failed(x);
        }

        private void release() {
            if (inline) {
                keep(link, reusable);
            } else {
                selector.submit(s -> keep(link, reusable));
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    private void keep(Link link, boolean reusable) {
        if (reusable && link.c.channel().isOpen() && !closed && idle.size() < MAX_IDLE) {
            link.c.idle(System.nanoTime());
            idle.offerFirst(link);
        } else {
            link.shut();
        }
    }

    /**
     * The connection broke under an exchange. If it was a kept-alive one and not a byte of the
     * answer came, the upstream had closed it while idle: as nginx does, the request (idempotent
     * and without body, as all here are) is sent once more on a fresh connection.
     */
    private void lost(Link link, IOException e) {
        Exchange exchange = link.exchange;
        if (exchange == null) {
            idle.remove(link);
            link.shut();
            return;
        }
        Selector s = link.key.selector();
        boolean stale = link.c.reused() && link.c.received() == exchange.receivedBefore && !exchange.retried;
        fail(link, null);
        if (stale) {
            exchange.retried = true;
            start(exchange, s, true);
        } else {
            exchange.failed(e);
        }
    }

    /** Closes the connection and, given a reason, fails its exchange. */
    private void fail(Link link, IOException e) {
        Exchange exchange = link.exchange;
        busy.remove(link);
        link.exchange = null;
        link.shut();
        if (e != null) {
            exchange.failed(e);
        }
    }

    /** Takes the connection off the selector and finishes the exchange on a thread that reads blocking. */
    private void handOver(Link link, UpstreamAnswer answer) {
        Exchange exchange = link.exchange;
        busy.remove(link);
        link.exchange = null;
        link.key.cancel();
        if (link.unsent != null) {
            link.c.retire();   // answered before the whole head was taken: the rest would start the next request
        }
        upstream.adopt(link.c);
        exchange.elsewhere.accept(new Upstream.Begun(link.c, answer, exchange.started, null));
    }

    private void expire(long now) {
        for (Link link : List.copyOf(busy)) {
            long quiet = now - link.active;
            if (link.connecting && quiet > UpstreamPool.CONNECT_TIMEOUT.toNanos()) {
                fail(link, new SocketTimeoutException("the upstream took over " + UpstreamPool.CONNECT_TIMEOUT.toSeconds() + " s to connect"));
            } else if (!link.connecting && quiet > (link.answer == null ? upstream.limits().headers() : UpstreamPool.IDLE_TIMEOUT).toNanos()) {
                fail(link, new SocketTimeoutException("the upstream sent nothing for " + quiet / 1_000_000_000L + " s"));
            }
        }
        while (!idle.isEmpty() && now - idle.peekLast().c.idleSince() >= UpstreamPool.idleLimit(idle.peekLast().c)) {
            idle.pollLast().shut();
        }
    }

    private void closeAll() {
        closed = true;
        while (!idle.isEmpty()) {
            idle.pollFirst().shut();
        }
        for (Link link : List.copyOf(busy)) {
            fail(link, new IOException("the target was stopped"));
        }
    }

    /** One upstream connection on the selector, and the exchange it carries, if any. */
    private final class Link implements ManagedSelector.Selectable, Closeable {
        final UpstreamConnection c;
        SelectionKey key;
        Exchange exchange;
        UpstreamAnswer answer;
        ByteBuffer unsent;
        boolean connecting;
        /** When it was last sent or given something: a quiet exchange times out. */
        long active;

        Link(UpstreamConnection c) {
            this.c = c;
        }

        @Override
        public Runnable onSelected() {
            selected(this);
            return null;
        }

        @Override
        public void updateKey() {
            // interest is set where it changes, on this same thread
        }

        @Override
        public void replaceKey(SelectionKey newKey) {
            key = newKey;
        }

        void shut() {
            c.close();
        }

        /** Called by Jetty as its selector stops: the exchange, if any, fails with it. */
        @Override
        public void close() {
            if (exchange != null) {
                fail(this, new ClosedChannelException());
            } else {
                idle.remove(this);
                shut();
            }
        }
    }
}
