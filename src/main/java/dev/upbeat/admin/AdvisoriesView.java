package dev.upbeat.admin;

import java.util.List;

/** The advisories list: each with its disclosure time, progress and how many items are overdue. */
public record AdvisoriesView(Chrome chrome, List<Row> advisories) {

    public record Row(long id, String title, String severity, String disclosure, String progress, long overdue) {
    }
}
