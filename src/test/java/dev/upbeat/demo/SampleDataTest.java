package dev.upbeat.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.testing.TestDatabases;
import dev.upbeat.testing.TestUpbeat;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleDataTest {

    @Test
    void an_empty_database_gets_groups_history_an_ongoing_incident_and_upcoming_maintenance_once() {
        try (TestUpbeat t = TestUpbeat.services(TestDatabases.sqlite())) {
            SampleData sample = new SampleData(t.upbeat, t.clock);
            assertThat(sample.databaseIsEmpty()).isTrue();
            sample.load();
            assertThat(sample.databaseIsEmpty()).isFalse();

            PublicStatus s = t.upbeat.snapshots().rebuild();
            assertThat(s.groups()).extracting(g -> g.name()).containsExactly("Apps", "Data", "Tools");
            assertThat(s.groups()).allSatisfy(g -> assertThat(s.componentsOf(g.id()).size()).isGreaterThanOrEqualTo(3));

            var open = s.incidents().stream().filter(i -> i.status().isOpen()).toList();
            assertThat(open).hasSize(1);
            assertThat(open.get(0).updates().size()).isGreaterThanOrEqualTo(3);

            var past = s.incidents().stream().filter(i -> i.status() == IncidentStatus.RESOLVED).toList();
            assertThat(past.size()).isGreaterThanOrEqualTo(10);
            assertThat(past.stream().map(Incident::impact).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(2);
            Set<Long> minutes = past.stream().map(i -> Duration.between(i.startedAt(), i.resolvedAt()).toMinutes())
                    .collect(Collectors.toSet());
            assertThat(minutes).as("varied lengths").hasSizeGreaterThan(5);
            assertThat(past.get(past.size() - 1).startedAt()).isBefore(t.clock.instant().minus(Duration.ofDays(80)));

            assertThat(s.maintenances()).singleElement().satisfies(m -> {
                assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
                assertThat(m.scheduledFor()).isAfter(t.clock.instant());
            });
            assertThat(s.uptime().values()).anySatisfy(u -> assertThat(u.last90Days()).hasValueSatisfying(p -> assertThat(p).isLessThan(1.0)));
            assertThat(s.uptime().values()).allSatisfy(u -> assertThat(u.last90Days()).isPresent());
        }
    }
}
