package dev.upbeat.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import dev.upbeat.simulator.EndReason;
import dev.upbeat.simulator.RunOrigin;
import dev.upbeat.simulator.drill.Verdict;
import dev.upbeat.subscription.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each closed vocabulary is listed in the docs exactly as declared, in declaration order. */
class DocumentedVocabularyTest {
    private static final Pattern WORD = Pattern.compile("`([a-z_]+)`");

    @Test
    void component_statuses() throws IOException {
        assertThat(listed("from best to worst:", "\n\n"))
                .containsExactlyElementsOf(Arrays.stream(ComponentStatus.values()).map(ComponentStatus::wire).toList());
    }

    @Test
    void incident_and_maintenance_lifecycles() throws IOException {
        assertThat(listed("## Incidents", "Impact:")).containsExactlyElementsOf(statuses(Kind.INCIDENT));
        assertThat(listed("## Scheduled maintenance", ". ")).containsExactlyElementsOf(statuses(Kind.MAINTENANCE));
    }

    @Test
    void incident_impacts() throws IOException {
        assertThat(String.join(", ", listed("Impact: ", ";"))).isEqualTo(Impact.INCIDENT_VALUES);
    }

    @Test
    void subscriber_channels() throws IOException {
        assertThat(String.join(", ", listed("| `channel` |", ". "))).isEqualTo(Channel.WIRE_VALUES);
    }

    @Test
    void simulation_origins_and_end_reasons() throws IOException {
        assertThat(listed("simulator.md", "`origin` (", ")"))
                .containsExactlyElementsOf(Arrays.stream(RunOrigin.values()).map(RunOrigin::wire).toList());
        assertThat(listed("simulator.md", "`end_reason` (", ")"))
                .containsExactlyElementsOf(Arrays.stream(EndReason.values()).map(EndReason::wire).toList());
    }

    @Test
    void drill_verdicts_once_a_drill_is_over() throws IOException {
        assertThat(listed("simulator.md", "Verdicts: ", ". The report")).containsExactlyElementsOf(
                Arrays.stream(Verdict.values()).filter(v -> v != Verdict.RUNNING).map(Verdict::wire).toList());
    }

    private static List<String> statuses(Kind kind) {
        return Arrays.stream(IncidentStatus.values()).filter(s -> s.kind() == kind).map(IncidentStatus::wire).toList();
    }

    private static List<String> listed(String start, String end) throws IOException {
        return listed("api.md", start, end);
    }

    /** The backquoted words of docs/{@code file} after {@code start} up to the next {@code end}, asides left out. */
    private static List<String> listed(String file, String start, String end) throws IOException {
        String doc = Files.readString(Path.of("docs", file));
        int from = doc.indexOf(start);
        assertThat(from).as("'%s' in docs/%s", start, file).isNotNegative();
        from += start.length();
        // Asides in parentheses may quote other words, e.g. (breach with `abort_on_breach`).
        Matcher m = WORD.matcher(doc.substring(from, doc.indexOf(end, from)).replaceAll("\\([^)]*\\)", ""));
        List<String> words = new ArrayList<>();
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }
}
