package dev.upbeat.notification;

import dev.upbeat.subscription.TargetGuard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * POSTs to subscriber-given URLs (webhooks, Slack, Teams): the target is checked against private
 * networks right before each send, redirects are not followed (a 3xx is a failure, as for
 * Statuspage), and connecting plus answering must take at most 10 seconds.
 */
final class WebPoster {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

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

    HttpResponse<String> send(HttpRequest request) throws DeliveryFailure {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                String body = r.body() == null ? "" : r.body();
                throw new DeliveryFailure("HTTP " + r.statusCode() + " from " + request.uri().getHost()
                        + (body.isBlank() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body)), false);
            }
            return r;
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailure("No answer within " + TIMEOUT.toSeconds() + " s from " + request.uri().getHost(), false);
        } catch (IOException e) {
            throw new DeliveryFailure("Could not reach " + request.uri().getHost() + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while sending", false);
        }
    }
}
