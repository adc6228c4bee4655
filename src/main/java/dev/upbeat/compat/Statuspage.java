package dev.upbeat.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.upbeat.status.ReusedJson;
import java.util.List;

/**
 * The shapes of Atlassian Statuspage's public API v2, field for field (see
 * docs/api.md#compatibility). Ids are strings, times ISO 8601 with milliseconds and offset, and
 * every list is a list, empty when there is nothing, never null.
 */
public final class Statuspage {
    private Statuspage() {
    }

    /** The page; {@code id} is {@link StatuspageViews#pageId} of its address. */
    public record Page(String id, String name, String url, String timeZone, String updatedAt) {
    }

    /** The overall status: {@code indicator} and {@code description} from one rule, StatusRollup. */
    public record Status(String indicator, String description) {
    }

    /**
     * A component, or a group of them ({@code group: true}, with its children's ids in
     * {@code components}); children carry {@code group_id} and no {@code components} key.
     */
    public record Component(String id, String name, String status, String createdAt, String updatedAt, int position,
                            String description, boolean showcase, String startDate, String groupId, String pageId,
                            boolean group, boolean onlyShowIfDegraded,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> components) {
    }

    /** An incident; {@code incident_updates} newest first, {@code components} the affected ones. */
    public record Incident(String id, String name, String status, String impact, String createdAt, String updatedAt,
                           String startedAt, String monitoringAt, String resolvedAt, String shortlink, String pageId,
                           String postmortemBody, List<Update> incidentUpdates, List<Component> components)
            implements ReusedJson {
    }

    /** A scheduled maintenance: an incident with impact {@code maintenance} and a window. */
    public record ScheduledMaintenance(String id, String name, String status, String impact, String scheduledFor,
                                       String scheduledUntil, boolean scheduledAutoInProgress,
                                       boolean scheduledAutoCompleted, String createdAt, String updatedAt,
                                       String startedAt, String monitoringAt, String resolvedAt, String shortlink,
                                       String pageId, List<Update> incidentUpdates, List<Component> components)
            implements ReusedJson {
    }

    /** One update; {@code body} is the Markdown as written, {@code affected_components} may be empty. */
    public record Update(String id, String incidentId, String status, String body, String createdAt, String updatedAt,
                         String displayAt, List<AffectedComponent> affectedComponents, boolean deliverNotifications,
                         String customTweet, String tweetId) {
    }

    /** What one update did to one component; {@code code} is the component's id. */
    public record AffectedComponent(String code, String name, String oldStatus, String newStatus) {
    }

    /** {@code status.json}. */
    public record StatusBody(Page page, Status status) {
    }

    /** {@code summary.json}: all components, unresolved incidents, maintenance upcoming or under way. */
    public record Summary(Page page, Status status, List<Component> components, List<Incident> incidents,
                          List<ScheduledMaintenance> scheduledMaintenances) {
    }

    /** {@code components.json}. */
    public record Components(Page page, List<Component> components) {
    }

    /** {@code incidents.json} and {@code incidents/unresolved.json}. */
    public record Incidents(Page page, List<Incident> incidents) {
    }

    /** {@code scheduled-maintenances.json} and its {@code upcoming} and {@code active} subsets. */
    public record ScheduledMaintenances(Page page, List<ScheduledMaintenance> scheduledMaintenances) {
    }
}
