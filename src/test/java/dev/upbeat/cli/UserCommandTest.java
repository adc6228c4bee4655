package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.testing.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code upbeat user add} in its own JVM: a password piped in, or one generated and printed once. */
class UserCommandTest {
    private final String database = TestDatabases.sqlite();

    @Test
    void user_add_reads_the_password_from_a_pipe_or_generates_one_and_list_shows_roles() throws Exception {
        CliRun piped = CliRun.withInput(database, Map.of(), "a piped password 123\n", "user", "add", "Ops@Example.com", "--role", "admin");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).as("a chosen password is never echoed").doesNotContain("a piped password");
        assertThat(piped.err()).contains("ops@example.com added as admin");

        CliRun generated = CliRun.withInput(database, Map.of(), "", "user", "add", "dev@example.com", "--role", "editor");
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(generated.out().strip()).matches("[A-Za-z0-9_-]{24}");
        assertThat(generated.err()).contains("cannot be shown again");

        CliRun bad = CliRun.withInput(database, Map.of(), "short\n", "user", "add", "x@example.com", "--role", "owner");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("role must be one of admin, editor");

        CliRun list = CliRun.of(database, Map.of(), "user", "list");
        assertThat(list.out()).contains("ops@example.com").contains("admin").contains("dev@example.com").contains("editor")
                .doesNotContain("pbkdf2");
    }
}
