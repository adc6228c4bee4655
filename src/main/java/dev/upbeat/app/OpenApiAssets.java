package dev.upbeat.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import dev.upbeat.web.Access;
import dev.upbeat.web.Caching;
import dev.upbeat.web.Endpoints;
import dev.upbeat.web.RouteTable;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The API's OpenAPI 3.1 description ({@code /api/openapi.json}, the file kept in the repository
 * and held against the server by every HTTP test) and its reference page ({@code /api/docs}),
 * drawn from it on the server: no script, no third-party asset. Both are read and rendered once;
 * their ETag is the document's hash, so it changes exactly when the document does.
 */
public final class OpenApiAssets implements Endpoints {
    private final Caching caching;
    private final byte[] document;
    private final byte[] page;
    private final String etag;

    public OpenApiAssets(Caching caching) {
        this.caching = caching;
        this.document = read();
        this.etag = "\"api-" + HexFormat.of().formatHex(sha256(document), 0, 8) + "\"";
        this.page = render(parse(document));
    }

    @Override
    public void addRoutes(RouteTable r) {
        r.get("/api/openapi.json", this::json, Access.PUBLIC);
        r.get("/api/docs", this::docs, Access.PUBLIC);
    }

    public void json(Context ctx) {
        caching.json(ctx, etag, document);
    }

    public void docs(Context ctx) {
        caching.serve(ctx, etag, "text/html; charset=utf-8", page);
    }

    private static byte[] render(JsonNode doc) {
        StringOutput out = new StringOutput();
        TemplateEngine.createPrecompiled(ContentType.Html).render("api-docs.jte", ApiReference.of(doc), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] document) {
        try {
            return Json.mapper().readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read() {
        try (InputStream in = OpenApiAssets.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
