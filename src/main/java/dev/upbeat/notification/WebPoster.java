package dev.upbeat.notification;

import dev.upbeat.subscription.TargetGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs to subscriber-given URLs (webhooks, Slack, Teams): the target is checked against private
 * networks right before each send, redirects are not followed (a 3xx is a failure, as for
 * Statuspage), and connecting plus answering must take at most 10 seconds.
 */
final class WebPoster {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ERROR_BYTES = 200;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();
    private final TargetGuard guard;

    WebPoster(TargetGuard guard) {
        this.guard = guard;
    }

    /** Sends {@code body}; headers alternate name, value. */
    void post(String url, String contentType, byte[] body, String... headers) throws DeliveryFailure {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailure("Not a URL: " + e.getMessage(), true);
        }
        var refusal = guard.refusal(uri);
        if (refusal.isPresent()) {
            throw new DeliveryFailure("Refused target: " + refusal.get(), true);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", contentType).header("User-Agent", "Upbeat-Notifications")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        send(request.build());
    }

    /**
     * Sends and reads at most a short error text back, all within {@link #TIMEOUT}: a receiver that
     * answers its headers and then drips (or floods) its body cannot hold a worker or fill memory.
     */
    void send(HttpRequest request) throws DeliveryFailure {
        CompletableFuture<HttpResponse<InputStream>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> r = call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream body = r.body()) {
                if (r.statusCode() / 100 != 2) {
                    String text = errorText(body);
                    throw new DeliveryFailure("HTTP " + r.statusCode() + " from " + request.uri().getHost()
                            + (text.isBlank() ? "" : ": " + text), false);
                }
            }
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new DeliveryFailure("No answer within " + TIMEOUT.toSeconds() + " s from " + request.uri().getHost(), false);
        } catch (ExecutionException e) {
            throw new DeliveryFailure("Could not reach " + request.uri().getHost() + ": " + e.getCause(), false);
        } catch (IOException e) {
            throw new DeliveryFailure("Could not read the answer of " + request.uri().getHost() + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending", false);
        }
    }

    /** Up to 200 bytes of an error answer, waiting at most two seconds for them. */
    private static String errorText(InputStream body) {
        try {
            byte[] bytes = CompletableFuture.supplyAsync(() -> {
                try {
                    return body.readNBytes(ERROR_BYTES);
                } catch (IOException e) {
                    return new byte[0];
                }
            }).get(2, TimeUnit.SECONDS);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return bytes.length == ERROR_BYTES ? text + "..." : text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } catch (ExecutionException | TimeoutException e) {
            return "";
        }
    }
}
