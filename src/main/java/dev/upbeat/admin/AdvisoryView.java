package dev.upbeat.admin;

import java.util.List;

/**
 * One advisory's response board. {@code editing} names the form that was refused ("action-3",
 * "draft-2", "new-draft", "notice"), whose values and errors {@code form} holds; null when none.
 */
public record AdvisoryView(Chrome chrome, long id, String title, String severity, String disclosure, String countdown,
                           String progress, List<ExposureRow> exposure, List<ActionRow> actions, List<DraftRow> drafts,
                           NoticeBox notice, Form form, String editing) {

    public record ExposureRow(String component, String state, int priority, String team) {
    }

    public record ActionRow(long id, String component, String team, String state, String stateWords, String due, boolean overdue,
                            String doneBy, String doneAt, String reason) {
    }

    /**
     * A draft as the board shows it: {@code schedule} in words, {@code posted} (who, when, as what)
     * once posted, with {@code link} to what it became; {@code error} why a post when due failed.
     */
    public record DraftRow(long id, String kind, String title, String message, String status, String impact,
                           List<DraftComponent> components, boolean atDisclosure, String schedule, String posted, String link,
                           String error, List<IncidentViews.Option> statuses, List<IncidentViews.Option> impacts) {
    }

    /** A component a draft names, with the status the post sets and its choices. */
    public record DraftComponent(String id, String name, String status, List<IncidentViews.Option> choices) {
    }

    /** The notice editor: its text, whether the page shows it, and since when. */
    public record NoticeBox(String text, boolean published, String publishedAt) {
    }

    public String error(long actionId, String field) {
        return error("action-" + actionId, field);
    }

    public String error(String key, String field) {
        return key.equals(editing) ? form.error(field) : null;
    }

    /** What the form shows: the refused values when it is the form refused, else the stored value. */
    public String value(String key, String field, String stored) {
        return key.equals(editing) ? form.value(field) : stored == null ? "" : stored;
    }
}
