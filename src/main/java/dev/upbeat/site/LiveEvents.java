package dev.upbeat.site;

import dev.upbeat.status.PublicStatus;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Sent Events at /events: each new snapshot is announced to every open page as one small
 * event whose id is the snapshot version; pages then fetch their part from the page cache. A
 * heartbeat comment keeps proxies from closing idle streams. No database work per client.
 */
public final class LiveEvents implements AutoCloseable {
    static final long HEARTBEAT_SECONDS = 20;
    static final long RECONNECT_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "upbeat-live-send"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "upbeat-live-beat"));
    private volatile long version;

    public LiveEvents() {
        heartbeat.scheduleAtFixedRate(() -> each(c -> c.sendComment("heartbeat")), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** A new page connects; if it missed versions (Last-Event-ID older than now), it hears of it at once. */
    public void connect(SseClient client, long currentVersion) {
        client.keepAlive();
        reconnectQuickly(client);
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        String last = client.ctx().header("Last-Event-ID");
        if (last == null || !last.equals(Long.toString(currentVersion))) {
            send(client, currentVersion);
        }
    }

    /** Asks the browser to reconnect after 2 s when the stream breaks (a restart, a deploy), not its default. */
    private static void reconnectQuickly(SseClient client) {
        try {
            var out = client.ctx().res().getOutputStream();
            out.write(("retry: " + RECONNECT_MILLIS + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            log.debug("Could not send the reconnect delay", e);
        }
    }

    public void publish(PublicStatus snapshot) {
        version = snapshot.version();
        sender.execute(() -> each(c -> send(c, snapshot.version())));
    }

    public int connected() {
        return clients.size();
    }

    private static void send(SseClient client, long v) {
        client.sendEvent("status", "{\"version\":" + v + "}", Long.toString(v));
    }

    private void each(java.util.function.Consumer<SseClient> action) {
        for (SseClient c : clients) {
            try {
                if (c.terminated()) {
                    clients.remove(c);
                } else {
                    action.accept(c);
                }
            } catch (RuntimeException e) {
                clients.remove(c);
                log.debug("Dropped a live-update client", e);
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        sender.shutdownNow();
        clients.forEach(SseClient::close);
    }
}
