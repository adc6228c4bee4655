import dev.upbeat.advisory.AdvisoryDraft;
import dev.upbeat.app.AdjustableClock;
import dev.upbeat.app.Upbeat;
import dev.upbeat.component.ComponentDraft;
import dev.upbeat.config.ConfigLoader;
import dev.upbeat.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One advisory triaged against C components of P packages each (default 500 x 2,000: a million
 * packages), through the real services, on SQLite or (argument "postgresql") embedded PostgreSQL.
 * Every component runs openssl at some depth of a chain, so every component matches and every
 * match has a path to follow. Run with bench/triage.sh.
 */
public class TriageBench {
    public static void main(String[] args) throws Exception {
        int components = Integer.parseInt(args[0]);
        int packages = Integer.parseInt(args[1]);
        String database = args.length > 2 && args[2].equals("postgresql") ? TestDatabases.postgresql()
                : "jdbc:sqlite:" + Files.createTempDirectory("upbeat-bench").resolve("upbeat.db");
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "UPBEAT_HOST", "127.0.0.1", "DATABASE_URL", database,
                "UPBEAT_LOG_LEVEL", "WARN", "UPBEAT_MAX_SBOM_BYTES", "67108864"));
        try (Upbeat upbeat = new Upbeat(new ConfigLoader(env).load(), AdjustableClock.system())) {
            long loadStart = System.nanoTime();
            for (int c = 0; c < components; c++) {
                String id = "svc-" + c;
                upbeat.components().create(ComponentDraft.builder().id(id).name("Service " + c).tier(1 + c % 3).build());
                upbeat.inventory().pushSbom(id, "application/vnd.cyclonedx+json", sbom(id, packages, c).getBytes(StandardCharsets.UTF_8));
            }
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            AdvisoryDraft draft = new AdvisoryDraft("OpenSSL 3.0", "critical", Instant.parse("2022-11-01T13:00:00Z"), null,
                    List.of(new AdvisoryDraft.AffectedDraft("pkg:generic/openssl", "vers:generic/>=3.0.0|<3.0.7")));
            long first = time(() -> upbeat.advisories().create(draft));
            long id = upbeat.advisories().list().get(0).id();
            long[] runs = new long[5];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = time(() -> upbeat.advisories().update(id, draft));
            }
            java.util.Arrays.sort(runs);
            long read = time(() -> upbeat.advisories().exposure(id));
            long exposed = upbeat.advisories().exposure(id).stream().filter(r -> r.state().wire().equals("exposed")).count();
            System.out.printf("database:                 %s%n", upbeat.database().dialect());
            System.out.printf("components x packages:    %d x %d = %d (loaded in %.0f s)%n", components, packages,
                    (long) components * packages, loadSeconds);
            System.out.printf("triage, first:            %d ms%n", first);
            System.out.printf("triage, median of 5:      %d ms (min %d, max %d)%n", runs[2], runs[0], runs[4]);
            System.out.printf("exposure read:            %d ms%n", read);
            System.out.printf("components exposed:       %d%n", exposed);
        }
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A CycloneDX 1.5 SBOM: a chain of generic packages with openssl a few levels down, the rest direct. */
    private static String sbom(String id, int packages, int seed) {
        StringBuilder components = new StringBuilder();
        StringBuilder dependencies = new StringBuilder("{\"ref\":\"root\",\"dependsOn\":[\"p0\"");
        for (int p = 1; p < packages - 1; p++) {
            dependencies.append(",\"p").append(p).append('"');
        }
        dependencies.append("]}");
        for (int p = 0; p < packages - 1; p++) {
            components.append("{\"type\":\"library\",\"bom-ref\":\"p").append(p).append("\",\"name\":\"lib").append(p)
                    .append("\",\"version\":\"1.").append(p % 50).append(".0\",\"purl\":\"pkg:generic/lib").append(p)
                    .append("@1.").append(p % 50).append(".0\"},");
        }
        String openssl = "3.0." + (seed % 9);
        components.append("{\"type\":\"library\",\"bom-ref\":\"ssl\",\"name\":\"openssl\",\"version\":\"").append(openssl)
                .append("\",\"purl\":\"pkg:generic/openssl@").append(openssl).append("\"}");
        dependencies.append(",{\"ref\":\"p0\",\"dependsOn\":[\"p1\"]},{\"ref\":\"p1\",\"dependsOn\":[\"ssl\"]}");
        return "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":{\"component\":"
                + "{\"type\":\"application\",\"bom-ref\":\"root\",\"name\":\"" + id + "\"}},\"components\":[" + components
                + "],\"dependencies\":[" + dependencies + "]}";
    }
}
