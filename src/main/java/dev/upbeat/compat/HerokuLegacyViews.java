package dev.upbeat.compat;

import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.IncidentStatus;
import dev.upbeat.incident.IncidentUpdate;
import dev.upbeat.incident.Kind;
import dev.upbeat.status.Markdown;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.status.StatusRollup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Heroku Status v3 views (the 2012 shape old chat bots still call): incidents and maintenance
 * together as "issues", one colour for each of Production and Development. Pure: no web, no
 * database.
 */
public final class HerokuLegacyViews {
    private HerokuLegacyViews() {
    }

    /** The overall colour for both environments, and every open incident and maintenance window. */
    public static Heroku.LegacyCurrentStatus currentStatus(PublicStatus s) {
        String overall = Vocabulary.colour(s.overall());
        return new Heroku.LegacyCurrentStatus(new Heroku.Environments(overall, overall),
                Stream.concat(s.openIncidents().stream(), s.openMaintenances().stream()).map(i -> issue(s, i)).toList());
    }

    /** Issues created at or after {@code since} (null: all), newest first, at most {@code limit}. */
    public static List<Heroku.LegacyIssue> issues(PublicStatus s, Instant since, int limit) {
        return Stream.concat(s.incidents().stream(), s.maintenances().stream())
                .filter(i -> since == null || !i.createdAt().isBefore(since))
                .sorted(Comparator.comparing(Incident::createdAt).thenComparing(Incident::id).reversed())
                .limit(limit).map(i -> issue(s, i)).toList();
    }

    public static Optional<Heroku.LegacyIssue> issue(PublicStatus s, long id) {
        return HerokuViews.find(s, id).map(i -> issue(s, i));
    }

    private static Heroku.LegacyIssue issue(PublicStatus s, Incident i) {
        String colour = Vocabulary.colour(HerokuViews.held(i, i.components()));
        return new Heroku.LegacyIssue(i.id(), i.title(), !i.status().isOpen(), i.status() == IncidentStatus.SCHEDULED,
                Timestamps.heroku(i.createdAt()), Timestamps.heroku(i.updatedAt()), colour, colour,
                s.page().url() + "/api/v3/issues/" + i.id(), s.url(i), updates(i));
    }

    /**
     * Newest first, each with the colour of the incident's components right after it was posted,
     * replayed from the changes each update recorded.
     */
    private static List<Heroku.LegacyUpdate> updates(Incident i) {
        List<IncidentUpdate> oldestFirst = new ArrayList<>(i.updatesNewestFirst()).reversed();
        Map<String, ComponentStatus> statuses = new HashMap<>();
        List<Heroku.LegacyUpdate> newestFirst = new ArrayList<>();
        for (IncidentUpdate u : oldestFirst) {
            u.changes().forEach(c -> statuses.put(c.componentId(), c.newStatus()));
            String colour = Vocabulary.colour(StatusRollup.overall(statuses.values()));
            String at = Timestamps.heroku(u.displayAt());
            // v3 knew only issue, update and resolved: maintenance opens with "issue" here.
            String type = Vocabulary.updateType(Kind.INCIDENT, u, newestFirst.isEmpty());
            newestFirst.addFirst(new Heroku.LegacyUpdate(u.id(), i.id(), at, at, type, Markdown.toPlainText(u.message()),
                    null, colour, colour));
        }
        return List.copyOf(newestFirst);
    }
}
