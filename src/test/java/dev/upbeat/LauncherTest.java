package dev.upbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code java -jar upbeat.jar} on a Java too old for Upbeat says so in one sentence. */
class LauncherTest {

    @Test
    void the_launcher_is_compiled_for_java_8_so_any_java_can_load_it() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("Launcher.class")) {
            DataInputStream data = new DataInputStream(in);
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            assertThat(data.readUnsignedShort()).as("class file major version").isEqualTo(52);
        }
    }

    @Test
    void reads_old_and_new_version_numbers() {
        assertThat(Launcher.major("1.8")).isEqualTo(8);
        assertThat(Launcher.major("17")).isEqualTo(17);
        assertThat(Launcher.major("25")).isEqualTo(25);
        assertThat(Launcher.major("")).as("unreadable: let Main try").isGreaterThan(21);
    }

    @Test
    void an_old_java_is_told_which_java_upbeat_needs() throws Exception {
        Optional<Path> old = oldJava();
        assumeTrue(old.isPresent(), "no Java older than 21 under /usr/lib/jvm");
        Process p = new ProcessBuilder(old.get().toString(), "-cp", System.getProperty("java.class.path"),
                "dev.upbeat.Launcher", "--version").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(output).startsWith("Upbeat needs Java 21 or newer; this is Java ").doesNotContain("UnsupportedClassVersionError");
    }

    @Test
    void a_recent_java_runs_upbeat() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.upbeat.Launcher", "--version")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("upbeat ");
        assertThat(p.exitValue()).isZero();
    }

    private static Optional<Path> oldJava() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvms)) {
            List<Path> javas = dirs.filter(d -> d.getFileName().toString().matches(".*-(8|11|17)(-.*)?"))
                    .map(d -> d.resolve("bin/java")).filter(Files::isExecutable).sorted(Comparator.reverseOrder()).toList();
            return javas.stream().findFirst();
        }
    }
}
