package dev.upbeat.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * One HTTP(S) request and the verdict on its answer: status, body text or JSON value, latency and
 * the certificate's days left. Redirects are not followed: a 301 is an answer to judge.
 */
final class HttpCheck {
    /** Enough to find a marker in a health page without holding a large download in memory. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpClient client;
    private final Clock clock;

    HttpCheck(SSLContext ssl, Clock clock) {
        this.client = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).build();
        this.clock = clock;
    }

    CheckResult run(CheckSpec spec) {
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        HttpResponse<java.io.InputStream> response;
        byte[] body;
        // The client's own timeout ends at the headers; the whole answer, body included, must fit in the probe's timeout.
        long deadline = t0 + spec.timeout().toNanos();
        var call = client.sendAsync(request(spec), HttpResponse.BodyHandlers.ofInputStream());
        try {
            response = call.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            body = readBody(response.body(), deadline);
        } catch (java.util.concurrent.TimeoutException e) {
            call.cancel(true);
            return CheckResult.failed(start, since(t0), Failure.timedOut(spec.timeout()));
        } catch (java.util.concurrent.ExecutionException e) {
            // Anything but an I/O failure is ours, and Checker turns it into a plain "check failed".
            if (!(e.getCause() instanceof IOException io)) {
                throw new IllegalStateException("HTTP check failed", e.getCause());
            }
            return CheckResult.failed(start, since(t0), Failure.of(io, spec.timeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed(start, since(t0), "interrupted");
        }
        Duration latency = since(t0);
        return verdict(spec, response, body, latency).map(error -> CheckResult.failed(start, latency, error))
                .orElseGet(() -> CheckResult.ok(start, latency));
    }

    /** At most {@link #MAX_BODY_BYTES} of the body, before the deadline; a stalled or endless body times out. */
    private static byte[] readBody(java.io.InputStream in, long deadline)
            throws java.util.concurrent.TimeoutException, java.util.concurrent.ExecutionException, InterruptedException {
        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readNBytes(MAX_BODY_BYTES);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return read.get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing only aborts the download
            }
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? new java.util.concurrent.ExecutionException(u.getCause()) : e;
        }
    }

    private static HttpRequest request(CheckSpec spec) {
        HttpRequest.Builder b = HttpRequest.newBuilder(spec.url()).timeout(spec.timeout())
                .method(spec.method(), HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "Upbeat-Probe/1");
        spec.headers().forEach(b::setHeader);
        return b.build();
    }

    /** Why the answer fails the check, or empty when it passes. */
    private Optional<String> verdict(CheckSpec spec, HttpResponse<?> r, byte[] bytes, Duration latency) {
        if (!spec.accepts(r.statusCode())) {
            return Optional.of("HTTP " + r.statusCode() + ", expected " + (spec.expectedStatus().isEmpty() ? "200-399" : spec.expectedStatus()));
        }
        if (spec.maxLatency() != null && latency.compareTo(spec.maxLatency()) > 0) {
            return Optional.of("answered in " + latency.toMillis() + " ms, over max_latency " + spec.maxLatency().toMillis() + " ms");
        }
        String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        if (spec.bodyContains() != null && !body.contains(spec.bodyContains())) {
            return Optional.of("body does not contain '" + spec.bodyContains() + "'");
        }
        if (spec.jsonPath() != null) {
            Optional<String> json = json(spec, body);
            if (json.isPresent()) {
                return json;
            }
        }
        return spec.minCertDays() == null ? Optional.empty() : certificate(spec.minCertDays(), r.sslSession());
    }

    private static Optional<String> json(CheckSpec spec, String body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (IOException e) {
            return Optional.of("body is not JSON");
        }
        Optional<JsonNode> value = root == null ? Optional.empty() : JsonPath.find(root, spec.jsonPath());
        if (value.isEmpty()) {
            return Optional.of("no value at json_path " + spec.jsonPath());
        }
        String found = JsonPath.text(value.get());
        if (spec.jsonEquals() != null && !spec.jsonEquals().equals(found)) {
            // The value found is the upstream's text, which is not ours to publish.
            return Optional.of(spec.jsonPath() + " is not '" + spec.jsonEquals() + "'");
        }
        return Optional.empty();
    }

    private Optional<String> certificate(int minDays, Optional<SSLSession> session) {
        if (session.isEmpty()) {
            return Optional.of("min_cert_days needs an https url");
        }
        try {
            Certificate[] chain = session.get().getPeerCertificates();
            Instant notAfter = ((X509Certificate) chain[0]).getNotAfter().toInstant();
            long days = Duration.between(clock.instant(), notAfter).toDays();
            return days < minDays ? Optional.of("certificate expires in " + days + " days (" + notAfter + "), under min_cert_days "
                    + minDays) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.of("no verified peer certificate");
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
