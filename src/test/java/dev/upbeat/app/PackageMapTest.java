package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PackageMapTest {
    private static final String START = "<!-- package map: generated from the compiled classes by PackageMapTest -->\n```\n";
    private static final String END = "```\n<!-- end of package map -->";

    @Test
    void the_package_map_in_the_architecture_doc_is_the_one_the_code_has() throws IOException {
        String doc = Files.readString(Path.of("docs/architecture.md"));
        assertThat(doc).as("docs/architecture.md must hold the package map between its markers").contains(START, END);
        String shown = doc.substring(doc.indexOf(START) + START.length(), doc.indexOf(END));
        String actual = PackageMap.render();
        assertThat(shown).withFailMessage("The package map in docs/architecture.md is out of date; "
                + "put these lines between its markers:%n%s", actual).isEqualTo(actual);
    }
}
