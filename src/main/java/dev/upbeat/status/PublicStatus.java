package dev.upbeat.status;

import dev.upbeat.component.Component;
import dev.upbeat.component.ComponentGroup;
import dev.upbeat.component.ComponentStatus;
import dev.upbeat.incident.Incident;
import dev.upbeat.incident.Kind;
import dev.upbeat.uptime.UptimeSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the public may read, as of one moment, immutable. Every page and public API answer
 * is made from one of these, never from the database. {@code version} grows with each rebuild;
 * it is the ETag and the live-update event id.
 *
 * @param components all components, grouped ones in group order, then ungrouped
 * @param history    incidents (newest start first) and maintenance windows (latest window first),
 *                   with the open ones of each
 * @param rendered   bodies of fixed public endpoints (JSON, feeds, badges), serialised once per snapshot
 * @param uptime     each component's headline uptime: from its status history, or from its probes
 *                   when UPBEAT_UPTIME_SOURCE is {@code probes}
 * @param measured   what probes measured, shown beside or instead of the status history
 * @param notices    published notices (an advisory's "we are aware of ..."), latest first
 *
 * <p>Build one by name with {@link #builder()}, or change one with {@link #toBuilder()}: four of
 * its lists and both maps have the same shape, so a positional call is easy to misread.
 */
public record PublicStatus(
        long version,
        Instant generatedAt,
        PageInfo page,
        ComponentStatus overall,
        List<ComponentGroup> groups,
        List<Component> components,
        IncidentHistory history,
        Map<String, UptimeSummary> uptime,
        Map<String, byte[]> rendered,
        MeasuredStatus measured,
        List<Notice> notices) {

    /** The heading of components outside any group, on the page and wherever a group name is expected. */
    public static final String UNGROUPED = "Other";

    /** Incidents, newest start first. */
    public List<Incident> incidents() {
        return history.incidents();
    }

    /** Maintenance windows, latest window first. */
    public List<Incident> maintenances() {
        return history.maintenances();
    }

    /** The incidents not yet resolved, newest start first. */
    public List<Incident> openIncidents() {
        return history.openIncidents();
    }

    /** The windows not yet completed or cancelled, latest window first. */
    public List<Incident> openMaintenances() {
        return history.openMaintenances();
    }

    public Optional<Component> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<ComponentGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Incident> incident(long id) {
        return incidents().stream().filter(i -> i.id() == id).findFirst();
    }

    public Optional<Incident> maintenance(long id) {
        return maintenances().stream().filter(i -> i.id() == id).findFirst();
    }

    public List<Component> componentsOf(String groupId) {
        return components.stream().filter(c -> groupId.equals(c.groupId())).toList();
    }

    public ComponentStatus groupStatus(String groupId) {
        return StatusRollup.overall(componentsOf(groupId).stream().map(Component::status).toList());
    }

    /** The public page of an incident or a maintenance window: the one place these addresses are made. */
    public String url(Incident i) {
        return page.url() + (i.kind() == Kind.MAINTENANCE ? "/maintenance/" : "/incidents/") + i.id();
    }

    public String etag() {
        return "\"" + version + "\"";
    }

    /** A published notice: its Markdown text, and since when the page shows it in this wording. */
    public record Notice(long id, String text, Instant publishedAt) {
    }

    /** Name, public address and display zone of the page. */
    public record PageInfo(String name, String url, String timeZone) {
    }

    /**
     * A builder with empty lists and maps and without probe measurements; everything else is null
     * or zero until set.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every field of this snapshot, to change a few. */
    public Builder toBuilder() {
        return new Builder().version(version).generatedAt(generatedAt).page(page).overall(overall).groups(groups)
                .components(components).history(history).uptime(uptime).rendered(rendered)
                .measured(measured).notices(notices);
    }

    public static final class Builder {
        private long version;
        private Instant generatedAt;
        private PageInfo page;
        private ComponentStatus overall;
        private List<ComponentGroup> groups = List.of();
        private List<Component> components = List.of();
        private List<Incident> incidents = List.of();
        private List<Incident> maintenances = List.of();
        /** Set whole by {@link #history}, or made at {@link #build} from the two lists. */
        private IncidentHistory history;
        private Map<String, UptimeSummary> uptime = Map.of();
        private Map<String, byte[]> rendered = Map.of();
        private MeasuredStatus measured = MeasuredStatus.NONE;
        private List<Notice> notices = List.of();

        private Builder() {
        }

        public Builder version(long version) { this.version = version; return this; }
        public Builder generatedAt(Instant generatedAt) { this.generatedAt = generatedAt; return this; }
        public Builder page(PageInfo page) { this.page = page; return this; }
        public Builder overall(ComponentStatus overall) { this.overall = overall; return this; }
        public Builder groups(List<ComponentGroup> groups) { this.groups = groups; return this; }
        public Builder components(List<Component> components) { this.components = components; return this; }
        public Builder incidents(List<Incident> incidents) { this.incidents = incidents; this.history = null; return this; }
        public Builder maintenances(List<Incident> maintenances) { this.maintenances = maintenances; this.history = null; return this; }

        public Builder history(IncidentHistory history) {
            this.history = history;
            this.incidents = history.incidents();
            this.maintenances = history.maintenances();
            return this;
        }

        public Builder uptime(Map<String, UptimeSummary> uptime) { this.uptime = uptime; return this; }
        public Builder rendered(Map<String, byte[]> rendered) { this.rendered = rendered; return this; }
        public Builder measured(MeasuredStatus measured) { this.measured = measured; return this; }
        public Builder notices(List<Notice> notices) { this.notices = notices; return this; }

        public PublicStatus build() {
            return new PublicStatus(version, generatedAt, page, overall, groups, components,
                    history != null ? history : IncidentHistory.of(incidents, maintenances), uptime, rendered, measured, notices);
        }
    }
}
