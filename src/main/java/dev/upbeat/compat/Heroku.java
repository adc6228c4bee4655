package dev.upbeat.compat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shapes of Heroku's Status API, field for field as consumers read them (see
 * docs/api.md#compatibility): v4, which the Heroku CLI reads, and the legacy v3 of old chat bots.
 * Ids are numbers; times are ISO 8601 to the second; lists are never null.
 */
public final class Heroku {
    private Heroku() {
    }

    /** {@code GET /api/v4/current-status}. */
    public record CurrentStatus(List<SystemStatus> status, List<Issue> incidents, List<Issue> scheduled) {
    }

    /** One line of {@code heroku status}: a system (our component group) and its colour. */
    public record SystemStatus(String system, String status) {
    }

    /** An incident, or a maintenance window in {@code scheduled[]}; {@code updates} newest first, never empty. */
    public record Issue(long id, String title, String state, boolean resolved, String createdAt, String updatedAt,
                        String fullUrl, List<AffectedSystem> systems, List<String> tags, List<Update> updates) {
    }

    /** A system an incident touches; {@code services} are the names of its affected components. */
    public record AffectedSystem(String name, String status, List<String> services) {
    }

    /** One update; {@code contents} is plain text. */
    public record Update(String updateType, String createdAt, String updatedAt, String contents) {
    }

    /** {@code GET /api/v3/current-status}: one colour per environment, and the issues still open. */
    public record LegacyCurrentStatus(Environments status, List<LegacyIssue> issues) {
    }

    /** v3's two environments; Upbeat does not tell them apart, so both carry the overall colour. */
    public record Environments(@JsonProperty("Production") String production,
                               @JsonProperty("Development") String development) {
    }

    /** An incident or maintenance in v3; {@code href} is its API address, {@code full_url} its page. */
    public record LegacyIssue(long id, String title, boolean resolved, boolean upcoming, String createdAt,
                              String updatedAt, String statusDev, String statusProd, String href, String fullUrl,
                              List<LegacyUpdate> updates) {
    }

    /** A v3 update with the colour of what it touched after it was posted; {@code title} is always null. */
    public record LegacyUpdate(long id, long incidentId, String createdAt, String updatedAt, String updateType,
                               String contents, String title, String statusDev, String statusProd) {
    }
}
