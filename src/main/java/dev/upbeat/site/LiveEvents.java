package dev.upbeat.site;

import dev.upbeat.status.PublicStatus;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Server-Sent Events at /events: each new snapshot is announced to every open page as one small
 * event whose id is the snapshot version; pages then fetch their part from the page cache. No
 * database work per client. Publishing only queues the event on each stream ({@link LiveStream}),
 * whose own virtual thread writes it, so no client waits for another.
 */
public final class LiveEvents implements AutoCloseable {
    static final long HEARTBEAT_SECONDS = 20;
    static final long RECONNECT_MILLIS = 2000;

    private final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
    private final LongAdder sent = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    /**
     * Serves one stream until the client leaves, whatever its Accept header says (curl and some
     * proxies send none). If the page missed versions (Last-Event-ID not the current one), it hears
     * the current one at once.
     */
    public void stream(Context ctx, LongSupplier currentVersion) throws IOException, InterruptedException {
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        // The connection ends with the stream, so a dropped stream frees its socket too.
        res.setHeader("Connection", "close");
        if ("HEAD".equals(ctx.req().getMethod())) {
            return; // the stream's headers, and no stream to hold open
        }
        LiveStream stream = new LiveStream(res.getOutputStream(), endPoint(ctx));
        streams.add(stream);
        try {
            // Asks the browser to reconnect after 2 s when the stream breaks (a restart, a deploy), not its default.
            stream.offer(("retry: " + RECONNECT_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8));
            long current = currentVersion.getAsLong();
            if (!Long.toString(current).equals(ctx.header("Last-Event-ID"))) {
                stream.offer(event(current));
            }
            if (closed) {
                stream.close();
            }
            stream.drain(HEARTBEAT_SECONDS);
        } finally {
            streams.remove(stream);
        }
    }

    /** Queues the new version on every stream; never blocks on a client. */
    public void publish(PublicStatus snapshot) {
        byte[] event = event(snapshot.version());
        for (LiveStream s : streams) {
            if (s.offer(event)) {
                sent.increment();
            } else {
                streams.remove(s);
                dropped.increment();
            }
        }
    }

    /** Events handed to streams since start, for {@code upbeat_live_events_sent_total}. */
    public long eventsSent() {
        return sent.sum();
    }

    /** Streams ended because their client fell 8 events behind. */
    public long streamsDropped() {
        return dropped.sum();
    }

    public int connected() {
        return streams.size();
    }

    private static byte[] event(long version) {
        return ("id: " + version + "\nevent: status\ndata: {\"version\":" + version + "}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The client's connection, to hear its close; null where the server is not Jetty's servlet container. */
    private static EndPoint endPoint(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? null : request.getConnectionMetaData().getConnection().getEndPoint();
    }

    @Override
    public void close() {
        closed = true;
        streams.forEach(LiveStream::close);
    }
}
