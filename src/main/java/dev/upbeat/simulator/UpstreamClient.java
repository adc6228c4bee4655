package dev.upbeat.simulator;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The one HTTP client every target forwards with. A proxy must be transparent, so it follows no
 * redirects, keeps no cookies, decodes no compression (bodies pass as they were encoded) and
 * adds no User-Agent of its own.
 */
public final class UpstreamClient {
    private UpstreamClient() {
    }

    public static HttpClient start() {
        HttpClient client = new HttpClient();
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
