package dev.upbeat.simulator;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP client every target forwards with. A proxy must be transparent, so it follows no
 * redirects, keeps no cookies, decodes no compression (bodies pass as they were encoded) and
 * adds no User-Agent of its own.
 *
 * <p>Its listeners never block (the fast path relays chunk by chunk with callbacks; the blocking
 * path reads through an {@code InputStreamResponseListener} on its own virtual thread), so the
 * upstream's answer is handled on the selector thread that read it: no hand-off to another thread
 * per response, which on a busy machine was the largest cost of a fault-free request.
 */
public final class UpstreamClient {
    private UpstreamClient() {
    }

    public static HttpClient start() {
        HttpClient client = new HttpClient();
        client.getHttpClientTransport().setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("sim-upstream");
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.getContentDecoderFactories().clear();
        client.setUserAgentField(null);
        client.setMaxConnectionsPerDestination(1024);
        client.setConnectTimeout(5_000);
        client.setIdleTimeout(60_000);
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the simulator's upstream client: " + e.getMessage(), e);
        }
        return client;
    }

    public static void stop(HttpClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(UpstreamClient.class).warn("Could not stop the upstream client cleanly", e);
        }
    }
}
