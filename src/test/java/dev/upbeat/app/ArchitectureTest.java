package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of docs/architecture.md, checked on the sources so they cannot drift. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/upbeat");

    private static List<Path> sourcesImporting(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import " + prefix));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(MAIN::relativize)
                    .toList();
        }
    }

    @Test
    void only_web_handlers_import_the_web_framework() throws IOException {
        Predicate<Path> allowed = p -> p.startsWith("web")
                || p.getFileName().toString().matches(".*(Api|Pages|Assets|Events)\\.java");
        assertThat(sourcesImporting("io.javalin")).isNotEmpty().allMatch(allowed);
    }

    @Test
    void only_repositories_and_storage_import_jdbi() throws IOException {
        Predicate<Path> allowed = p -> p.startsWith("storage") || p.getFileName().toString().endsWith("Repository.java");
        assertThat(sourcesImporting("org.jdbi")).isNotEmpty().allMatch(allowed);
    }

    @Test
    void components_know_nothing_of_incidents_status_or_uptime() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("component"))) {
            for (Path p : files.toList()) {
                assertThat(Files.readString(p)).as(p.toString())
                        .doesNotContain("import dev.upbeat.incident").doesNotContain("import dev.upbeat.status")
                        .doesNotContain("import dev.upbeat.uptime");
            }
        }
    }

    @Test
    void the_compatible_views_are_pure_and_status_does_not_know_them() throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve("compat"))) {
            for (Path p : files.filter(f -> !f.getFileName().toString().endsWith("Api.java")).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain("import io.javalin")
                        .doesNotContain("import dev.upbeat.web").doesNotContain("import dev.upbeat.storage")
                        .doesNotContain("import org.jdbi");
            }
        }
        try (Stream<Path> files = Files.list(MAIN.resolve("status"))) {
            for (Path p : files.toList()) {
                assertThat(Files.readString(p)).as(p.toString()).doesNotContain("import dev.upbeat.compat");
            }
        }
    }
}
