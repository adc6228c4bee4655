package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.inventory.Sboms;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** upbeat component set and upbeat sbom push against a running Upbeat, in a separate JVM as CI runs them. */
class SbomCommandTest {

    @Test
    void ci_pushes_sboms_and_sets_ownership_through_the_api(@TempDir Path dir) throws Exception {
        try (TestUpbeat t = TestUpbeat.started()) {
            t.http.post("/api/v1/components", "{\"name\":\"Checkout\"}");
            Map<String, String> env = Map.of("UPBEAT_URL", "http://127.0.0.1:" + t.upbeat.port(), "UPBEAT_TOKEN", TestUpbeat.ADMIN_TOKEN);
            String db = TestDatabases.sqlite();
            Path json = Files.writeString(dir.resolve("bom.json"), Sboms.text("checkout.cdx.json"));
            Path xml = Files.writeString(dir.resolve("bom.xml"), Sboms.text("gateway.cdx.xml"));
            Path spdx = Files.writeString(dir.resolve("billing.spdx.json"), Sboms.text("billing.spdx.json"));

            CliRun set = CliRun.of(db, env, "component", "set", "checkout", "--owner", "Payments", "--channel", "email",
                    "--address", "payments@example.com", "--tier", "1", "--exposure", "internet");
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).contains("owner Payments (email payments@example.com), tier 1, exposure internet");

            CliRun pushed = CliRun.of(db, env, "sbom", "push", "checkout", json.toString());
            assertThat(pushed.exit()).as(pushed.err()).isZero();
            assertThat(pushed.out()).contains("5 packages stored for checkout");
            assertThat(CliRun.of(db, env, "sbom", "push", "checkout", xml.toString()).out()).contains("3 packages");
            assertThat(CliRun.of(db, env, "sbom", "push", "checkout", spdx.toString()).out()).contains("4 packages");

            CliRun bad = CliRun.of(db, env, "sbom", "push", "checkout", Files.writeString(dir.resolve("bad.json"), "{\"x\":1}").toString());
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.err()).contains("422").contains("neither CycloneDX");
        }
    }
}
