package dev.upbeat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SBOM uploads as generators write them, and every way a bad one is refused without storing any of it. */
class SbomUploadTest {
    static TestUpbeat t;
    static Http http;

    @BeforeAll
    static void start() {
        t = TestUpbeat.started(TestDatabases.sqlite(), Map.of("UPBEAT_MAX_SBOM_BYTES", "8192"));
        http = t.http;
        for (String name : List.of("Checkout", "Gateway", "Billing", "Sniffed", "Guarded")) {
            http.post("/api/v1/components", "{\"name\":\"" + name + "\"}");
        }
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static List<String> purls(String component) {
        Http.Response r = http.get("/api/v1/components/" + component + "/packages", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> purls = new ArrayList<>();
        r.json().forEach(p -> purls.add(p.get("purl").asText()));
        return purls;
    }

    @Test
    void cyclonedx_json_is_stored_with_nested_components_and_without_its_subject() {
        Http.Response r = Sboms.push(http, "checkout", "application/vnd.cyclonedx+json", Sboms.text("checkout.cdx.json"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("packages").asInt()).isEqualTo(5);
        assertThat(r.json().get("format").asText()).isEqualTo("cyclonedx");
        assertThat(r.json().get("spec_version").asText()).isEqualTo("1.5");
        assertThat(purls("checkout")).contains("pkg:generic/openssl@3.0.5",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.2?type=jar").noneMatch(p -> p.contains("checkout"));
    }

    @Test
    void cyclonedx_xml_is_stored() {
        Http.Response r = Sboms.push(http, "gateway", "application/vnd.cyclonedx+xml", Sboms.text("gateway.cdx.xml"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("packages").asInt()).isEqualTo(3);
        assertThat(r.json().get("spec_version").asText()).isEqualTo("1.4");
        assertThat(purls("gateway")).contains("pkg:npm/%40angular/core@17.0.0", "pkg:generic/openssl@3.0.7");
    }

    @Test
    void spdx_json_is_stored_and_a_package_without_a_purl_becomes_generic() {
        Http.Response r = Sboms.push(http, "billing", "application/spdx+json", Sboms.text("billing.spdx.json"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("format").asText()).isEqualTo("spdx");
        assertThat(r.json().get("packages").asInt()).as("the described package itself is the subject").isEqualTo(4);
        assertThat(purls("billing")).contains("pkg:generic/OpenSSL@3.0.2", "pkg:pypi/requests@2.31.0");
    }

    @Test
    void plain_json_is_sniffed_as_cyclonedx_or_spdx() {
        assertThat(Sboms.push(http, "sniffed", "application/json", Sboms.text("billing.spdx.json")).json().get("format").asText())
                .isEqualTo("spdx");
        assertThat(Sboms.push(http, "sniffed", "application/json; charset=utf-8", Sboms.text("checkout.cdx.json")).json()
                .get("format").asText()).isEqualTo("cyclonedx");
        assertThat(purls("sniffed")).as("the second upload replaced the first").hasSize(5)
                .noneMatch(p -> p.startsWith("pkg:pypi"));
    }

    @Test
    void external_entities_and_entity_expansion_are_refused_before_any_parser_resolves_them() {
        for (String fixture : List.of("xxe.cdx.xml", "laughs.cdx.xml")) {
            Http.Response r = Sboms.push(http, "guarded", "application/vnd.cyclonedx+xml", Sboms.text(fixture));
            assertThat(r.status()).as(fixture + ": " + r).isEqualTo(422);
            assertThat(r.json().get("message").asText()).contains("DOCTYPE").doesNotContain("root:");
        }
        assertThat(purls("guarded")).isEmpty();
    }

    @Test
    void malformed_and_unsupported_sboms_are_refused_with_the_reason_and_the_last_good_one_stays() {
        String good = Sboms.text("checkout.cdx.json");
        assertThat(Sboms.push(http, "guarded", "application/vnd.cyclonedx+json", good).status()).isEqualTo(200);

        assertRefused("application/vnd.cyclonedx+json", good.substring(0, 400), 400, "Malformed JSON");
        assertRefused("application/vnd.cyclonedx+json", good.replace("\"specVersion\": \"1.5\"", "\"specVersion\": \"1.2\""), 422,
                "specVersion must be 1.4, 1.5 or 1.6");
        assertRefused("application/vnd.cyclonedx+json", good.replace("pkg:generic/openssl@3.0.5\",\n          \"name\"",
                "not a purl\",\n          \"name\"").replace("\"purl\": \"pkg:generic/openssl@3.0.5\"", "\"purl\": \"not a purl\""),
                422, "not a valid Package URL");
        assertRefused("application/vnd.cyclonedx+xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\"><components>", 400,
                "Malformed XML");
        assertRefused("application/json", "{\"name\":\"neither\"}", 422, "neither CycloneDX");
        assertRefused("text/plain", good, 415, "application/vnd.cyclonedx+json");
        assertRefused("application/spdx+json", Sboms.text("billing.spdx.json").replace("SPDX-2.3", "SPDX-3.0"), 422, "SPDX-2.3");

        assertThat(purls("guarded")).as("nothing of a refused upload is stored").hasSize(5)
                .contains("pkg:generic/openssl@3.0.5");
    }

    @Test
    void an_sbom_over_the_limit_is_answered_413_and_stores_nothing() {
        String big = Sboms.text("checkout.cdx.json").replace("\"version\": 1,", "\"version\": 1, \"x\": \"" + "a".repeat(9000) + "\",");
        Http.Response r = Sboms.push(http, "sniffed", "application/vnd.cyclonedx+json", big);

        assertThat(r.status()).as(r.toString()).isEqualTo(413);
        assertThat(r.json().get("message").asText()).contains("8192", "UPBEAT_MAX_SBOM_BYTES");
    }

    @Test
    void an_upload_needs_a_token_and_a_known_component() {
        Http.Response anonymous = http.raw("PUT", "/api/v1/components/checkout/sbom", Sboms.text("checkout.cdx.json"),
                "Content-Type", "application/vnd.cyclonedx+json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(Sboms.push(http, "no-such", "application/vnd.cyclonedx+json", Sboms.text("checkout.cdx.json")).status())
                .isEqualTo(404);
    }

    @Test
    void packages_added_by_hand_stay_through_uploads_and_are_removed_by_purl() {
        http.post("/api/v1/components", "{\"name\":\"Appliance\"}");
        assertThat(http.post("/api/v1/components/appliance/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/components/appliance/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status())
                .as("already there").isEqualTo(200);
        assertThat(http.post("/api/v1/components/appliance/packages", "{\"purl\":\"openssl 3\"}").json().get("field").asText())
                .isEqualTo("purl");
        Sboms.push(http, "appliance", "application/vnd.cyclonedx+xml", Sboms.text("gateway.cdx.xml"));
        assertThat(purls("appliance")).hasSize(4).contains("pkg:generic/openssl@3.0.5");

        Http.Response removed = http.raw("DELETE", "/api/v1/components/appliance/packages?purl=pkg:generic/openssl@3.0.5", null,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(purls("appliance")).hasSize(3).doesNotContain("pkg:generic/openssl@3.0.5");
        assertThat(http.raw("DELETE", "/api/v1/components/appliance/packages?purl=pkg:generic/openssl@3.0.7", null,
                "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN).status()).as("only packages added by hand").isEqualTo(404);
    }

    @Test
    void declared_dependencies_name_existing_components_and_targets_and_replace_the_list() {
        http.post("/api/v1/components", "{\"name\":\"Frontend\"}");
        Http.Response declared = http.put("/api/v1/components/frontend/dependencies", "{\"components\":[\"checkout\",\"gateway\"]}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        assertThat(declared.json().get("components")).hasSize(2);

        assertDependencyRefused("{\"components\":[\"frontend\"]}", "components");
        assertDependencyRefused("{\"components\":[\"nowhere\"]}", "components");
        assertDependencyRefused("{\"targets\":[\"no-such-target\"]}", "targets");
        assertThat(http.put("/api/v1/components/frontend/dependencies", "{\"components\":[]}").json().get("components")).isEmpty();
        assertThat(http.get("/api/v1/components/frontend/dependencies", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN)
                .json().get("components")).isEmpty();
    }

    private static void assertDependencyRefused(String body, String field) {
        Http.Response r = http.put("/api/v1/components/frontend/dependencies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(http.get("/api/v1/components/frontend/dependencies", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN)
                .json().get("components")).as("a refused list changes nothing").hasSize(2);
    }

    private static void assertRefused(String contentType, String body, int status, String reason) {
        Http.Response r = Sboms.push(http, "guarded", contentType, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        JsonNode json = r.json();
        assertThat(json.get("message").asText()).contains(reason);
    }
}
