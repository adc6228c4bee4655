package dev.upbeat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: real requests to the real server, JSON answers parsed. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final boolean contract;

    public Http(String base) {
        this(base, true);
    }

    private Http(String base, boolean contract) {
        this.base = base;
        this.contract = contract;
    }

    /** A client for a server built by a test rather than Upbeat's, whose routes the API's description does not hold. */
    public static Http unchecked(String base) {
        return new Http(base, false);
    }

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null, headers);
    }

    public Response post(String path, String json) {
        return send(withBody("POST", path, json), json, auth());
    }

    public Response patch(String path, String json) {
        return send(withBody("PATCH", path, json), json, auth());
    }

    public Response put(String path, String json) {
        return send(withBody("PUT", path, json), json, auth());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null, auth());
    }

    /** Any method, body and headers, with no token unless given in headers. */
    public Response raw(String method, String path, String body, String... headers) {
        return send(withBody(method, path, body), body, headers);
    }

    private HttpRequest.Builder withBody(String method, String path, String json) {
        var publisher = json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return HttpRequest.newBuilder(URI.create(base + path)).method(method, publisher);
    }

    private static String[] auth() {
        return new String[] {"Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN, "Content-Type", "application/json"};
    }

    /** Sends the request; an exchange with /api/v1 must also match the API's description (ApiContract). */
    private Response send(HttpRequest.Builder builder, String body, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (contract) {
                ApiContract.get().check(new ApiContract.Exchange(request.method(), request.uri(),
                        request.headers().firstValue("Content-Type").orElse(null), body, r.statusCode(),
                        r.headers().firstValue("Content-Type").orElse(null), r.body(), name -> r.headers().firstValue(name).orElse(null)));
            }
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, body and, for JSON answers, the parsed tree. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
