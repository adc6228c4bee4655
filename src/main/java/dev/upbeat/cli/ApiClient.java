package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The API as the CLI calls it: {@code UPBEAT_URL} (default http://localhost:$PORT) with
 * {@code UPBEAT_TOKEN}. A refusal becomes an {@link IllegalStateException} carrying the
 * server's message, which the root command prints.
 */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    ApiClient(Map<String, String> env) {
        this.base = LocalUrl.of(env);
        this.token = env.get("UPBEAT_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("UPBEAT_TOKEN must be set to an API token (create one with 'upbeat token create NAME')");
        }
    }

    static ApiClient fromEnvironment() {
        return new ApiClient(System.getenv());
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    /** A text answer such as a Markdown report. */
    String text(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.strip()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach Upbeat at " + base + " (UPBEAT_URL): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    JsonNode patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends a document as it is (an SBOM), with its own content type. */
    JsonNode put(String path, String contentType, byte[] document) {
        return exchange("PUT", path, request -> request.header("Content-Type", contentType)
                .method("PUT", HttpRequest.BodyPublishers.ofByteArray(document)));
    }

    private JsonNode send(String method, String path, Object body) {
        return exchange(method, path, request -> {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
            }
        });
    }

    private interface Body {
        void set(HttpRequest.Builder request) throws IOException;
    }

    private JsonNode exchange(String method, String path, Body body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token.strip());
            body.set(request);
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(r.body());
            if (r.statusCode() >= 400) {
                String message = json.has("message") ? json.get("message").asText() : r.body();
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + message);
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach Upbeat at " + base + " (UPBEAT_URL): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    static String pretty(JsonNode json) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (IOException e) {
            return json.toString();
        }
    }
}
