package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.ApiContract;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import dev.upbeat.web.RouteTable;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's description is valid OpenAPI 3.1, names every route of /api/v1 and no other, and is
 * what the server serves; the reference page is drawn from it. (That every exchange of the HTTP
 * tests matches it is checked in the test client, ApiContract.)
 */
class OpenApiDocumentTest {
    private static final Path FILE = Path.of("src/main/resources/openapi.json");

    static TestUpbeat t;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), java.util.Map.of());
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void the_document_is_valid_openapi_3_1() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.readString(FILE), null, options);
        assertThat(result.getMessages()).as("problems the OpenAPI parser found").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
    }

    @Test
    void every_route_of_the_native_api_is_described_and_nothing_else() {
        Set<String> routes = new TreeSet<>();
        for (RouteTable.Route r : t.upbeat.routes()) {
            // HEAD answers as GET does on every route; the description says so once.
            if (r.path().startsWith("/api/v1/") && !r.method().equals("HEAD")) {
                routes.add(r.method() + " " + r.path());
            }
        }
        Set<String> described = new TreeSet<>();
        ApiContract.get().document().get("paths").properties().forEach(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> described.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey())));
        assertThat(described).as("operations in openapi.json").isEqualTo(routes);
    }

    @Test
    void every_operation_is_named_and_each_creation_gives_a_location() {
        List<String> missing = new ArrayList<>();
        ApiContract.get().document().get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            JsonNode op = m.getValue();
            String name = m.getKey() + " " + p.getKey();
            if (op.path("summary").asText().isBlank() || op.path("operationId").asText().isBlank()) {
                missing.add(name + ": summary or operationId");
            }
            // A posted update answers 201 with its incident, and a package added by hand is listed where it was posted
            // (/packages): neither has an address of its own, so no Location there (RFC 9110: the target URI names it).
            boolean creates = op.path("responses").has("201") && !p.getKey().endsWith("/updates") && !p.getKey().endsWith("/packages");
            if (creates && !op.path("responses").path("201").path("headers").has("Location")) {
                missing.add(name + ": Location on 201");
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void the_server_serves_the_document_kept_in_the_repository() throws IOException {
        Http.Response r = t.http.get("/api/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("ETag")).isNotBlank();
        assertThat(r.body()).isEqualTo(Files.readString(FILE));
        assertThat(t.http.get("/api/openapi.json", "If-None-Match", r.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void the_reference_page_lists_every_operation_without_any_script_or_outside_asset() {
        Http.Response r = t.http.get("/api/docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.body()).doesNotContain("<script", "style=", "http://", "https://");
        ApiContract.get().document().get("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> assertThat(r.body())
                .contains("id=\"" + m.getValue().get("operationId").asText() + "\"").contains("<code>" + p.getKey() + "</code>")));
        assertThat(t.http.get("/assets/api-docs.css").status()).isEqualTo(200);
    }
}
