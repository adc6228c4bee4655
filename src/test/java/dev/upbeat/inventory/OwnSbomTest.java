package dev.upbeat.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestUpbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Upbeat's own SBOM, as the cyclonedx-maven-plugin writes it into target/ before the tests (see
 * pom.xml): real generator output, JSON and XML, read and triaged. The plugin needs Maven online,
 * as CI runs it; an offline build of a clean tree skips this test.
 */
class OwnSbomTest {
    private static final Path JSON = Path.of("target/bom.json");
    private static final Path XML = Path.of("target/bom.xml");

    @Test
    void the_build_s_own_sbom_is_stored_whole_in_both_encodings_and_triaged_through_its_graph() throws Exception {
        // The plugin runs only online (as CI builds); an offline build of a clean tree has no SBOM to read.
        Assumptions.assumeTrue(Files.exists(JSON) && Files.exists(XML),
                "target/bom.json is written by the cyclonedx-maven-plugin in an online build (./mvnw without -o)");
        JsonNode bom = new ObjectMapper().readTree(JSON.toFile());
        int components = count(bom.get("components"));
        try (TestUpbeat t = TestUpbeat.started()) {
            Http http = t.http;
            http.post("/api/v1/components", "{\"name\":\"Upbeat\"}");

            Http.Response json = Sboms.push(http, "upbeat", "application/json", Files.readString(JSON));
            assertThat(json.status()).as(json.toString()).isEqualTo(200);
            assertThat(json.json().get("packages").asInt()).isEqualTo(components);
            assertThat(json.json().get("spec_version").asText()).isEqualTo("1.6");
            Http.Response xml = Sboms.push(http, "upbeat", "application/vnd.cyclonedx+xml", Files.readString(XML));
            assertThat(xml.status()).as(xml.toString()).isEqualTo(200);
            assertThat(xml.json().get("packages").asInt()).isEqualTo(components);

            Http.Response advisory = http.post("/api/v1/advisories", """
                    {"title":"jackson-core test advisory","severity":"medium",
                     "affected":[{"purl":"pkg:maven/com.fasterxml.jackson.core/jackson-core","vers":"vers:maven/>=2.0.0"}]}""");
            assertThat(advisory.status()).as(advisory.toString()).isEqualTo(201);
            Http.Response exposure = http.get("/api/v1/advisories/" + advisory.json().get("id").asText() + "/exposure",
                    "Authorization", "Bearer " + TestUpbeat.ADMIN_TOKEN);
            JsonNode row = exposure.json().get("components").get(0);
            assertThat(row.get("state").asText()).isEqualTo("exposed");
            JsonNode path = row.get("matches").get(0).get("path");
            assertThat(path.size()).as("jackson-core comes through a direct dependency: " + path).isGreaterThanOrEqualTo(2);
            assertThat(path.get(path.size() - 1).asText()).startsWith("pkg:maven/com.fasterxml.jackson.core/jackson-core@");
        }
    }

    private static int count(JsonNode components) {
        int n = 0;
        for (JsonNode c : components == null ? new ObjectMapper().createArrayNode() : components) {
            n += 1 + count(c.get("components"));
        }
        return n;
    }
}
