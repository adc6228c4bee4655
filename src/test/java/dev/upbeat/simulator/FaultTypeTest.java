package dev.upbeat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The fault registry is the one list: every record is in it, and the docs' table follows it. */
class FaultTypeTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void every_fault_record_is_registered_once() {
        assertThat(Arrays.stream(FaultType.values()).<Class<?>>map(FaultType::record))
                .containsExactlyInAnyOrder(Fault.class.getPermittedSubclasses())
                .doesNotHaveDuplicates();
    }

    @Test
    void the_docs_list_the_registered_types_in_registry_order() throws IOException {
        assertThat(documentedTypes().keySet()).containsExactlyElementsOf(
                Arrays.stream(FaultType.values()).map(FaultType::wire).toList());
    }

    @Test
    void the_docs_name_every_parameter_of_each_type() throws IOException {
        Map<String, String> documented = documentedTypes();
        for (FaultType type : FaultType.values()) {
            for (String param : parameters(type)) {
                assertThat(documented.get(type.wire())).as("parameters of %s in docs/simulator.md", type.wire())
                        .contains("`" + param + "`");
            }
        }
    }

    @Test
    void the_admin_form_asks_only_for_parameters_the_type_has() {
        for (FaultType type : FaultType.values()) {
            assertThat(parameters(type)).as(type.wire())
                    .containsAll(type.formFields().stream().map(FaultType.FormField::param).toList());
        }
    }

    @Test
    void each_type_reads_and_writes_under_its_registry_name() {
        for (FaultType type : FaultType.values()) {
            String json = "[{\"type\":\"" + type.wire() + "\"" + required(type) + "}]";
            List<Fault> faults = FaultParser.load(json);
            assertThat(faults.getFirst()).isInstanceOf(type.record());
            assertThat(faults.getFirst().type()).isEqualTo(type.wire());
            assertThat(FaultParser.store(faults)).startsWith("[{\"type\":\"" + type.wire() + "\",");
        }
    }

    private static String required(FaultType type) {
        return switch (type) {
            case STATUS -> ",\"status\":500";
            case LATENCY -> ",\"delay\":\"PT1S\"";
            case SLOW_BODY -> ",\"bytes_per_second\":100";
            case TRUNCATE -> ",\"after_bytes\":10";
            case MAINTENANCE, TIMEOUT, RESET, EMPTY_RESPONSE, MALFORMED_RESPONSE -> "";
        };
    }

    /** The JSON parameters of a type besides those every fault takes. */
    private static List<String> parameters(FaultType type) {
        return Arrays.stream(type.record().getRecordComponents()).map(c -> c.getName())
                .filter(n -> !n.equals("percentage") && !n.equals("match"))
                .map(n -> PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(n)).toList();
    }

    /** Type name to its Parameters cell, from the table under "## Faults" in docs/simulator.md. */
    private static Map<String, String> documentedTypes() throws IOException {
        String doc = Files.readString(Path.of("docs", "simulator.md"));
        String faults = doc.substring(doc.indexOf("| Type | Parameters |"), doc.indexOf("**How several faults combine.**"));
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(faults);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }
}
