package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.AffectedComponent;
import dev.upbeat.incident.Impact;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.Kind;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.uptime.DayTotals;
import dev.upbeat.uptime.DayUptime;
import dev.upbeat.uptime.Period;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each day of a component's bars names the incidents of that component that overlap the day, in
 * the snapshot's order, and no other: for every component of a page, and again for a new snapshot.
 */
class DayBarsTest {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");
    private static final List<String> COMPONENTS = List.of("api", "db", "cache");

    @Test
    void each_day_names_the_incidents_of_its_component_that_touch_it() {
        DayBars bars = new DayBars(ZONE);
        Random random = new Random(18);
        for (int snapshot = 0; snapshot < 20; snapshot++) {
            PublicStatus s = snapshot(random);
            for (String id : COMPONENTS) {
                Component c = Component.builder().id(id).name(id).manualStatus(ComponentStatus.OPERATIONAL)
                        .status(ComponentStatus.OPERATIONAL).build();
                Views.Bars made = bars.of(s, c, summary(), id);
                List<DayUptime> days = summary().days();
                for (int d = 0; d < days.size(); d++) {
                    LocalDate day = days.get(d).day();
                    assertThat(made.days().get(d).incidents()).as(id + " on " + day).isEqualTo(expected(s, id, day));
                }
            }
        }
    }

    /** What the bar of {@code day} must link: by definition, from every incident of the snapshot. */
    private static List<Views.Link> expected(PublicStatus s, String componentId, LocalDate day) {
        Instant from = day.atStartOfDay(ZONE).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZONE).toInstant();
        return s.incidents().stream()
                .filter(i -> i.components().stream().anyMatch(a -> a.componentId().equals(componentId)))
                .filter(i -> i.startedAt().isBefore(to) && (i.resolvedAt() == null || i.resolvedAt().isAfter(from)))
                .map(i -> new Views.Link("/incidents/" + i.id(), i.title())).toList();
    }

    /** Thirty incidents over the last 120 days, some open, some long, some on two components. */
    private static PublicStatus snapshot(Random random) {
        List<Incident> incidents = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            Instant start = TODAY.atStartOfDay(ZONE).toInstant().minus(Duration.ofHours(random.nextInt(120 * 24)));
            boolean open = random.nextInt(5) == 0;
            List<AffectedComponent> affected = new ArrayList<>();
            affected.add(new AffectedComponent(COMPONENTS.get(random.nextInt(3)), ComponentStatus.MAJOR_OUTAGE));
            if (random.nextBoolean()) {
                affected.add(new AffectedComponent(COMPONENTS.get(random.nextInt(3)), ComponentStatus.PARTIAL_OUTAGE));
            }
            incidents.add(Incident.builder().id(id).kind(Kind.INCIDENT).title("Incident " + id).impact(Impact.MAJOR)
                    .status(open ? IncidentStatus.INVESTIGATING : IncidentStatus.RESOLVED).startedAt(start).createdAt(start)
                    .updatedAt(start).resolvedAt(open ? null : start.plus(Duration.ofHours(1 + random.nextInt(24 * 20))))
                    .components(affected).updates(List.of()).build());
        }
        incidents.sort(Comparator.comparing(Incident::startedAt).reversed());
        return PublicStatus.builder().version(1).generatedAt(TODAY.atStartOfDay(ZONE).toInstant())
                .page(new PublicStatus.PageInfo("Acme", "https://status.example.test", "UTC")).incidents(incidents).build();
    }

    /** Ninety days, all known. */
    private static UptimeSummary summary() {
        List<DayUptime> days = Period.lastDays(TODAY, 90).days()
                .map(day -> new DayUptime(day, DayTotals.empty(day).plus(ComponentStatus.OPERATIONAL, 86_400), Optional.of(1.0)))
                .toList();
        return new UptimeSummary(Period.previousMonth(TODAY), Optional.of(1.0), Optional.of(1.0), Optional.of(1.0), days,
                new TreeMap<>());
    }
}
