package dev.upbeat.notification;

import dev.upbeat.subscription.TargetGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * POSTs for the HTTP channels, with Jetty's client. The poster for subscriber-given URLs
 * (webhooks, Slack, Teams) resolves each new connection's host through the {@link TargetGuard}
 * and connects only to the addresses that one lookup returned and the guard checked; the request
 * keeps the host name, so Host, TLS SNI and certificate checks are for the name. (The JDK client
 * cannot be told which address to connect to, so it would resolve the name a second time.)
 * Redirects are not followed (a 3xx is a failure, as for Statuspage); connecting, sending and
 * reading at most a short error text back must take at most 10 seconds together, so a receiver
 * that answers its headers and then drips or floods its body cannot hold a worker or fill memory.
 */
final class WebPoster implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_BYTES = 200;

    private final HttpClient client = new HttpClient();

    private WebPoster(String name, SocketAddressResolver resolver) {
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName(name);
        threads.setDaemon(true);
        client.setExecutor(threads);
        client.setSocketAddressResolver(resolver);
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.getContentDecoderFactories().clear();
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Upbeat-Notifications"));
        client.setConnectTimeout(TIMEOUT.toMillis());
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the HTTP client for notifications: " + e.getMessage(), e);
        }
    }

    /** For subscriber-given targets: connects only to addresses {@code guard} allowed, in the lookup it checked. */
    static WebPoster guarded(TargetGuard guard) {
        return new WebPoster("webhook-client", new GuardedResolver(guard));
    }

    /** For the operator's own provider (Twilio): not a subscriber-given target, so no private-network check. */
    static WebPoster unguarded() {
        return new WebPoster("provider-client", new SocketAddressResolver.Sync());
    }

    /** Sends {@code body}; headers alternate name, value. */
    void post(String url, String contentType, byte[] body, String... headers) throws DeliveryFailure {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("Not a URL: " + e.getMessage(), true);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new DeliveryFailure("Refused target: must be an absolute http or https URL", true);
        }
        Request request = client.newRequest(uri).method(HttpMethod.POST).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .body(new BytesRequestContent(contentType, body));
        request.headers(h -> {
            for (int i = 0; i < headers.length; i += 2) {
                h.put(headers[i], headers[i + 1]);
            }
        });
        send(request, uri.getHost());
    }

    private static void send(Request request, String host) throws DeliveryFailure {
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            // A little past the request's own timeout, which is what normally ends a slow exchange.
            Response r = listener.get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            try (InputStream answer = listener.getInputStream()) {
                if (r.getStatus() / 100 != 2) {
                    String text = errorText(answer);
                    throw new DeliveryFailure("HTTP " + r.getStatus() + " from " + host + (text.isBlank() ? "" : ": " + text), false);
                }
            }
        } catch (TimeoutException e) {
            request.abort(e);
            throw noAnswer(host);
        } catch (ExecutionException e) {
            throw failure(host, e.getCause());
        } catch (IOException e) {
            throw new DeliveryFailure("Could not read the answer of " + host + ": " + e, false);
        } catch (InterruptedException e) {
            request.abort(e);
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending", false);
        }
    }

    private static DeliveryFailure failure(String host, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TargetGuard.Refused refused) {
                return new DeliveryFailure("Refused target: " + refused.getMessage(), true);
            }
            if (t instanceof TimeoutException) {
                return noAnswer(host);
            }
        }
        return new DeliveryFailure("Could not reach " + host + ": " + cause, false);
    }

    private static DeliveryFailure noAnswer(String host) {
        return new DeliveryFailure("No answer within " + TIMEOUT.toSeconds() + " s from " + host, false);
    }

    /** Up to 200 bytes of an error answer; a drip is cut by the request's timeout. */
    private static String errorText(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(ERROR_BYTES);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return bytes.length == ERROR_BYTES ? text + "..." : text;
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(WebPoster.class).warn("Could not stop the notifications HTTP client cleanly", e);
        }
    }

    /** Jetty asks this for every new connection; it answers only with addresses the guard checked in the same lookup. */
    private record GuardedResolver(TargetGuard guard) implements SocketAddressResolver {
        @Override
        public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
            try {
                promise.succeeded(guard.addresses(host).stream().map(a -> new InetSocketAddress(a, port)).toList());
            } catch (TargetGuard.Refused | RuntimeException e) {
                promise.failed(e);
            }
        }
    }
}
