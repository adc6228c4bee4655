package dev.upbeat.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.inventory.Sboms;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSSL story end to end, on SQLite and PostgreSQL: inventories from real-shaped SBOMs, an
 * embargoed advisory, its range once the details lift, and triage after each change.
 */
class TriageTest {
    private static final String OPENSSL = """
            {"title":"OpenSSL 3.0 high severity fix","severity":"critical","disclosure_at":"2022-11-01T13:00:00Z",
             "summary":"Fix announced three days ahead; details on release day.",
             "affected":[{"purl":"pkg:generic/openssl"%s}]}""";

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("sqlite", TestDatabases.sqlite()), Arguments.of("postgresql", TestDatabases.postgresql()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_embargoed_advisory_is_triaged_then_narrowed_when_the_range_is_known(String name, String database) {
        try (TestUpbeat t = TestUpbeat.started(database, Map.of())) {
            Http http = t.http;
            setUp(http);

            Http.Response created = http.post("/api/v1/advisories", OPENSSL.formatted(""));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertThat(created.header("Location")).isEqualTo("/api/v1/advisories/" + id);

            JsonNode embargoed = exposure(http, id);
            assertThat(state(embargoed, "checkout")).isEqualTo("possibly_exposed");
            assertThat(state(embargoed, "gateway")).as("no range yet: every version").isEqualTo("possibly_exposed");
            assertThat(state(embargoed, "legacy")).as("no inventory is unknown, never not exposed").isEqualTo("unknown");
            assertThat(state(embargoed, "docs")).as("an inventory without openssl").isEqualTo("not_exposed");

            Http.Response lifted = http.put("/api/v1/advisories/" + id, OPENSSL.formatted(",\"vers\":\"vers:generic/>=3.0.0|<3.0.7\""));
            assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
            assertThat(lifted.json().get("revision").asInt()).isEqualTo(2);

            JsonNode known = exposure(http, id);
            assertThat(state(known, "checkout")).isEqualTo("exposed");
            assertThat(row(known, "checkout").get("matches").get(0).get("path")).extracting(JsonNode::asText)
                    .as("through which parent").containsExactly("pkg:generic/curl@7.86.0", "pkg:generic/openssl@3.0.5");
            assertThat(state(known, "gateway")).as("3.0.7 is fixed").isEqualTo("not_exposed");
            assertThat(state(known, "billing")).as("a package SPDX names without a purl").isEqualTo("exposed");
            assertThat(state(known, "vpn")).as("a package added by hand").isEqualTo("exposed");
            assertThat(row(known, "vpn").get("matches").get(0).get("path")).extracting(JsonNode::asText)
                    .containsExactly("pkg:generic/openssl@3.0.5");
            assertThat(state(known, "storefront")).as("it depends on checkout").isEqualTo("exposed");
            assertThat(row(known, "storefront").get("matches").get(0).get("path").get(0).asText()).isEqualTo("component:checkout");
            assertThat(state(known, "legacy")).isEqualTo("unknown");

            List<String> order = new ArrayList<>();
            known.get("components").forEach(c -> order.add(c.get("component").asText()));
            assertThat(order.subList(0, 2)).as("tier 1 on the internet first").containsExactlyInAnyOrder("checkout", "storefront");
            assertThat(row(known, "checkout").get("priority").asInt()).isEqualTo(3 * 4 * 3 * 2);
            assertThat(row(known, "billing").get("priority").asInt()).as("tier 3, internal").isEqualTo(3 * 4 * 1 * 1);
            assertThat(row(known, "legacy").get("priority").asInt()).as("unknown, tier and exposure not set").isEqualTo(1 * 4 * 3 * 2);
            assertThat(row(known, "gateway").get("priority").asInt()).isZero();
            assertThat(order.get(order.size() - 1)).isIn("gateway", "docs");

            String vulnerableGateway = Sboms.text("gateway.cdx.xml").replace("openssl@3.0.7", "openssl@3.0.6")
                    .replace("<version>3.0.7</version>", "<version>3.0.6</version>");
            assertThat(Sboms.push(http, "gateway", "application/vnd.cyclonedx+xml", vulnerableGateway).status()).isEqualTo(200);
            assertThat(state(exposure(http, id), "gateway")).as("triage follows an SBOM change").isEqualTo("exposed");

            http.patch("/api/v1/components/storefront", "{\"tier\":3,\"exposure\":\"internal\"}");
            assertThat(row(exposure(http, id), "storefront").get("priority").asInt()).as("priority follows the tier as it is now")
                    .isEqualTo(3 * 4 * 1 * 1);
            http.post("/api/v1/components", "{\"name\":\"Newcomer\"}");
            assertThat(state(exposure(http, id), "newcomer")).as("a component created since is answered for").isEqualTo("unknown");
        }
    }

    private static void setUp(Http http) {
        for (String c : List.of("Checkout", "Gateway", "Billing", "Legacy", "Docs", "VPN", "Storefront")) {
            assertThat(http.post("/api/v1/components", "{\"name\":\"" + c + "\"}").status()).isEqualTo(201);
        }
        http.patch("/api/v1/components/checkout", "{\"tier\":1,\"exposure\":\"internet\"}");
        http.patch("/api/v1/components/billing", "{\"tier\":3,\"exposure\":\"internal\"}");
        http.patch("/api/v1/components/gateway", "{\"tier\":2,\"exposure\":\"internal\"}");
        assertThat(Sboms.push(http, "checkout", "application/vnd.cyclonedx+json", Sboms.text("checkout.cdx.json")).status()).isEqualTo(200);
        assertThat(Sboms.push(http, "gateway", "application/vnd.cyclonedx+xml", Sboms.text("gateway.cdx.xml")).status()).isEqualTo(200);
        assertThat(Sboms.push(http, "billing", "application/spdx+json", Sboms.text("billing.spdx.json")).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/components/docs/packages", "{\"purl\":\"pkg:npm/express@4.18.2\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/v1/components/vpn/packages", "{\"purl\":\"pkg:generic/openssl@3.0.5\"}").status()).isEqualTo(201);
        Http.Response declared = http.put("/api/v1/components/storefront/dependencies", "{\"components\":[\"checkout\"]}");
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    }

    static JsonNode exposure(Http http, String advisory) {
        Http.Response r = http.get("/api/v1/advisories/" + advisory + "/exposure", "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static JsonNode row(JsonNode exposure, String component) {
        for (JsonNode c : exposure.get("components")) {
            if (c.get("component").asText().equals(component)) {
                return c;
            }
        }
        throw new AssertionError("no row for " + component + " in " + exposure);
    }

    static String state(JsonNode exposure, String component) {
        return row(exposure, component).get("state").asText();
    }
}
