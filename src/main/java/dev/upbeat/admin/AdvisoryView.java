package dev.upbeat.admin;

import java.util.List;

/** One advisory's response board; {@code editing} is the action item whose form was refused, or null. */
public record AdvisoryView(Chrome chrome, long id, String title, String severity, String disclosure, String countdown,
                           String progress, List<ExposureRow> exposure, List<ActionRow> actions, Form form, Long editing) {

    public record ExposureRow(String component, String state, int priority, String team) {
    }

    public record ActionRow(long id, String component, String team, String state, String stateWords, String due, boolean overdue,
                            String doneBy, String doneAt, String reason) {
    }

    public String error(long actionId, String field) {
        return editing != null && editing == actionId ? form.error(field) : null;
    }
}
