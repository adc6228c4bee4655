package dev.upbeat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void every_command_has_help() {
        for (List<String> command : List.<List<String>>of(List.of(), List.of("serve"), List.of("demo"), List.of("status"), List.of("token"),
                List.of("token", "create"), List.of("token", "list"), List.of("token", "revoke"), List.of("migrate"),
                List.of("check-config"), List.of("probe"), List.of("probe", "add"))) {
            String[] args = java.util.stream.Stream.concat(command.stream(), java.util.stream.Stream.of("--help")).toArray(String[]::new);
            Run r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage:");
        }
    }

    @Test
    void usage_errors_exit_non_zero_with_a_message() {
        Run unknown = run("frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
        Run missing = run("token", "create");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("NAME");
        Run none = run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("upbeat demo");
    }

    @Test
    void version_is_the_one_the_build_gave() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("upbeat \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }
}
