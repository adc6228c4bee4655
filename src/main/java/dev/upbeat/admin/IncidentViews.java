package dev.upbeat.admin;

import java.util.List;

/** The view models of the dashboard, the incident composer and an incident's admin page. */
public final class IncidentViews {
    private IncidentViews() {
    }

    /** One choice in a select; {@code value} is the wire word. */
    public record Option(String value, String label) {
    }

    /** A component with the select that sets what an incident does to it ({@code field} is the form field). */
    public record ComponentPick(String id, String name, String group, String currentWords, String field) {
        public String inputId() {
            return "c-" + id;
        }
    }

    /** A saved text to start an incident from. */
    public record TemplateChoice(String id, String name, String title, String message, String impact) {
    }

    public record Composer(Chrome chrome, Form form, List<ComponentPick> components, List<Option> componentStatuses,
                           List<Option> impacts, List<Option> statuses, String timeZone, List<TemplateChoice> templates) {
    }

    /** An incident or maintenance in a list. */
    public record Row(long id, String title, String status, String impact, String started, String adminUrl) {
    }

    public record Dashboard(Chrome chrome, String overall, List<Row> open, List<Row> maintenance, List<Row> recent) {
    }

    /** One posted update; {@code html} is the sanitised Markdown the public page shows. */
    public record Update(String status, String at, String html) {
    }

    public record Detail(Chrome chrome, long id, String title, String status, String impact, String started, boolean open,
                         boolean resolved, boolean postmortem, String postmortemText, String publicUrl, List<Update> updates,
                         List<ComponentPick> components, List<Option> componentStatuses, List<Option> nextStatuses,
                         List<Option> impacts, Form form, String timeZone) {
    }
}
