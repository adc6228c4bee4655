package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.inventory.Sboms;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OSV imports of real advisories, updates by OSV id, and refusals in the shape of every /api/v1 refusal. */
class AdvisoryApiTest {
    static TestUpbeat t;
    static Http http;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started();
        http = t.http;
        http.post("/api/v1/components", "{\"name\":\"Checkout\"}");
        http.post("/api/v1/components", "{\"name\":\"Gateway\"}");
        Sboms.push(http, "checkout", "application/vnd.cyclonedx+json", Sboms.text("checkout.cdx.json"));
        Sboms.push(http, "gateway", "application/vnd.cyclonedx+xml", Sboms.text("gateway.cdx.xml"));
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    static String osv(String name) {
        try (InputStream in = AdvisoryApiTest.class.getResourceAsStream("/osv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void jackson_databind_cve_2022_42003_from_osv_reaches_checkout_through_spring_web() {
        Http.Response r = http.post("/api/v1/advisories/osv", osv("GHSA-jjjh-jjxp-wpff.json"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode a = r.json();
        assertThat(a.get("severity").asText()).as("GitHub's HIGH").isEqualTo("high");
        assertThat(a.get("osv_id").asText()).isEqualTo("GHSA-jjjh-jjxp-wpff");
        assertThat(a.get("aliases").get(0).asText()).isEqualTo("CVE-2022-42003");
        assertThat(a.get("affected")).extracting(x -> x.get("vers").asText())
                .containsExactly("vers:maven/>=2.13.0|<2.13.4.1", "vers:maven/<2.12.7.1");
        JsonNode checkout = TriageTest.row(TriageTest.exposure(http, a.get("id").asText()), "checkout");
        assertThat(checkout.get("state").asText()).isEqualTo("exposed");
        assertThat(checkout.get("matches").get(0).get("path")).extracting(JsonNode::asText).containsExactly(
                "pkg:maven/org.springframework/spring-web@5.3.20?type=jar",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2?type=jar");
        assertThat(TriageTest.state(TriageTest.exposure(http, a.get("id").asText()), "gateway")).isEqualTo("not_exposed");
    }

    @Test
    void openssl_cve_2022_3602_needs_a_severity_and_a_second_import_updates_the_same_advisory() {
        Http.Response none = http.post("/api/v1/advisories/osv", osv("CVE-2022-3602.json"));
        assertThat(none.status()).as(none.toString()).isEqualTo(422);
        assertThat(none.json().get("field").asText()).isEqualTo("severity");

        Http.Response first = http.post("/api/v1/advisories/osv?severity=high", osv("CVE-2022-3602.json"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String id = first.json().get("id").asText();
        assertThat(first.json().get("affected")).extracting(x -> x.get("vers").asText())
                .as("the GIT range names commits and is left out").contains("vers:semver/>=3.0.0|<3.0.7");
        assertThat(TriageTest.state(TriageTest.exposure(http, id), "checkout")).isEqualTo("exposed");
        assertThat(TriageTest.state(TriageTest.exposure(http, id), "gateway")).isEqualTo("not_exposed");

        Http.Response again = http.post("/api/v1/advisories/osv?severity=critical",
                osv("CVE-2022-3602.json").replace("\"fixed\": \"3.0.7\"", "\"fixed\": \"3.0.8\""));
        assertThat(again.status()).as("same OSV id: an update").isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("revision").asInt()).isEqualTo(2);
        assertThat(again.json().get("severity").asText()).isEqualTo("critical");
        assertThat(TriageTest.state(TriageTest.exposure(http, id), "gateway")).as("3.0.7 is now in range").isEqualTo("exposed");
    }

    @Test
    void an_osv_package_named_by_ecosystem_maps_to_its_purl_type() {
        Http.Response r = http.post("/api/v1/advisories/osv?severity=medium", """
                {"id":"TEST-NPM-1","modified":"2026-11-01T00:00:00Z","summary":"express test",
                 "affected":[{"package":{"ecosystem":"npm","name":"express"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"4.0.0"},{"last_affected":"4.18.2"}]}]},
                  {"package":{"ecosystem":"npm","name":"@angular/core"},"versions":["17.0.0","17.0.1"]}]}""");

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("affected")).extracting(x -> x.get("purl").asText() + " " + x.get("vers").asText())
                .containsExactly("pkg:npm/express vers:semver/>=4.0.0|<=4.18.2", "pkg:npm/%40angular/core vers:npm/17.0.0|17.0.1");
        JsonNode gateway = TriageTest.row(TriageTest.exposure(http, r.json().get("id").asText()), "gateway");
        assertThat(gateway.get("state").asText()).isEqualTo("exposed");
        assertThat(gateway.get("matches")).hasSize(2);
    }

    @Test
    void bad_advisories_are_refused_naming_the_field() {
        assertRefused("{\"title\":\"x\",\"severity\":\"severe\",\"affected\":[{\"purl\":\"pkg:generic/a\"}]}", "severity");
        assertRefused("{\"title\":\"\",\"severity\":\"low\",\"affected\":[{\"purl\":\"pkg:generic/a\"}]}", "title");
        assertRefused("{\"title\":\"x\",\"severity\":\"low\",\"affected\":[]}", "affected");
        assertRefused("{\"title\":\"x\",\"severity\":\"low\",\"affected\":[{\"purl\":\"openssl\"}]}", "affected[0].purl");
        assertRefused("{\"title\":\"x\",\"severity\":\"low\",\"affected\":[{\"purl\":\"pkg:generic/openssl@3.0.5\"}]}",
                "affected[0].purl");
        assertRefused("{\"title\":\"x\",\"severity\":\"low\",\"affected\":[{\"purl\":\"pkg:generic/a\",\"vers\":\"vers:cobol/1\"}]}",
                "affected[0].vers");
        assertRefused("{\"title\":\"x\",\"severity\":\"low\",\"affected\":[{\"purl\":\"pkg:generic/a\",\"vers\":\">=1.0\"}]}",
                "affected[0].vers");
        Http.Response unknownField = http.post("/api/v1/advisories", "{\"title\":\"x\",\"severity\":\"low\",\"cvss\":9}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/advisories/nope", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).status()).isEqualTo(404);
        assertThat(http.raw("GET", "/api/v1/advisories", null).status()).as("embargoed: reads need a token too").isEqualTo(401);
        assertThat(http.raw("POST", "/api/v1/advisories", "{}", "Content-Type", "application/json").status()).isEqualTo(401);
    }

    private static void assertRefused(String body, String field) {
        Http.Response r = http.post("/api/v1/advisories", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
    }
}
