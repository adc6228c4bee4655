package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.upbeat.testing.Http;
import dev.upbeat.testing.TestDatabases;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line as an operator runs it: a separate JVM, configured by environment variables. */
class ProcessTest {
    private final String database = TestDatabases.sqlite();

    @Test
    void token_create_prints_the_secret_once_and_list_never_shows_it() throws Exception {
        CliRun create = CliRun.of(database, Map.of(), "token", "create", "ci");
        assertThat(create.exit()).as(create.err()).isZero();
        String secret = create.out().strip();
        assertThat(secret).startsWith("upb_");
        assertThat(create.err()).contains("cannot be shown again");

        CliRun list = CliRun.of(database, Map.of(), "token", "list");
        assertThat(list.out()).contains("ci").contains("active").doesNotContain(secret).doesNotContain(secret.substring(4));

        CliRun duplicate = CliRun.of(database, Map.of(), "token", "create", "ci");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.err()).contains("already exists");

        assertThat(CliRun.of(database, Map.of(), "token", "revoke", "ci").out()).contains("revoked");
        assertThat(CliRun.of(database, Map.of(), "token", "list").out()).contains("revoked");
        String migrated = CliRun.of(database, Map.of(), "migrate").out();
        Matcher version = Pattern.compile("schema version (\\d+)").matcher(migrated);
        assertThat(version.find()).as(migrated).isTrue();
        assertThat(Integer.parseInt(version.group(1))).isEqualTo(latestMigration());
    }

    /** The highest V<n>__ migration on the class path, so parallel branches adding migrations agree. */
    private static int latestMigration() throws Exception {
        Path folder = Path.of(ProcessTest.class.getClassLoader().getResource("db/migration/sqlite").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    @Test
    void check_config_names_a_bad_setting_and_exits_non_zero() throws Exception {
        CliRun bad = CliRun.of(database, Map.of("PORT", "eighty"), "check-config");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("PORT").contains("eighty");
        CliRun good = CliRun.of(database, Map.of("UPBEAT_ADMIN_TOKEN", "s3cret-value"), "check-config");
        assertThat(good.exit()).isZero();
        assertThat(good.out()).contains("Configuration is valid").contains("UPBEAT_ADMIN_TOKEN").doesNotContain("s3cret-value");
    }

    @Test
    void serve_starts_empty_answers_healthz_and_stops_gracefully_on_sigterm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Started server = CliRun.start(database, Map.of("PORT", Integer.toString(port), "UPBEAT_ADMIN_TOKEN", "t0k3n"), "serve");
        try {
            Http http = new Http("http://127.0.0.1:" + port);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> http.get("/healthz").status() == 200);
            assertThat(http.get("/api/v1/components").json()).as("serve never invents data").isEmpty();
            assertThat(http.raw("POST", "/api/v1/components", "{\"name\":\"API\"}", "Authorization", "Bearer t0k3n",
                    "Content-Type", "application/json").status()).isEqualTo(201);

            server.process().destroy(); // SIGTERM
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s").isTrue();
            String log = Files.readString(server.err(), StandardCharsets.UTF_8);
            assertThat(log).contains("Upbeat stopped");
            assertThat(log.lines().filter(l -> l.contains(" INFO ") && l.contains("SQLite file "
                    + Path.of(database.substring("jdbc:sqlite:".length())).toAbsolutePath()))).as("the database in use, once").hasSize(1);
        } finally {
            server.process().destroyForcibly();
        }
    }

    @Test
    void a_port_in_use_is_one_line_naming_the_setting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            String port = Integer.toString(taken.getLocalPort());
            CliRun serve = CliRun.of(database, Map.of("PORT", port, "UPBEAT_HOST", "0.0.0.0"), "serve");

            assertThat(serve.exit()).isEqualTo(1);
            List<String> problems = serve.err().lines().filter(l -> !l.contains(" INFO ")).toList();
            assertThat(problems).as(serve.err()).hasSize(1);
            assertThat(problems.get(0)).startsWith("upbeat: ").contains("PORT").contains(port);
        }
    }

    @Test
    void one_shot_commands_print_their_output_and_nothing_else() throws Exception {
        CliRun create = CliRun.of(database, Map.of(), "token", "create", "deploy");
        assertThat(create.exit()).isZero();
        assertThat(create.out().lines().toList()).hasSize(1);
        assertThat(create.err().strip()).as("no logs around the one message").isEqualTo(
                "Token 'deploy' created. Store it now: it cannot be shown again.");

        CliRun add = CliRun.withInput(database, Map.of(), "correct horse battery staple\n", "user", "add", "ops@example.com",
                "--role", "admin");
        assertThat(add.exit()).isZero();
        assertThat(add.out()).isEmpty();
        assertThat(add.err().strip()).isEqualTo("User ops@example.com added as admin.");
    }
}
